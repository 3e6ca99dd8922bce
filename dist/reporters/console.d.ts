/**
 * Console reporter: one progress line per finished case (no cursor tricks, so
 * CI logs and pipes read the same as a terminal), then the summary: counts,
 * operation × status, check × outcome, every failure with its evidence,
 * warnings in brief, and the report files written.
 * `quiet`: summary counts and one line per failing case only.
 */
import type { CaseResult, PlannedCase, RunInfo, RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
export declare class ConsoleReporter implements Reporter {
    readonly name = "console";
    private readonly stream;
    private readonly color;
    private readonly quiet;
    private planned;
    private done;
    constructor(opts?: Partial<ReporterOptions>);
    onBegin(info: RunInfo, plan: PlannedCase[]): void;
    onCaseEnd(result: CaseResult): void;
    onEnd(rawRun: RunResult): string[];
    onReportFiles(files: string[]): void;
    private printOperationTable;
    private printCheckTable;
    private printFailures;
    private printErrors;
    private printWarnings;
    private field;
    private table;
    private style;
    private line;
}
