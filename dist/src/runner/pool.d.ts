/** Map over items with at most `limit` promises in flight; results keep the items' order. */
export declare function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]>;
