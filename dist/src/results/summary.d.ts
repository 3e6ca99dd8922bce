import type { CaseResult, RunSummary } from './model.ts';
/** Counts and the verdict of a set of case results: exit 1 when any case failed or could not be evaluated. */
export declare function summarise(cases: CaseResult[], durationMs: number, requests: number, throttling?: RunSummary['throttling']): RunSummary;
