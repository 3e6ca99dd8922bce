/**
 * Shared helpers for every reporter: secret scrubbing, text cleaning,
 * durations, excerpts, evidence lookup and the tallies the summaries print.
 * Reporters format; they never decide a verdict (that is `summary.exitCode`).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OPERATION_IDS } from '../src/spec/operations.ts';
import { CHECK_NAMES } from '../src/checks/catalogue.ts';
import type {
  CaseResult,
  CaseStatus,
  CheckOutcome,
  CheckStatus,
  Exchange,
  RunInfo,
  RunResult,
  RunSummary,
} from '../src/results/model.ts';

// ---------------------------------------------------------------- secrets

/** What a JWT looks like: base64url JSON header `eyJ…`, then payload and (possibly empty) signature. */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
export const REDACTED_JWT = '<redacted-jwt>';

/** Replace anything that looks like a raw JWT. Defensive: exchanges are redacted upstream already. */
export function scrubSecrets(text: string, replacement: string = REDACTED_JWT): string {
  return text.replace(JWT_PATTERN, replacement);
}

/** True when `text` still holds something that looks like a raw JWT. */
export function containsJwt(text: string): boolean {
  JWT_PATTERN.lastIndex = 0;
  const found = JWT_PATTERN.test(text);
  JWT_PATTERN.lastIndex = 0;
  return found;
}

/** A deep copy of `value` with every string (and object key) scrubbed. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[scrubSecrets(k)] = scrubDeep(v);
    return out as T;
  }
  return value;
}

// ---------------------------------------------------------------- text

/**
 * Make untrusted text (server bodies, messages) safe to print in any report:
 * CRLF/CR → LF, and drop what XML 1.0 forbids (C0 controls but TAB/LF, lone
 * surrogates, U+FFFE/U+FFFF) plus DEL and C1 controls (terminal escapes).
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\t\n\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Text on one line (for attributes, TAP descriptions, table cells). */
export function oneLine(text: string, maxChars = 300): string {
  return truncate(cleanText(text).replace(/\s+/g, ' ').trim(), maxChars);
}

export function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

export interface ExcerptOptions {
  maxLines?: number;
  maxLineChars?: number;
  maxChars?: number;
}

/** The first few lines of `text`, each clipped, with a note of what was left out. */
export function excerpt(text: string, opts: ExcerptOptions = {}): string {
  const { maxLines = 8, maxLineChars = 200, maxChars = 1200 } = opts;
  const lines = cleanText(text).split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (kept.length >= maxLines || used >= maxChars) break;
    const clipped = truncate(line, Math.min(maxLineChars, maxChars - used));
    kept.push(clipped);
    used += clipped.length + 1;
  }
  const omitted = lines.length - kept.length;
  if (omitted > 0) kept.push(`… (${omitted} more line${omitted === 1 ? '' : 's'})`);
  return kept.join('\n');
}

/** Indent every line after the first (for aligned console/text blocks). */
export function indentRest(text: string, indent: string): string {
  return text.split('\n').join(`\n${indent}`);
}

// ---------------------------------------------------------------- numbers

/** `850ms`, `1.25s`, `2m 03s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${m}m ${String(s).padStart(2, '0')}s`;
}

/** Seconds with millisecond precision, e.g. `1.250` (JUnit `time`). */
export function seconds(ms: number): string {
  return (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

// ---------------------------------------------------------------- evidence

/** The exchange a check outcome was judged on, if it names one that exists. */
export function evidenceFor(c: CaseResult, check: CheckOutcome): Exchange | undefined {
  return check.exchange === undefined ? undefined : c.exchanges[check.exchange];
}

/** The exchange that explains an `error` case: the one with a transport error, else the last. */
export function errorEvidence(c: CaseResult): Exchange | undefined {
  return c.exchanges.find((e) => e.transportError !== undefined) ?? c.exchanges[c.exchanges.length - 1];
}

/** `POST https://host/rest/sip/app`. */
export function requestLine(e: Exchange): string {
  return oneLine(`${e.request.method} ${e.request.url}`, 500);
}

/** Pretty-print JSON bodies when they parse, so excerpts show structure, not one long line. */
function prettyBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(trimmed), null, 2);
    } catch {
      /* not JSON (or truncated): show as is */
    }
  }
  return body;
}

/** `HTTP 500 (application/json)` then the first lines of the body; or the transport error. */
export function responseExcerpt(e: Exchange, opts: ExcerptOptions = {}): string {
  if (e.response === undefined) {
    return `no response: ${oneLine(e.transportError ?? 'unknown transport error', 500)}`;
  }
  const r = e.response;
  const contentType = headerValue(r.headers, 'content-type');
  const head = `HTTP ${r.status}${contentType ? ` (${oneLine(contentType, 100)})` : ''}`;
  if (r.bodyExcerpt.length === 0) return `${head}, empty body`;
  const body = excerpt(prettyBody(r.bodyExcerpt), opts);
  return `${head}\n${body}${r.bodyTruncated ? '\n… (body truncated by the recorder)' : ''}`;
}

/** The request line, then its body (pretty JSON, excerpted) when it had one. */
export function requestExcerpt(e: Exchange, opts: ExcerptOptions = {}): string {
  const body = e.request.body;
  return body === undefined || body === '' ? requestLine(e) : `${requestLine(e)}\n${excerpt(prettyBody(body), opts)}`;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

// ---------------------------------------------------------------- tallies

export const failedChecks = (c: CaseResult): CheckOutcome[] => c.checks.filter((k) => k.status === 'failed');
export const warningChecks = (c: CaseResult): CheckOutcome[] => c.checks.filter((k) => k.status === 'warning');

export type Verdict = 'PASSED' | 'FAILED' | 'INTERRUPTED';

/**
 * `PASSED` / `FAILED` / `INTERRUPTED`, from the run's own summary: reporters
 * never re-judge. A run cut short (signal or deadline) is INTERRUPTED even if
 * everything that ran passed.
 */
export function verdict(summary: RunSummary): Verdict {
  if (summary.interrupted) return 'INTERRUPTED';
  return summary.exitCode === 0 ? 'PASSED' : 'FAILED';
}

/**
 * The curl lines of an embedded-server run point at a port that closed with
 * the run: say so, and how to bring the same server back on that port.
 */
export function embeddedCurlNote(info: RunInfo): string | undefined {
  if (!info.target.embedded) return undefined;
  const port = (() => { try { return new URL(info.target.baseUrl).port; } catch { return ''; } })();
  const fault = typeof info.options?.fault === 'string' ? ` --fault ${info.options.fault}` : '';
  return `the curl lines point at the embedded server, which stopped with the run; to replay them start it again: npx sipapp-conformance serve --port ${port || 'N'}${fault} (its tokens are in the JSON line it prints)`;
}

/** One clause for banners: how many cases never started, and why. */
export function notRunNote(summary: RunSummary): string {
  if (!summary.interrupted) return '';
  const cause = summary.interrupted === 'signal' ? 'interrupted (Ctrl-C/SIGTERM)' : 'run deadline reached';
  return `${cause}: ${summary.notRun ?? 0} case${summary.notRun === 1 ? '' : 's'} not run`;
}

export const CASE_STATUSES: readonly CaseStatus[] = ['passed', 'failed', 'error', 'skipped'];
export const CHECK_STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'warning', 'skipped'];

function orderBy(known: readonly string[], seen: Iterable<string>): string[] {
  const rank = new Map(known.map((k, i) => [k, i]));
  return [...new Set(seen)].sort((a, b) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Operations in the page's order, unknown ones after, alphabetically. */
export function operationsOf(run: RunResult): string[] {
  return orderBy(OPERATION_IDS, run.cases.map((c) => c.operation));
}

/** Check names in the catalogue's order, unknown ones after, alphabetically. */
export function checkNamesOf(run: RunResult): string[] {
  return orderBy(CHECK_NAMES, run.cases.flatMap((c) => c.checks.map((k) => k.check)));
}

export function suitesOf(run: RunResult): string[] {
  return [...new Set(run.cases.map((c) => c.suite))];
}

export type Counts<S extends string> = Record<S, number> & { total: number };

function zero<S extends string>(keys: readonly S[]): Counts<S> {
  const o = { total: 0 } as Counts<S>;
  for (const k of keys) (o as Record<string, number>)[k] = 0;
  return o;
}

/** Case counts per status for each operation. */
export function casesByOperation(run: RunResult): Map<string, Counts<CaseStatus>> {
  const out = new Map<string, Counts<CaseStatus>>();
  for (const op of operationsOf(run)) out.set(op, zero(CASE_STATUSES));
  for (const c of run.cases) {
    const row = out.get(c.operation)!;
    row[c.status] += 1;
    row.total += 1;
  }
  return out;
}

/** Outcome counts per status for each check name. */
export function outcomesByCheck(run: RunResult): Map<string, Counts<CheckStatus>> {
  const out = new Map<string, Counts<CheckStatus>>();
  for (const name of checkNamesOf(run)) out.set(name, zero(CHECK_STATUSES));
  for (const c of run.cases) {
    for (const k of c.checks) {
      const row = out.get(k.check)!;
      row[k.status] += 1;
      row.total += 1;
    }
  }
  return out;
}

/** Outcome counts per (operation, check). Missing key = never applied to that operation. */
export function outcomeMatrix(run: RunResult): Map<string, Map<string, Counts<CheckStatus>>> {
  const out = new Map<string, Map<string, Counts<CheckStatus>>>();
  for (const op of operationsOf(run)) out.set(op, new Map());
  for (const c of run.cases) {
    const row = out.get(c.operation)!;
    for (const k of c.checks) {
      let cell = row.get(k.check);
      if (!cell) row.set(k.check, (cell = zero(CHECK_STATUSES)));
      cell[k.status] += 1;
      cell.total += 1;
    }
  }
  return out;
}

/** The colour a cell gets: worst result wins; `none` when nothing was evaluated. */
export function cellStatus(cell: Counts<CheckStatus> | undefined): 'failed' | 'warning' | 'passed' | 'none' {
  if (!cell) return 'none';
  if (cell.failed > 0) return 'failed';
  if (cell.warning > 0) return 'warning';
  if (cell.passed > 0) return 'passed';
  return 'none';
}

/** One failed check with its case and evidence: what every reporter's failure detail shows. */
export interface FailureItem {
  case: CaseResult;
  check: CheckOutcome;
  exchange?: Exchange;
}

export function failureItems(run: RunResult): FailureItem[] {
  return run.cases.flatMap((c) => failedChecks(c).map((check) => ({ case: c, check, exchange: evidenceFor(c, check) })));
}

export function warningItems(run: RunResult): FailureItem[] {
  return run.cases.flatMap((c) => warningChecks(c).map((check) => ({ case: c, check, exchange: evidenceFor(c, check) })));
}

/** `status-code (normative, page responses, E12/E13)`. */
export function checkLabel(k: CheckOutcome): string {
  return `${k.check} (${k.normative ? 'normative' : 'advisory'})`;
}

/** Plain-text evidence block for one check outcome (JUnit bodies, TAP-free text). */
export function checkEvidenceText(item: FailureItem, opts: ExcerptOptions = {}): string {
  const { check: k, exchange: e } = item;
  const lines = [
    `check:    ${checkLabel(k)}`,
    `rule:     ${oneLine(k.rule, 200)}`,
    `message:  ${oneLine(k.message, 1000)}`,
  ];
  if (k.expected !== undefined) lines.push(`expected: ${indentRest(excerpt(k.expected, opts), '          ')}`);
  if (k.actual !== undefined) lines.push(`actual:   ${indentRest(excerpt(k.actual, opts), '          ')}`);
  if (e) {
    lines.push(`request:  ${requestLine(e)}  [${oneLine(e.purpose, 200)}]`);
    lines.push(`response: ${indentRest(responseExcerpt(e, opts), '          ')}`);
    lines.push(`curl:     ${cleanText(e.curl)}`);
  }
  return lines.join('\n');
}

/** Plain-text explanation of an `error` case. */
export function errorText(c: CaseResult, opts: ExcerptOptions = {}): string {
  const e = errorEvidence(c);
  const lines = [`error:    ${oneLine(c.reason ?? 'the case could not be evaluated', 1000)}`];
  if (e) {
    lines.push(`request:  ${requestLine(e)}  [${oneLine(e.purpose, 200)}]`);
    lines.push(`response: ${indentRest(responseExcerpt(e, opts), '          ')}`);
    lines.push(`curl:     ${cleanText(e.curl)}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- files

/**
 * Write a report file atomically (temp file + rename), creating the directory.
 * `jwtReplacement` is the already-escaped form of `<redacted-jwt>` for the file's format;
 * the scrub here is the last line of defence after `scrubDeep` on the input.
 */
export async function writeReportFile(outDir: string, fileName: string, text: string, jwtReplacement: string): Promise<string> {
  const path = join(outDir, fileName);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, scrubSecrets(text, jwtReplacement), 'utf8');
  await rename(tmp, path);
  return path;
}
