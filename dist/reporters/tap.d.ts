import type { RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
export declare const TAP_FILE = "results.tap";
export declare class TapReporter implements Reporter {
    private readonly opts;
    readonly name = "tap";
    constructor(opts: Pick<ReporterOptions, 'outDir'>);
    onEnd(run: RunResult): Promise<string[]>;
}
export declare function renderTap(rawRun: RunResult): string;
