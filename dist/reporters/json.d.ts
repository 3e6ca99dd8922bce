import type { RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
export declare const JSON_FILE = "results.json";
export declare const RESULTS_FORMAT = "sipapp-conformance/results@1";
export type ResultsBundle = {
    format: typeof RESULTS_FORMAT;
} & RunResult;
export declare class JsonReporter implements Reporter {
    private readonly opts;
    readonly name = "json";
    constructor(opts: Pick<ReporterOptions, 'outDir'>);
    onEnd(run: RunResult): Promise<string[]>;
}
export declare function renderResultsBundle(run: RunResult): string;
export declare class ResultsBundleError extends Error {
    name: string;
}
/** Parse a results bundle's text; `source` names it in errors. */
export declare function parseResultsBundle(text: string, source?: string): RunResult;
/** Read a results bundle written by the json reporter (for `merge`/`diff`). */
export declare function readResultsBundle(path: string): RunResult;
