import { randomBytes } from 'node:crypto';
/**
 * Every resource the run creates is named `<runId>-…`, so a person (and
 * `cleanup`) can tell the run's leftovers from anything else on the account.
 * Run ids are lower-case [a-z0-9-] because they also prefix subdomains.
 */
export function newRunId(now = new Date()) {
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return `sct-${stamp}-${randomBytes(3).toString('hex')}`;
}
export const RUN_ID_PATTERN = /^sct-\d{14}-[0-9a-f]{6}$/;
export class NameFactory {
    runId;
    counter = 0;
    constructor(runId) {
        this.runId = runId;
    }
    /** A fresh app name: `<runId>-<label>-<n>`. */
    name(label) {
        return `${this.runId}-${label}-${++this.counter}`;
    }
    /** A fresh subdomain, host-name safe (E26). */
    subdomain() {
        return `${this.runId}-s${++this.counter}`;
    }
    /** A name of exactly `length` characters (code points), padded with `pad` after the run prefix. */
    nameOfLength(length, pad) {
        const prefix = `${this.runId}-${++this.counter}-`;
        if (length <= prefix.length)
            return prefix.slice(0, length);
        return prefix + pad.repeat(length - prefix.length);
    }
    /** A subdomain of exactly `length` characters; below the prefix length it cannot carry the run id. */
    subdomainOfLength(length) {
        const prefix = `${this.runId}-${++this.counter}-`;
        if (length <= prefix.length)
            return `${randomBytes(8).toString('hex')}`.slice(0, length);
        return prefix + 'a'.repeat(length - prefix.length);
    }
}
//# sourceMappingURL=names.js.map