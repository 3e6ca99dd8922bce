/**
 * The results model: what a run produces and every reporter consumes.
 * Data only (JSON-serialisable), so the JSON bundle is this model written out
 * and `merge`/`diff` can read it back.
 */

/** Outcome of one named check applied once. */
export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

/** Outcome of a case. `error` = could not be evaluated (transport, setup), distinct from a conformance failure. */
export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped';

import type { Coverage } from './coverage.ts';

/** Why a case that was selected and runnable never started. */
export type NotRunCause = 'interrupted' | 'deadline';

/** What cut a run short: a signal (exit 130) or the --deadline (exit 1). */
export type Interruption = 'signal' | 'deadline';

export interface CheckOutcome {
  /** Check name, e.g. `status-code`, `response-schema`. */
  check: string;
  status: CheckStatus;
  /** Normative checks decide the exit code; advisory ones become warnings unless --strict. */
  normative: boolean;
  /** Where the rule comes from: page section or errata entry, e.g. `ERRATA E05`. */
  rule: string;
  /** One line: what was checked and what went wrong. */
  message: string;
  expected?: string;
  actual?: string;
  /** Index into the case's `exchanges`, the evidence this outcome was judged on. */
  exchange?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  /** Header values with secrets already replaced by `$SIPAPP_TOKEN` / `<redacted>`. */
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** First few KiB of the body, as text. */
  bodyExcerpt: string;
  bodyTruncated: boolean;
  /** The whole body, kept only in the transcripts `compare` records (a list of a busy account outgrows the excerpt). */
  fullBody?: string;
}

export interface Exchange {
  /** Why this request was sent, e.g. `create app`, `GET with forged token`. */
  purpose: string;
  operation?: string;
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Transport failure (timeout, reset, body too large …) instead of a response. */
  transportError?: string;
  durationMs: number;
  /** A reproducing command, token replaced by `$SIPAPP_TOKEN`. */
  curl: string;
  /** When the request was sent (ISO 8601); HAR entries need it. Absent in bundles of older versions. */
  startedAt?: string;
  /** Throttling answers (429/503) waited out before this answer (E70); absent when none. */
  throttled?: { answers: number; waitedMs: number };
  /** Attempts whose connection failed before any answer byte, sent again before this exchange's outcome; absent when none. */
  lostAnswers?: number;
}

export interface CaseResult {
  id: string;
  title: string;
  suite: string;
  operation: string;
  tags: string[];
  status: CaseStatus;
  durationMs: number;
  /** Set when status is `skipped` (missing fixture, --read-only …) or `error`. */
  reason?: string;
  /**
   * Set when the case never started because the run was cut short: `interrupted`
   * (Ctrl-C/SIGTERM; status `skipped`) or `deadline` (--deadline; status `error`).
   */
  notRun?: NotRunCause;
  checks: CheckOutcome[];
  exchanges: Exchange[];
  /** A model-based case: the model's transitions it could take and those it took (src/generate/model.ts); the run's model coverage is their union. */
  transitions?: { possible: string[]; covered: string[] };
  /**
   * Requests the case sent that its verdict does not cite (passing generated examples, a model's
   * tear-down): kept for the HAR, the record of everything sent; the other reports leave them out.
   */
  unlistedExchanges?: Exchange[];
  /** Every exchange the case sent, in order (generated examples included); only when the run records transcripts (`compare`). */
  transcript?: Exchange[];
}

export interface RunInfo {
  runId: string;
  tool: { name: string; version: string };
  spec: { version: string; sha256: string };
  node: string;
  target: { baseUrl: string; embedded: boolean };
  /** Options as given, secrets removed. */
  options: Record<string, unknown>;
  startedAt: string;
  endedAt?: string;
  shard?: { index: number; total: number };
  /** Generated cases: the seed that replays them and their budget (e.g. `150 requests`, `30s`); `random` when --seed random drew it. */
  generation?: { seed: number; budget: string; random?: boolean };
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  warnings: number;
  durationMs: number;
  requests: number;
  /**
   * Throttling (E70), never a check failure: 429/503 answers waited out, the requests that got
   * them, the time spent waiting (summed over requests) and the requests given up at --max-wait
   * or the deadline; the pace the run settled on (requests/s) and what it was learned from (the
   * 429/503 answers, or the server's RateLimit headers), absent when the run was never paced.
   * Absent from bundles of older versions.
   */
  throttling?: { answers: number; requests: number; waitedMs: number; gaveUp: number; settledRate?: number; rateFrom?: 'answers' | 'headers' };
  /**
   * Connection failures, never the API's fault: requests sent again after their connection failed
   * (extra attempts, requests still unanswered after the last) and creates whose answer was lost,
   * settled by the app's name. Absent when the network lost nothing (and in older bundles).
   */
  resent?: { requests: number; attempts: number; gaveUp: number; reconciled: number };
  /** Cases selected and runnable that never started (interrupt or deadline); also counted as skipped or errors. */
  notRun?: number;
  /** Set when the run was cut short: every reporter then says INTERRUPTED, never PASSED. */
  interrupted?: Interruption;
  /** The process's exit code: 0 all passed, 1 a check failed or a case errored (or the deadline cut the run), 130 interrupted by a signal. */
  exitCode: 0 | 1 | 130;
}

export interface RunResult {
  info: RunInfo;
  cases: CaseResult[];
  summary: RunSummary;
  /** API coverage of the run (operation × documented status × content type); see src/results/coverage.ts. */
  coverage?: Coverage;
}

/** What reporters know of a case before it runs (for progress and `list`). */
export interface PlannedCase {
  id: string;
  title: string;
  suite: string;
  operation: string;
  tags: string[];
  checks: string[];
}
