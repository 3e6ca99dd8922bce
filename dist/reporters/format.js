/**
 * Shared helpers for every reporter: secret scrubbing, text cleaning,
 * durations, excerpts, evidence lookup and the tallies the summaries print.
 * Reporters format; they never decide a verdict (that is `summary.exitCode`).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OPERATION_IDS } from "../src/spec/operations.js";
import { CHECK_NAMES } from "../src/checks/catalogue.js";
// ---------------------------------------------------------------- secrets
/** What a JWT looks like: base64url JSON header `eyJ…`, then payload and (possibly empty) signature. */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
export const REDACTED_JWT = '<redacted-jwt>';
/** Replace anything that looks like a raw JWT. Defensive: exchanges are redacted upstream already. */
export function scrubSecrets(text, replacement = REDACTED_JWT) {
    return text.replace(JWT_PATTERN, replacement);
}
/** True when `text` still holds something that looks like a raw JWT. */
export function containsJwt(text) {
    JWT_PATTERN.lastIndex = 0;
    const found = JWT_PATTERN.test(text);
    JWT_PATTERN.lastIndex = 0;
    return found;
}
/** A deep copy of `value` with every string (and object key) scrubbed. */
export function scrubDeep(value) {
    if (typeof value === 'string')
        return scrubSecrets(value);
    if (Array.isArray(value))
        return value.map((v) => scrubDeep(v));
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[scrubSecrets(k)] = scrubDeep(v);
        return out;
    }
    return value;
}
// ---------------------------------------------------------------- text
/**
 * Make untrusted text (server bodies, messages) safe to print in any report:
 * CRLF/CR → LF, and drop what XML 1.0 forbids (C0 controls but TAB/LF, lone
 * surrogates, U+FFFE/U+FFFF) plus DEL and C1 controls (terminal escapes).
 */
export function cleanText(text) {
    return text
        .replace(/\r\n?/g, '\n')
        .replace(/[^\t\n\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}
/** Text on one line (for attributes, TAP descriptions, table cells). */
export function oneLine(text, maxChars = 300) {
    return truncate(cleanText(text).replace(/\s+/g, ' ').trim(), maxChars);
}
export function truncate(text, maxChars) {
    const chars = Array.from(text);
    return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}
/** The first few lines of `text`, each clipped, with a note of what was left out. */
export function excerpt(text, opts = {}) {
    const { maxLines = 8, maxLineChars = 200, maxChars = 1200 } = opts;
    const lines = cleanText(text).split('\n');
    const kept = [];
    let used = 0;
    for (const line of lines) {
        if (kept.length >= maxLines || used >= maxChars)
            break;
        const clipped = truncate(line, Math.min(maxLineChars, maxChars - used));
        kept.push(clipped);
        used += clipped.length + 1;
    }
    const omitted = lines.length - kept.length;
    if (omitted > 0)
        kept.push(`… (${omitted} more line${omitted === 1 ? '' : 's'})`);
    return kept.join('\n');
}
/** Indent every line after the first (for aligned console/text blocks). */
export function indentRest(text, indent) {
    return text.split('\n').join(`\n${indent}`);
}
// ---------------------------------------------------------------- numbers
/** `850ms`, `1.25s`, `2m 03s`. */
export function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        ms = 0;
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
    const totalSeconds = Math.round(ms / 1000);
    const m = Math.floor(totalSeconds / 60);
    const s = totalSeconds % 60;
    return `${m}m ${String(s).padStart(2, '0')}s`;
}
/** Seconds with millisecond precision, e.g. `1.250` (JUnit `time`). */
export function seconds(ms) {
    return (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
}
export function plural(n, word, pluralWord = `${word}s`) {
    return `${n} ${n === 1 ? word : pluralWord}`;
}
// ---------------------------------------------------------------- evidence
/** The exchange a check outcome was judged on, if it names one that exists. */
export function evidenceFor(c, check) {
    return check.exchange === undefined ? undefined : c.exchanges[check.exchange];
}
/** The exchange that explains an `error` case: the one with a transport error, else the last. */
export function errorEvidence(c) {
    return c.exchanges.find((e) => e.transportError !== undefined) ?? c.exchanges[c.exchanges.length - 1];
}
/** `POST https://host/rest/sip/app`. */
export function requestLine(e) {
    return oneLine(`${e.request.method} ${e.request.url}`, 500);
}
/** Pretty-print JSON bodies when they parse, so excerpts show structure, not one long line. */
function prettyBody(body) {
    const trimmed = body.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
            return JSON.stringify(JSON.parse(trimmed), null, 2);
        }
        catch {
            /* not JSON (or truncated): show as is */
        }
    }
    return body;
}
/** `HTTP 500 (application/json)` then the first lines of the body; or the transport error. */
export function responseExcerpt(e, opts = {}) {
    if (e.response === undefined) {
        return `no response: ${oneLine(e.transportError ?? 'unknown transport error', 500)}`;
    }
    const r = e.response;
    const contentType = headerValue(r.headers, 'content-type');
    const head = `HTTP ${r.status}${contentType ? ` (${oneLine(contentType, 100)})` : ''}`;
    if (r.bodyExcerpt.length === 0)
        return `${head}, empty body`;
    const body = excerpt(prettyBody(r.bodyExcerpt), opts);
    return `${head}\n${body}${r.bodyTruncated ? '\n… (body truncated by the recorder)' : ''}`;
}
/** The request line, then its body (pretty JSON, excerpted) when it had one. */
export function requestExcerpt(e, opts = {}) {
    const body = e.request.body;
    return body === undefined || body === '' ? requestLine(e) : `${requestLine(e)}\n${excerpt(prettyBody(body), opts)}`;
}
function headerValue(headers, name) {
    for (const [k, v] of Object.entries(headers))
        if (k.toLowerCase() === name)
            return v;
    return undefined;
}
// ---------------------------------------------------------------- tallies
export const failedChecks = (c) => c.checks.filter((k) => k.status === 'failed');
export const warningChecks = (c) => c.checks.filter((k) => k.status === 'warning');
/** `PASSED` / `FAILED`, from the run's own exit code: reporters never re-judge. */
export function verdict(summary) {
    return summary.exitCode === 0 ? 'PASSED' : 'FAILED';
}
export const CASE_STATUSES = ['passed', 'failed', 'error', 'skipped'];
export const CHECK_STATUSES = ['passed', 'failed', 'warning', 'skipped'];
function orderBy(known, seen) {
    const rank = new Map(known.map((k, i) => [k, i]));
    return [...new Set(seen)].sort((a, b) => {
        const ra = rank.get(a) ?? Infinity;
        const rb = rank.get(b) ?? Infinity;
        return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
    });
}
/** Operations in the page's order, unknown ones after, alphabetically. */
export function operationsOf(run) {
    return orderBy(OPERATION_IDS, run.cases.map((c) => c.operation));
}
/** Check names in the catalogue's order, unknown ones after, alphabetically. */
export function checkNamesOf(run) {
    return orderBy(CHECK_NAMES, run.cases.flatMap((c) => c.checks.map((k) => k.check)));
}
export function suitesOf(run) {
    return [...new Set(run.cases.map((c) => c.suite))];
}
function zero(keys) {
    const o = { total: 0 };
    for (const k of keys)
        o[k] = 0;
    return o;
}
/** Case counts per status for each operation. */
export function casesByOperation(run) {
    const out = new Map();
    for (const op of operationsOf(run))
        out.set(op, zero(CASE_STATUSES));
    for (const c of run.cases) {
        const row = out.get(c.operation);
        row[c.status] += 1;
        row.total += 1;
    }
    return out;
}
/** Outcome counts per status for each check name. */
export function outcomesByCheck(run) {
    const out = new Map();
    for (const name of checkNamesOf(run))
        out.set(name, zero(CHECK_STATUSES));
    for (const c of run.cases) {
        for (const k of c.checks) {
            const row = out.get(k.check);
            row[k.status] += 1;
            row.total += 1;
        }
    }
    return out;
}
/** Outcome counts per (operation, check). Missing key = never applied to that operation. */
export function outcomeMatrix(run) {
    const out = new Map();
    for (const op of operationsOf(run))
        out.set(op, new Map());
    for (const c of run.cases) {
        const row = out.get(c.operation);
        for (const k of c.checks) {
            let cell = row.get(k.check);
            if (!cell)
                row.set(k.check, (cell = zero(CHECK_STATUSES)));
            cell[k.status] += 1;
            cell.total += 1;
        }
    }
    return out;
}
/** The colour a cell gets: worst result wins; `none` when nothing was evaluated. */
export function cellStatus(cell) {
    if (!cell)
        return 'none';
    if (cell.failed > 0)
        return 'failed';
    if (cell.warning > 0)
        return 'warning';
    if (cell.passed > 0)
        return 'passed';
    return 'none';
}
export function failureItems(run) {
    return run.cases.flatMap((c) => failedChecks(c).map((check) => ({ case: c, check, exchange: evidenceFor(c, check) })));
}
export function warningItems(run) {
    return run.cases.flatMap((c) => warningChecks(c).map((check) => ({ case: c, check, exchange: evidenceFor(c, check) })));
}
/** `status-code (normative, page responses, E12/E13)`. */
export function checkLabel(k) {
    return `${k.check} (${k.normative ? 'normative' : 'advisory'})`;
}
/** Plain-text evidence block for one check outcome (JUnit bodies, TAP-free text). */
export function checkEvidenceText(item, opts = {}) {
    const { check: k, exchange: e } = item;
    const lines = [
        `check:    ${checkLabel(k)}`,
        `rule:     ${oneLine(k.rule, 200)}`,
        `message:  ${oneLine(k.message, 1000)}`,
    ];
    if (k.expected !== undefined)
        lines.push(`expected: ${indentRest(excerpt(k.expected, opts), '          ')}`);
    if (k.actual !== undefined)
        lines.push(`actual:   ${indentRest(excerpt(k.actual, opts), '          ')}`);
    if (e) {
        lines.push(`request:  ${requestLine(e)}  [${oneLine(e.purpose, 200)}]`);
        lines.push(`response: ${indentRest(responseExcerpt(e, opts), '          ')}`);
        lines.push(`curl:     ${cleanText(e.curl)}`);
    }
    return lines.join('\n');
}
/** Plain-text explanation of an `error` case. */
export function errorText(c, opts = {}) {
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
export async function writeReportFile(outDir, fileName, text, jwtReplacement) {
    const path = join(outDir, fileName);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, scrubSecrets(text, jwtReplacement), 'utf8');
    await rename(tmp, path);
    return path;
}
//# sourceMappingURL=format.js.map