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
 * Run cases with at most `concurrency` in flight. Cases sharing a `lock` run
 * one after another in definition order (they share fixtures such as leases).
 * Exclusive cases run afterwards, one at a time, with nothing else in flight.
 * Results come back in definition order, whatever order they finished in.
 */
export declare function executeCases(cases: CaseDefinition[], env: RunEnvironment, options: ExecuteOptions): Promise<CaseResult[]>;
