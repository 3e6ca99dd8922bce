import type { CaseResult, CaseStatus, CheckOutcome, CheckStatus, Exchange, RunResult, RunSummary } from '../src/results/model.ts';
export declare const REDACTED_JWT = "<redacted-jwt>";
/** Replace anything that looks like a raw JWT. Defensive: exchanges are redacted upstream already. */
export declare function scrubSecrets(text: string, replacement?: string): string;
/** True when `text` still holds something that looks like a raw JWT. */
export declare function containsJwt(text: string): boolean;
/** A deep copy of `value` with every string (and object key) scrubbed. */
export declare function scrubDeep<T>(value: T): T;
/**
 * Make untrusted text (server bodies, messages) safe to print in any report:
 * CRLF/CR → LF, and drop what XML 1.0 forbids (C0 controls but TAB/LF, lone
 * surrogates, U+FFFE/U+FFFF) plus DEL and C1 controls (terminal escapes).
 */
export declare function cleanText(text: string): string;
/** Text on one line (for attributes, TAP descriptions, table cells). */
export declare function oneLine(text: string, maxChars?: number): string;
export declare function truncate(text: string, maxChars: number): string;
export interface ExcerptOptions {
    maxLines?: number;
    maxLineChars?: number;
    maxChars?: number;
}
/** The first few lines of `text`, each clipped, with a note of what was left out. */
export declare function excerpt(text: string, opts?: ExcerptOptions): string;
/** Indent every line after the first (for aligned console/text blocks). */
export declare function indentRest(text: string, indent: string): string;
/** `850ms`, `1.25s`, `2m 03s`. */
export declare function formatDuration(ms: number): string;
/** Seconds with millisecond precision, e.g. `1.250` (JUnit `time`). */
export declare function seconds(ms: number): string;
export declare function plural(n: number, word: string, pluralWord?: string): string;
/** The exchange a check outcome was judged on, if it names one that exists. */
export declare function evidenceFor(c: CaseResult, check: CheckOutcome): Exchange | undefined;
/** The exchange that explains an `error` case: the one with a transport error, else the last. */
export declare function errorEvidence(c: CaseResult): Exchange | undefined;
/** `POST https://host/rest/sip/app`. */
export declare function requestLine(e: Exchange): string;
/** `HTTP 500 (application/json)` then the first lines of the body; or the transport error. */
export declare function responseExcerpt(e: Exchange, opts?: ExcerptOptions): string;
/** The request line, then its body (pretty JSON, excerpted) when it had one. */
export declare function requestExcerpt(e: Exchange, opts?: ExcerptOptions): string;
export declare const failedChecks: (c: CaseResult) => CheckOutcome[];
export declare const warningChecks: (c: CaseResult) => CheckOutcome[];
/** `PASSED` / `FAILED`, from the run's own exit code: reporters never re-judge. */
export declare function verdict(summary: RunSummary): 'PASSED' | 'FAILED';
export declare const CASE_STATUSES: readonly CaseStatus[];
export declare const CHECK_STATUSES: readonly CheckStatus[];
/** Operations in the page's order, unknown ones after, alphabetically. */
export declare function operationsOf(run: RunResult): string[];
/** Check names in the catalogue's order, unknown ones after, alphabetically. */
export declare function checkNamesOf(run: RunResult): string[];
export declare function suitesOf(run: RunResult): string[];
export type Counts<S extends string> = Record<S, number> & {
    total: number;
};
/** Case counts per status for each operation. */
export declare function casesByOperation(run: RunResult): Map<string, Counts<CaseStatus>>;
/** Outcome counts per status for each check name. */
export declare function outcomesByCheck(run: RunResult): Map<string, Counts<CheckStatus>>;
/** Outcome counts per (operation, check). Missing key = never applied to that operation. */
export declare function outcomeMatrix(run: RunResult): Map<string, Map<string, Counts<CheckStatus>>>;
/** The colour a cell gets: worst result wins; `none` when nothing was evaluated. */
export declare function cellStatus(cell: Counts<CheckStatus> | undefined): 'failed' | 'warning' | 'passed' | 'none';
/** One failed check with its case and evidence: what every reporter's failure detail shows. */
export interface FailureItem {
    case: CaseResult;
    check: CheckOutcome;
    exchange?: Exchange;
}
export declare function failureItems(run: RunResult): FailureItem[];
export declare function warningItems(run: RunResult): FailureItem[];
/** `status-code (normative, page responses, E12/E13)`. */
export declare function checkLabel(k: CheckOutcome): string;
/** Plain-text evidence block for one check outcome (JUnit bodies, TAP-free text). */
export declare function checkEvidenceText(item: FailureItem, opts?: ExcerptOptions): string;
/** Plain-text explanation of an `error` case. */
export declare function errorText(c: CaseResult, opts?: ExcerptOptions): string;
/**
 * Write a report file atomically (temp file + rename), creating the directory.
 * `jwtReplacement` is the already-escaped form of `<redacted-jwt>` for the file's format;
 * the scrub here is the last line of defence after `scrubDeep` on the input.
 */
export declare function writeReportFile(outDir: string, fileName: string, text: string, jwtReplacement: string): Promise<string>;
