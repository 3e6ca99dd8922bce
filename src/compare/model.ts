/**
 * What `compare` produces and its reporters consume: data only (JSON), like
 * src/results/model.ts is for `run`.
 */
import type { Exchange } from '../results/model.ts';

/** How a difference is explained: the spec forbids it, an errata entry allows it, or nothing says. */
export type DifferenceClass = 'spec' | 'errata' | 'unexplained';

export const CLASS_TITLES: Record<DifferenceClass, string> = {
  spec: 'breaks the spec',
  errata: 'allowed by the errata',
  unexplained: 'unexplained',
};

/** What about two answers differs. */
export type DifferenceKind =
  | 'status'
  | 'header'
  | 'envelope'
  | 'field-set'
  | 'field-type'
  | 'value'
  | 'list'
  | 'message'
  | 'body'
  | 'transport'
  | 'sequence'
  | 'verdict';

/** One side's exchange, as much of it as a reader needs next to the other. */
export interface ExchangeView {
  purpose: string;
  method: string;
  url: string;
  requestBody?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  transportError?: string;
  curl: string;
}

export interface Difference {
  caseId: string;
  operation: string;
  /** Index of the exchange in the case's sequence (0-based), the pairing key with the case id. */
  index: number;
  purpose: string;
  kind: DifferenceKind;
  /** The aspect that differs: `status`, `header:content-type`, `$.payload.name`, `$.payload{order}` … */
  path: string;
  /** Normalised values (`string:app#1`, `number`, `absent`…). */
  candidate: string;
  reference: string;
  class: DifferenceClass;
  /** For `spec`: the checks that fail on the candidate only, as `run` words them. */
  checks?: Array<{ check: string; rule: string; message: string }>;
  /** For `errata`: the entry (E12 …) and why it applies. */
  errata?: { id: string; why: string };
  candidateExchange?: ExchangeView;
  referenceExchange?: ExchangeView;
}

export interface SideInfo {
  baseUrl: string;
  embedded: boolean;
  runId: string;
  fault?: string;
  /** The side's own run verdict (exit code of the same run alone) and its failing checks, for context. */
  exitCode: number;
  failedChecks: string[];
}

export interface CompareSummary {
  casesCompared: number;
  /** Cases not compared (skipped or absent on a side), with why. */
  notCompared: Array<{ caseId: string; reason: string }>;
  exchangesCompared: number;
  differences: number;
  byClass: Record<DifferenceClass, number>;
  /**
   * Noise: aspects the two reference runs disagreed on, exchanges past the point where their
   * sequences parted, and the candidate differences dropped because they fell on noise.
   */
  noise: { aspects: number; exchanges: number; suppressed: number };
  failOn: FailOn;
  durationMs: number;
  exitCode: 0 | 1;
}

/** Which differences fail the comparison: `spec` only, `unexplained` (and spec; the default), or `any`. */
export type FailOn = 'spec' | 'unexplained' | 'any';
export const FAIL_ON_VALUES: readonly FailOn[] = ['spec', 'unexplained', 'any'];

export interface CompareResult {
  info: {
    tool: { name: string; version: string };
    startedAt: string;
    endedAt: string;
    seed: number;
    budget: string;
    candidate: SideInfo;
    references: [SideInfo, SideInfo];
  };
  summary: CompareSummary;
  differences: Difference[];
}

/** Whether a difference of this class fails the comparison under `--fail-on`. */
export function failsUnder(failOn: FailOn, cls: DifferenceClass): boolean {
  if (failOn === 'any') return true;
  if (failOn === 'unexplained') return cls !== 'errata';
  return cls === 'spec';
}

/** A recorded exchange as the reports show it. */
export function viewOf(e: Exchange): ExchangeView {
  return {
    purpose: e.purpose,
    method: e.request.method,
    url: e.request.url,
    requestBody: e.request.body,
    status: e.response?.status,
    headers: e.response?.headers,
    body: e.response?.bodyExcerpt,
    transportError: e.transportError,
    curl: e.curl,
  };
}
