/**
 * The reporters by name, as `--reporter` takes them.
 */
import type { Reporter, ReporterOptions } from './reporter.ts';
import { ReporterMultiplexer, type ReporterErrorHandler } from './multiplexer.ts';
import { type ReporterName } from './names.ts';
export { REPORTER_NAMES, isReporterName, type ReporterName } from './names.ts';
export declare function createReporter(name: ReporterName, opts: ReporterOptions): Reporter;
/** One multiplexer over the named reporters (duplicates ignored); unknown names throw before anything runs. */
export declare function createReporters(names: readonly string[], opts: ReporterOptions, onError?: ReporterErrorHandler): ReporterMultiplexer;
export type { Reporter, ReporterOptions } from './reporter.ts';
export { ReporterMultiplexer, stderrReporterError, type ReporterFailure, type ReporterErrorHandler } from './multiplexer.ts';
export { readResultsBundle, parseResultsBundle, RESULTS_FORMAT } from './json.ts';
