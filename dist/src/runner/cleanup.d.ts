import type { CaseResult } from '../results/model.ts';
import type { RunEnvironment } from './environment.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';
/**
 * Remove everything the ledger says the run created, and nothing else:
 * release the leases the run assigned, delete the app, confirm it is gone.
 * Apps whose create got no usable answer are found by their run-prefixed
 * name — never by anything looser. The outcome is reported as its own case.
 */
export interface CleanupOptions {
    concurrency?: number;
    /**
     * Also remove apps named or subdomained `<run id>-…` that the ledger does not
     * list (a ledger lost or torn by a crash). Only for an explicit, well-formed
     * run id (`cleanup --run`): the id is unique, so the prefix names only that run's apps.
     */
    sweepPrefix?: boolean;
}
export declare function cleanupLedger(env: RunEnvironment, ledger: Ledger, entries?: LedgerEntry[], options?: CleanupOptions): Promise<CaseResult>;
