import type { CaseDefinition } from '../../suites/case.ts';
import type { CaseResult } from '../results/model.ts';
import type { RunEnvironment } from './environment.ts';
export interface ExecuteOptions {
    concurrency: number;
    /** Epoch ms after which no new case starts (the run deadline). */
    deadline?: number;
    /** Stop starting new cases (a signal arrived). */
    aborted?: () => boolean;
    onCaseEnd?: (result: CaseResult) => void | Promise<void>;
}
/** Run one case to a result; never throws. */
export declare function runCase(c: CaseDefinition, env: RunEnvironment): Promise<CaseResult>;
export declare function describe(c: CaseDefinition): {
    id: string;
    title: string;
    suite: string;
    operation: "CreateSIPControlApp" | "ListSIPControlApps" | "GetSIPControlAppByUUID" | "ModifySIPControlApp" | "RemoveSIPControlAppByUUID" | "AssignTNLeasesToSIPControlApp" | "GetSIPControlAppTNLeasesList" | "ExecuteSIPControlAppCallExecuteCallFlow" | "workflow";
    tags: string[];
};
export declare function skippedResult(c: CaseDefinition, reason: string): CaseResult;
/**
 * Run cases with at most `concurrency` in flight, each starting as soon as a
 * slot and the fixtures it needs are free: a case waiting for a fixture never
 * holds a slot, so independent cases never wait for each other.
 *
 * Fixtures are held as finely as they are shared:
 * - `lock: 'tnleases'`: the case assigns the account's TN leases. It takes as
 *   many leases as it needs (two for `needs: ['twoTnleases']`, else one) from
 *   the run's pool and sees only those in `env.fixtures.tnleases`: cases on
 *   different leases run side by side, two cases never share a lease.
 * - any other lock (e.g. 'call', the one live call): one case at a time.
 * Waiting cases are served in definition order per fixture (no overtaking), so
 * a case needing both leases is not starved by single-lease ones.
 * Exclusive cases run afterwards, one at a time, with nothing else in flight.
 * Results come back in definition order, whatever order they finished in.
 */
export declare function executeCases(cases: CaseDefinition[], env: RunEnvironment, options: ExecuteOptions): Promise<CaseResult[]>;
/** The lock name of cases that assign the account's leases (a pool, not one lock). */
export declare const LEASE_POOL_LOCK = "tnleases";
/** How many of the pool's leases a case holds while it runs. */
export declare function leaseDemand(c: CaseDefinition, poolSize: number): number;
