import type { RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
export declare const JUNIT_FILE = "junit.xml";
export declare class JUnitReporter implements Reporter {
    private readonly opts;
    readonly name = "junit";
    constructor(opts: Pick<ReporterOptions, 'outDir'>);
    onEnd(run: RunResult): Promise<string[]>;
}
/** The JUnit document for a run (exported for tests and `merge`). */
export declare function renderJUnit(rawRun: RunResult, host?: string): string;
