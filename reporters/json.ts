/**
 * JSON reporter: `<outDir>/results.json`, the RunResult as a results bundle
 * `{ format: 'sipapp-conformance/results@1', ...run }`, 2-space indented, with a
 * stable key order (a function of the content, not of how objects were built),
 * so nightly bundles diff cleanly. `readResultsBundle` reads one back for
 * `merge`/`diff`, refusing anything that is not this format.
 */
import { readFileSync } from 'node:fs';
import type { RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
import { writeReportFile } from './files.ts';
import { scrubDeep } from '../src/results/secrets.ts';

export const JSON_FILE = 'results.json';
export const RESULTS_FORMAT = 'sipapp-conformance/results@1';

export type ResultsBundle = { format: typeof RESULTS_FORMAT } & RunResult;

export class JsonReporter implements Reporter {
  readonly name = 'json';
  constructor(private readonly opts: Pick<ReporterOptions, 'outDir'>) {}

  async onEnd(run: RunResult): Promise<string[]> {
    return [await writeReportFile(this.opts.outDir, JSON_FILE, renderResultsBundle(run), '<redacted-jwt>')];
  }
}

/**
 * Key order: each model object's fields in the order the model declares them
 * (so a bundle reads top-down: format, info, summary, cases; a case's id before
 * its details), then any keys the model does not know, alphabetically. Maps
 * whose keys are data (headers, options) are alphabetical.
 */
interface Shape {
  order: readonly string[];
  /** Shape of a field's value (for arrays: of each element). */
  fields?: Record<string, Shape>;
}
const ALPHABETICAL: Shape = { order: [] };
const CHECK: Shape = { order: ['check', 'status', 'normative', 'rule', 'message', 'expected', 'actual', 'exchange'] };
const EXCHANGE: Shape = {
  order: ['purpose', 'operation', 'startedAt', 'request', 'response', 'transportError', 'durationMs', 'curl'],
  fields: {
    request: { order: ['method', 'url', 'headers', 'body'], fields: { headers: ALPHABETICAL } },
    response: { order: ['status', 'headers', 'bodyExcerpt', 'bodyTruncated'], fields: { headers: ALPHABETICAL } },
  },
};
const CASE: Shape = {
  order: ['id', 'title', 'suite', 'operation', 'tags', 'status', 'durationMs', 'reason', 'notRun', 'checks', 'exchanges', 'unlistedExchanges', 'transitions'],
  fields: { checks: CHECK, exchanges: EXCHANGE, unlistedExchanges: EXCHANGE, transitions: { order: ['possible', 'covered'] } },
};
const INFO: Shape = {
  order: ['runId', 'tool', 'spec', 'node', 'target', 'options', 'startedAt', 'endedAt', 'shard', 'generation'],
  fields: {
    tool: { order: ['name', 'version'] },
    spec: { order: ['version', 'sha256'] },
    target: { order: ['baseUrl', 'embedded'] },
    options: ALPHABETICAL,
    shard: { order: ['index', 'total'] },
    generation: { order: ['seed', 'budget', 'random'] },
  },
};
const SUMMARY: Shape = { order: ['total', 'passed', 'failed', 'errors', 'skipped', 'warnings', 'durationMs', 'requests', 'notRun', 'interrupted', 'exitCode'] };
const CELL: Shape = { order: ['operation', 'status', 'contentType', 'exercised', 'failed', 'state'] };
const MODEL_COVERAGE: Shape = { order: ['percent', 'covered', 'possible', 'missing'] };
const COVERAGE: Shape = { order: ['percent', 'covered', 'documented', 'threshold', 'cells', 'undocumented', 'model'], fields: { cells: CELL, undocumented: CELL, model: MODEL_COVERAGE } };
const BUNDLE: Shape = { order: ['format', 'info', 'summary', 'coverage', 'cases'], fields: { info: INFO, summary: SUMMARY, coverage: COVERAGE, cases: CASE } };

const ranks = new WeakMap<Shape, Map<string, number>>();
const rankOf = (shape: Shape) => {
  let rank = ranks.get(shape);
  if (!rank) ranks.set(shape, (rank = new Map(shape.order.map((k, i) => [k, i]))));
  return rank;
};

function ordered(value: unknown, shape: Shape = ALPHABETICAL): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, shape));
  if (value === null || typeof value !== 'object') return value;
  const rank = rankOf(shape);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = ordered(v, shape.fields?.[k] ?? ALPHABETICAL);
  return out;
}

export function renderResultsBundle(run: RunResult): string {
  const bundle = { ...scrubDeep(run), format: RESULTS_FORMAT };
  return JSON.stringify(ordered(bundle, BUNDLE), null, 2) + '\n';
}

export class ResultsBundleError extends Error {
  override name = 'ResultsBundleError';
}

/** Parse a results bundle's text; `source` names it in errors. */
export function parseResultsBundle(text: string, source = 'results bundle'): RunResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ResultsBundleError(`${source}: not JSON (${(e as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ResultsBundleError(`${source}: not a results bundle (expected a JSON object)`);
  }
  const { format, ...rest } = data as Record<string, unknown>;
  if (format !== RESULTS_FORMAT) {
    const found = typeof format === 'string' ? `"${format}"` : 'no format marker';
    const hint =
      typeof format === 'string' && format.startsWith('sipapp-conformance/results@')
        ? ' (a different version of the bundle format: use the matching tool version)'
        : '';
    throw new ResultsBundleError(`${source}: expected format "${RESULTS_FORMAT}", found ${found}${hint}`);
  }
  const info = rest.info as Record<string, unknown> | undefined;
  const summary = rest.summary as Record<string, unknown> | undefined;
  if (!info || typeof info !== 'object' || typeof info.runId !== 'string') {
    throw new ResultsBundleError(`${source}: "info.runId" missing`);
  }
  if (!Array.isArray(rest.cases)) throw new ResultsBundleError(`${source}: "cases" is not an array`);
  if (!summary || typeof summary !== 'object' || ![0, 1, 130].includes(summary.exitCode as number)) {
    throw new ResultsBundleError(`${source}: "summary.exitCode" missing or not 0/1/130`);
  }
  (rest.cases as unknown[]).forEach((c, i) => {
    const cr = c as Record<string, unknown> | null;
    if (!cr || typeof cr.id !== 'string' || typeof cr.status !== 'string' || !Array.isArray(cr.checks) || !Array.isArray(cr.exchanges)) {
      throw new ResultsBundleError(`${source}: cases[${i}] is not a case result (id, status, checks, exchanges)`);
    }
  });
  return rest as unknown as RunResult;
}

/** Read a results bundle written by the json reporter (for `merge`/`diff`). */
export function readResultsBundle(path: string): RunResult {
  return parseResultsBundle(readFileSync(path, 'utf8'), path);
}
