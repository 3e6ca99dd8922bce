import type { RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
export declare const HTML_FILE = "report.html";
export declare class HtmlReporter implements Reporter {
    private readonly opts;
    readonly name = "html";
    constructor(opts: Pick<ReporterOptions, 'outDir'>);
    onEnd(run: RunResult): Promise<string[]>;
}
/** Escape for HTML text and double-quoted attributes, after dropping control characters. */
export declare function escapeHtml(text: string): string;
export declare function renderHtml(rawRun: RunResult): string;
