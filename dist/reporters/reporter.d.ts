import type { CaseResult, PlannedCase, RunInfo, RunResult } from '../src/results/model.ts';
/**
 * One small interface per output format, as Playwright's reporters do.
 * A reporter never decides a verdict; the multiplexer contains its errors.
 */
export interface Reporter {
    readonly name: string;
    onBegin?(info: RunInfo, plan: PlannedCase[]): void | Promise<void>;
    onCaseEnd?(result: CaseResult): void | Promise<void>;
    /** Write the final output; return the files written (for the console to list). */
    onEnd(run: RunResult): Promise<string[]> | string[];
    /**
     * Optional, called after every reporter's `onEnd` with the union of the files
     * written (so the console can list them last). Added compatibly: reporters
     * without it are unaffected.
     */
    onReportFiles?(files: string[]): void | Promise<void>;
}
export interface ReporterOptions {
    /** Output directory for file reporters. */
    outDir: string;
    /** Where console output goes (tests pass a buffer). */
    stream?: NodeJS.WritableStream;
    /** Console colour; off when not a TTY or NO_COLOR is set. */
    color?: boolean;
    /** Quiet console: summary only. */
    quiet?: boolean;
}
