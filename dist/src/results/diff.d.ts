import type { RunResult } from './model.ts';
/**
 * What changed between two runs, per case and per check: the answer to
 * "what did last night's deploy break". Keys are case ids + check names,
 * which are stable across runs by design.
 */
export interface RunDiff {
    newlyFailing: DiffEntry[];
    newlyPassing: DiffEntry[];
    newlySkipped: DiffEntry[];
    added: string[];
    removed: string[];
}
export interface DiffEntry {
    caseId: string;
    /** The check that changed, or undefined for the case as a whole (errors, skips). */
    check?: string;
    before: string;
    after: string;
    message?: string;
}
export declare function diffRuns(before: RunResult, after: RunResult): RunDiff;
export declare function formatDiff(diff: RunDiff): string;
