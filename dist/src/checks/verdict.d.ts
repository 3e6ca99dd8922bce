/**
 * A check's answer about one observation. `null` from a check means "does not
 * apply here" (e.g. envelope rules on a body that is not JSON are the
 * content-type check's business, not a second failure).
 */
export type Verdict = {
    pass: true;
    note?: string;
} | {
    pass: false;
    message: string;
    expected: string;
    actual: string;
};
export declare const pass: (note?: string) => Verdict;
export declare function fail(message: string, expected: string, actual: string): Verdict;
