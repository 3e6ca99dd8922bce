import type { RunResult } from '../results/model.ts';
import { type RunOptions } from './options.ts';
export interface RunHooks {
    /** Where console output goes (tests capture it). */
    stream?: NodeJS.WritableStream;
    /** True once the user asked to stop (first SIGINT/SIGTERM). */
    interrupted?: () => boolean;
    runId?: string;
}
export interface RunOutcome {
    result: RunResult;
    files: string[];
}
/**
 * One conformance run: resolve the target (the embedded reference server when
 * no --base-url), plan the selected cases, run them, clean up what the run
 * created, and hand the results to the reporters. Usage and reachability
 * problems throw UsageError before any case runs.
 */
export declare function executeRun(options: RunOptions, hooks?: RunHooks): Promise<RunOutcome>;
