/**
 * The run ledger: every resource the run creates is written down BEFORE the
 * request goes out (so a crash between request and answer still leaves a
 * trace), then updated as it is created, leased and removed. Cleanup — at the
 * end of the run, on a signal, or later by `sipapp-conformance cleanup` —
 * works only from this record, so it can never touch what the run did not make.
 */
export type LedgerEvent = {
    event: 'intent';
    key: string;
    name: string;
    subdomain?: string;
} | {
    event: 'created';
    key: string;
    uuid: string;
} | {
    event: 'leased';
    key: string;
    leases: string[];
} | {
    event: 'unleased';
    key: string;
    leases: string[];
} | {
    event: 'removed';
    key: string;
};
export interface LedgerEntry {
    key: string;
    runId: string;
    name: string;
    subdomain?: string;
    uuid?: string;
    leases: string[];
    removed: boolean;
}
export declare class Ledger {
    readonly runId: string;
    private readonly entries;
    private counter;
    readonly file?: string;
    constructor(runId: string, dir?: string);
    /** Record the intent to create an app; returns the key later events use. */
    intent(name: string, subdomain?: string): string;
    created(key: string, uuid: string): void;
    leased(key: string, leases: string[]): void;
    unleased(key: string, leases: string[]): void;
    removed(key: string): void;
    keyOf(uuid: string): string | undefined;
    /** What still needs cleaning up. */
    outstanding(): LedgerEntry[];
    all(): LedgerEntry[];
    private apply;
}
/** Read the ledgers earlier runs left in `dir` (for `cleanup`). */
export declare function readLedgers(dir: string, runId?: string): LedgerEntry[];
