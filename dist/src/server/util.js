import { randomUUID } from 'node:crypto';
/** The uuid pattern the page gives (kept here on purpose: the server's rules are its own). */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** ISO 8601 UTC without milliseconds, like the page's examples. */
export function isoNow(date = new Date()) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
export function newUuid() {
    return randomUUID();
}
/** An error the API answers with its envelope. */
export class ApiError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
export function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Length in Unicode code points (ERRATA E26). */
export function codePointLength(s) {
    let n = 0;
    for (const _ of s)
        n++;
    return n;
}
export function deepCopy(value) {
    return structuredClone(value);
}
//# sourceMappingURL=util.js.map