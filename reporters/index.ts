/**
 * The reporters by name, as `--reporter` takes them.
 */
import type { Reporter, ReporterOptions } from './reporter.ts';
import { ConsoleReporter } from './console.ts';
import { JUnitReporter } from './junit.ts';
import { TapReporter } from './tap.ts';
import { JsonReporter } from './json.ts';
import { HtmlReporter } from './html.ts';
import { GitHubReporter } from './github.ts';
import { HarReporter } from './har.ts';
import { ReporterMultiplexer, type ReporterErrorHandler } from './multiplexer.ts';

import { REPORTER_NAMES, isReporterName, type ReporterName } from './names.ts';

export { REPORTER_NAMES, isReporterName, type ReporterName } from './names.ts';

export function createReporter(name: ReporterName, opts: ReporterOptions): Reporter {
  switch (name) {
    case 'console':
      return new ConsoleReporter(opts);
    case 'junit':
      return new JUnitReporter(opts);
    case 'tap':
      return new TapReporter(opts);
    case 'json':
      return new JsonReporter(opts);
    case 'html':
      return new HtmlReporter(opts);
    case 'github':
      return new GitHubReporter(opts);
    case 'har':
      return new HarReporter(opts);
    default: {
      const unknown: never = name;
      throw new Error(`unknown reporter "${String(unknown)}" (known: ${REPORTER_NAMES.join(', ')})`);
    }
  }
}

/** One multiplexer over the named reporters (duplicates ignored); unknown names throw before anything runs. */
export function createReporters(names: readonly string[], opts: ReporterOptions, onError?: ReporterErrorHandler): ReporterMultiplexer {
  const unknown = names.filter((n) => !isReporterName(n));
  if (unknown.length) throw new Error(`unknown reporter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} (known: ${REPORTER_NAMES.join(', ')})`);
  // github goes last: its onEnd resumes workflow commands only after every other reporter has printed.
  const unique = ([...new Set(names)] as ReporterName[]).sort((a, b) => Number(a === 'github') - Number(b === 'github'));
  return new ReporterMultiplexer(unique.map((n) => createReporter(n, opts)), onError);
}

export type { Reporter, ReporterOptions } from './reporter.ts';
export { ReporterMultiplexer, stderrReporterError, type ReporterFailure, type ReporterErrorHandler } from './multiplexer.ts';
export { readResultsBundle, parseResultsBundle, RESULTS_FORMAT } from './json.ts';
