/**
 * Every resource the run creates is named `<runId>-…`, so a person (and
 * `cleanup`) can tell the run's leftovers from anything else on the account.
 * Run ids are lower-case [a-z0-9-] because they also prefix subdomains.
 */
export declare function newRunId(now?: Date): string;
export declare const RUN_ID_PATTERN: RegExp;
export declare class NameFactory {
    readonly runId: string;
    private counter;
    constructor(runId: string);
    /** A fresh app name: `<runId>-<label>-<n>`. */
    name(label: string): string;
    /** A fresh subdomain, host-name safe (E26). */
    subdomain(): string;
    /** A name of exactly `length` characters (code points), padded with `pad` after the run prefix. */
    nameOfLength(length: number, pad: string): string;
    /** A subdomain of exactly `length` characters; below the prefix length it cannot carry the run id. */
    subdomainOfLength(length: number): string;
}
