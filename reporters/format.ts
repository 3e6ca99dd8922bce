/**
 * Text helpers every reporter shares: cleaning untrusted text, excerpts,
 * durations, evidence lookup and its plain-text rendering. Secret scrubbing is
 * src/results/secrets.ts, counting is tallies.ts, writing files is files.ts.
 */
import type { CaseResult, CheckOutcome, Exchange, RunInfo, RunSummary } from '../src/results/model.ts';
import type { FailureItem } from './tallies.ts';

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
  if (e) lines.push(...exchangeLines(e, opts));
  return lines.join('\n');
}

/** The request, response excerpt and curl of one exchange, as aligned plain-text lines. */
function exchangeLines(e: Exchange, opts: ExcerptOptions): string[] {
  return [
    `request:  ${requestLine(e)}  [${oneLine(e.purpose, 200)}]`,
    `response: ${indentRest(responseExcerpt(e, opts), '          ')}`,
    `curl:     ${cleanText(e.curl)}`,
  ];
}

/** Plain-text explanation of an `error` case. */
export function errorText(c: CaseResult, opts: ExcerptOptions = {}): string {
  const e = errorEvidence(c);
  const lines = [`error:    ${oneLine(c.reason ?? 'the case could not be evaluated', 1000)}`];
  if (e) lines.push(...exchangeLines(e, opts));
  return lines.join('\n');
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
