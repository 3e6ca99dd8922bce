/** The uuid pattern the page gives (kept here on purpose: the server's rules are its own). */
export declare const UUID_RE: RegExp;
/** ISO 8601 UTC without milliseconds, like the page's examples. */
export declare function isoNow(date?: Date): string;
export declare function newUuid(): string;
/** An error the API answers with its envelope. */
export declare class ApiError extends Error {
    readonly status: number;
    constructor(status: number, message: string);
}
export declare function isPlainObject(value: unknown): value is Record<string, unknown>;
/** Length in Unicode code points (ERRATA E26). */
export declare function codePointLength(s: string): number;
export declare function deepCopy<T>(value: T): T;
