/**
 * Feeds several reporters as one. Each reporter's failures are contained: the
 * first error a reporter throws (or rejects with) is passed once to `onError`,
 * that reporter is dropped for the rest of the run, and the others carry on.
 * Reporters get their own deep copy of every result, so none can change what
 * the others (or the caller) see, the verdict included.
 */
import type { CaseResult, PlannedCase, RunInfo, RunResult } from '../src/results/model.ts';
import type { Reporter } from './reporter.ts';
export type ReporterPhase = 'onBegin' | 'onCaseEnd' | 'onEnd' | 'onReportFiles';
export interface ReporterFailure {
    reporter: string;
    phase: ReporterPhase;
    error: unknown;
}
export type ReporterErrorHandler = (failure: ReporterFailure) => void;
/** Default handler: one line on stderr. */
export declare const stderrReporterError: ReporterErrorHandler;
export declare class ReporterMultiplexer implements Reporter {
    readonly reporters: readonly Reporter[];
    private readonly onError;
    readonly name = "multiplexer";
    /** Every contained failure, in order (for the CLI or tests). */
    readonly failures: ReporterFailure[];
    private readonly disabled;
    constructor(reporters: readonly Reporter[], onError?: ReporterErrorHandler);
    onBegin(info: RunInfo, plan: PlannedCase[]): Promise<void>;
    onCaseEnd(result: CaseResult): Promise<void>;
    /** Runs every reporter's onEnd, then hands the union of files to `onReportFiles`; returns that union. */
    onEnd(run: RunResult): Promise<string[]>;
    private active;
    private guard;
}
