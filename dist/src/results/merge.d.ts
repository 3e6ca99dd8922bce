import type { RunResult } from './model.ts';
/** Combine the bundles of CI shards into one run: every case once, counts recomputed. */
export declare function mergeRuns(runs: RunResult[]): RunResult;
