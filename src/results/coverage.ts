/**
 * API coverage, as Specmatic counts it: for every operation × documented
 * response status × content type of spec/openapi.yaml, how many exchanges of
 * the run exercised it and on how many of those a check failed; and the
 * statuses (or content types) the server answered that the spec does not
 * document. Computed from the case results alone, so a merged bundle of CI
 * shards gets the coverage of the whole run.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { loadSpec } from '../spec/load.ts';
import { OPERATION_IDS, OPERATIONS, type OperationId } from '../spec/operations.ts';
import type { CaseResult, RunResult } from './model.ts';

export interface CoverageCell {
  operation: string;
  /** `200`, `404` … as the spec writes it. */
  status: string;
  /** Media type without parameters; `-` when the response documents no body. */
  contentType: string;
  /** Exchanges whose answer had this status and content type. */
  exercised: number;
  /** Of those, how many a check failed on. */
  failed: number;
  /** `covered` once exercised; `not-tested` otherwise. */
  state: 'covered' | 'not-tested';
}

/** An answer the spec does not document for the operation (Specmatic's MISSING_IN_SPEC). */
export interface UndocumentedAnswer {
  operation: string;
  status: string;
  contentType: string;
  exercised: number;
  failed: number;
}

export interface Coverage {
  /** Documented cells exercised at least once. */
  covered: number;
  /** Documented cells. */
  documented: number;
  /** covered / documented × 100, one decimal. */
  percent: number;
  cells: CoverageCell[];
  undocumented: UndocumentedAnswer[];
  /** `--min-coverage`, when given. */
  threshold?: number;
  /** The model-based cases' transitions (command × target kind × state), when any ran. */
  model?: ModelCoverage;
}

/** How much of the model's state space the stateful cases walked: transitions covered / possible. */
export interface ModelCoverage {
  covered: number;
  possible: number;
  /** covered / possible × 100, one decimal (rounded down). */
  percent: number;
  /** The transitions no case took (e.g. a `--budget` too small for the coverage walk). */
  missing: string[];
}

/** The union over the cases of the transitions they could take and took (so shards merge). */
export function modelCoverage(cases: readonly CaseResult[]): ModelCoverage | undefined {
  const withModel = cases.filter((c) => c.transitions);
  if (!withModel.length) return undefined;
  const possible = new Set(withModel.flatMap((c) => c.transitions!.possible));
  const covered = new Set(withModel.flatMap((c) => c.transitions!.covered).filter((t) => possible.has(t)));
  const percent = possible.size === 0 ? 100 : Math.floor((covered.size / possible.size) * 1000) / 10;
  return { covered: covered.size, possible: possible.size, percent, missing: [...possible].filter((t) => !covered.has(t)) };
}

type Resp = OpenAPIV3_1.ResponseObject | OpenAPIV3_1.ReferenceObject;

function resolve(doc: OpenAPIV3_1.Document, value: Resp): OpenAPIV3_1.ResponseObject {
  let current: unknown = value;
  for (let depth = 0; depth < 10 && current && typeof current === 'object' && '$ref' in current; depth++) {
    const ref = (current as OpenAPIV3_1.ReferenceObject).$ref;
    current = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], doc);
  }
  return (current ?? {}) as OpenAPIV3_1.ResponseObject;
}

/** Every documented operation × status × content type of the spec, in spec order. */
export function documentedAnswers(doc: OpenAPIV3_1.Document = loadSpec()): Array<{ operation: OperationId; status: string; contentType: string }> {
  const out: Array<{ operation: OperationId; status: string; contentType: string }> = [];
  for (const operation of OPERATION_IDS) {
    const { method, path } = OPERATIONS[operation];
    const op = (doc.paths?.[path] as Record<string, OpenAPIV3_1.OperationObject> | undefined)?.[method.toLowerCase()];
    for (const [status, response] of Object.entries(op?.responses ?? {})) {
      const types = Object.keys(resolve(doc, response as Resp).content ?? {});
      for (const contentType of types.length ? types : ['-']) out.push({ operation, status, contentType });
    }
  }
  return out;
}

/** The media type of an answer, without parameters, lower case; `-` when there is none. */
export function mediaType(headers: Record<string, string>): string {
  const value = headers['content-type'] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const type = value?.split(';')[0]?.trim().toLowerCase();
  return type ? type : '-';
}

export function computeCoverage(cases: readonly CaseResult[], threshold?: number, doc?: OpenAPIV3_1.Document): Coverage {
  const key = (operation: string, status: string, contentType: string) => `${operation} ${status} ${contentType}`;
  const cells = new Map<string, CoverageCell>();
  for (const d of documentedAnswers(doc)) cells.set(key(d.operation, d.status, d.contentType), { ...d, exercised: 0, failed: 0, state: 'not-tested' });
  const undocumented = new Map<string, UndocumentedAnswer>();

  for (const c of cases) {
    c.exchanges.forEach((e, index) => {
      if (!e.operation || !e.response) return; // transport errors and requests outside the eight operations exercise no answer
      const status = String(e.response.status);
      const type = mediaType(e.response.headers);
      const failed = c.checks.some((o) => o.status === 'failed' && o.exchange === index) ? 1 : 0;
      // A documented body-less answer matches whatever (empty) content type came with it.
      const cell = cells.get(key(e.operation, status, type)) ?? cells.get(key(e.operation, status, '-'));
      if (cell) {
        cell.exercised++;
        cell.failed += failed;
        cell.state = 'covered';
        return;
      }
      const k = key(e.operation, status, type);
      const row = undocumented.get(k) ?? { operation: e.operation, status, contentType: type, exercised: 0, failed: 0 };
      row.exercised++;
      row.failed += failed;
      undocumented.set(k, row);
    });
  }

  const all = [...cells.values()];
  const covered = all.filter((c) => c.state === 'covered').length;
  const percent = all.length === 0 ? 100 : Math.floor((covered / all.length) * 1000) / 10;
  const order = (a: UndocumentedAnswer, b: UndocumentedAnswer) =>
    OPERATION_IDS.indexOf(a.operation as OperationId) - OPERATION_IDS.indexOf(b.operation as OperationId) || a.status.localeCompare(b.status) || a.contentType.localeCompare(b.contentType);
  const model = modelCoverage(cases);
  return { covered, documented: all.length, percent, cells: all, undocumented: [...undocumented.values()].sort(order), ...(threshold === undefined ? {} : { threshold }), ...(model ? { model } : {}) };
}

/** Why the run fails on coverage; undefined when it meets the threshold (or none was set). */
export function coverageShortfall(coverage: Coverage | undefined): string | undefined {
  if (!coverage || coverage.threshold === undefined || coverage.percent >= coverage.threshold) return undefined;
  return `API coverage ${coverage.percent}% (${coverage.covered}/${coverage.documented} documented answers exercised) is below --min-coverage ${coverage.threshold}%`;
}

/**
 * The run with its coverage attached and, when a threshold is set and missed,
 * exit code 1 (the reason is `coverageShortfall(run.coverage)`).
 */
export function withCoverage(run: RunResult, threshold?: number): RunResult {
  const coverage = computeCoverage(run.cases, threshold);
  const summary = coverageShortfall(coverage) ? { ...run.summary, exitCode: 1 as const } : run.summary;
  return { ...run, summary, coverage };
}
