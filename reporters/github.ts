/**
 * GitHub Actions reporter, on top of the normal output (it prints nothing the
 * console prints):
 *
 * - workflow-command annotations on stdout: one `::error` per failing check and
 *   operation (deduplicated over cases), pointing `file`/`line` at the operation
 *   in spec/openapi.yaml (or the case's source), escaped as @actions/core
 *   escapes them. GitHub shows 10 error and 10 warning annotations per step and
 *   drops the rest silently, so at most 10 of each are written and the overflow
 *   is summarised in one `::notice`.
 * - a Markdown job summary (verdict, counts, failures with rule and `curl`, the
 *   coverage table) appended to `$GITHUB_STEP_SUMMARY` when set, and always
 *   written to `<out>/github-summary.md`; kept under GitHub's 1 MiB limit.
 *
 * The run prints what a hostile server answered (console excerpts). A line of
 * it starting with `::` would be a workflow command, so from `onBegin` to the
 * annotations command processing is paused with `::stop-commands::<random>`.
 */
import { appendFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { PlannedCase, RunInfo, RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
import { cleanText, oneLine, plural, requestLine, truncate } from './format.ts';
import { failureItems, verdict, warningItems, type FailureItem } from './tallies.ts';
import { writeReportFile } from './files.ts';
import { scrubDeep, scrubSecrets } from '../src/results/secrets.ts';
import { COVERAGE_HEAD, coverageHeadline, coverageRows, coverageShortfall, modelCoverageHeadline } from './coverage-view.ts';
import { locationFor, type SourceLocation } from './locations.ts';

export const GITHUB_SUMMARY_FILE = 'github-summary.md';
/** GitHub shows at most this many annotations of each kind per step. */
export const ANNOTATIONS_PER_STEP = 10;
/** GitHub drops a step summary over 1 MiB; stay well under it. */
export const SUMMARY_BUDGET_BYTES = 1_000_000;

export interface GitHubReporterOptions extends Pick<ReporterOptions, 'outDir' | 'stream'> {
  /** Environment to read GITHUB_STEP_SUMMARY from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

/** @actions/core's escaping of a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core's escaping of a command property (`file=…,title=…`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  location?: SourceLocation;
}

export function formatAnnotation(a: Annotation): string {
  const props = [
    ...(a.location ? [`file=${escapeProperty(a.location.file)}`, `line=${a.location.line}`] : []),
    `title=${escapeProperty(a.title)}`,
  ];
  return `::${a.level} ${props.join(',')}::${escapeData(a.message)}`;
}

/** One annotation per check × operation (cases sharing a broken rule are one finding), in run order. */
function grouped(items: FailureItem[], level: 'error' | 'warning'): Annotation[] {
  const groups = new Map<string, FailureItem[]>();
  for (const item of items) {
    const key = `${item.check.check} ${item.case.operation}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const cases = [...new Set(group.map((g) => g.case.id))];
    const lines = [
      `${first.check.check} ${level === 'error' ? 'failed' : 'warned'} in ${plural(cases.length, 'case')}: ${cases.slice(0, 5).join(', ')}${cases.length > 5 ? ', …' : ''}`,
      `rule: ${oneLine(first.check.rule, 200)}`,
      `${oneLine(first.check.message, 400)}`,
    ];
    if (first.check.expected !== undefined) lines.push(`expected: ${oneLine(first.check.expected, 200)}`);
    if (first.check.actual !== undefined) lines.push(`actual: ${oneLine(first.check.actual, 200)}`);
    if (first.exchange) lines.push(`reproduce: ${oneLine(first.exchange.curl.replace(/\\\n\s*/g, ''), 600)}`);
    return { level, title: `${first.check.check} · ${first.case.operation}`, message: lines.join('\n'), location: locationFor(first.case) };
  });
}

/** The annotations of a run, within GitHub's per-step limits (overflow summarised in one notice). */
export function annotationsFor(run: RunResult): Annotation[] {
  const errors = grouped(failureItems(run), 'error');
  const errored = run.cases.filter((c) => c.status === 'error');
  if (errored.length) {
    errors.push({
      level: 'error',
      title: `${plural(errored.length, 'case')} could not be evaluated`,
      message: errored.slice(0, 5).map((c) => `${c.id}: ${oneLine(c.reason ?? 'error', 200)}`).join('\n') + (errored.length > 5 ? '\n…' : ''),
      location: locationFor(errored[0]!),
    });
  }
  const warnings = grouped(warningItems(run), 'warning');
  const shown = [...errors.slice(0, ANNOTATIONS_PER_STEP), ...warnings.slice(0, ANNOTATIONS_PER_STEP)];
  const hiddenErrors = Math.max(0, errors.length - ANNOTATIONS_PER_STEP);
  const hiddenWarnings = Math.max(0, warnings.length - ANNOTATIONS_PER_STEP);
  if (hiddenErrors || hiddenWarnings) {
    const parts = [hiddenErrors ? plural(hiddenErrors, 'more failing check') : '', hiddenWarnings ? plural(hiddenWarnings, 'more warning') : ''].filter(Boolean);
    shown.push({
      level: 'notice',
      title: 'more findings than GitHub annotates',
      message: `${parts.join(' and ')} not annotated (GitHub shows ${ANNOTATIONS_PER_STEP} of each per step): see the job summary and the JUnit/HTML reports`,
    });
  }
  return shown;
}

// ------------------------------------------------------------------ Markdown

/** Text safe inside Markdown and GitHub's HTML subset: no tags, no table breaks. */
export function md(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/([\\`*_[\]#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** A fenced block no content can close early: the fence is longer than any backtick run inside. */
export function fenced(text: string, lang = ''): string {
  const longest = Math.max(2, ...(cleanText(text).match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${cleanText(text)}\n${fence}`;
}

function table(head: readonly string[], rows: string[][]): string {
  return [`| ${head.map(md).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)].join('\n');
}

function failureBlock(item: FailureItem, n: number): string {
  const { case: c, check: k, exchange: e } = item;
  const lines = [
    `<details><summary>${n}. <code>${md(c.id)}</code> ${md(oneLine(c.title, 160))} — <code>${md(k.check)}</code></summary>`,
    '',
    `- **rule**: ${md(oneLine(k.rule, 300))}`,
    `- **message**: ${md(oneLine(k.message, 600))}`,
  ];
  if (k.expected !== undefined) lines.push(`- **expected**: ${md(oneLine(k.expected, 300))}`);
  if (k.actual !== undefined) lines.push(`- **actual**: ${md(oneLine(k.actual, 300))}`);
  if (e) {
    lines.push(`- **request**: ${md(requestLine(e))} (${md(oneLine(e.purpose, 160))})`);
    if (e.response) lines.push(`- **response**: HTTP ${e.response.status}`, '', fenced(truncate(e.response.bodyExcerpt, 1500)));
    lines.push('', fenced(e.curl, 'sh'));
  }
  lines.push('', '</details>');
  return lines.join('\n');
}

/** The job summary of a run, at most `budget` bytes (UTF-8): failures beyond it are counted, not shown. */
export function renderGitHubSummary(rawRun: RunResult, budget = SUMMARY_BUDGET_BYTES): string {
  const run = scrubDeep(rawRun);
  const { info, summary: s } = run;
  const v = verdict(s);
  const head = [
    `## ${v === 'PASSED' ? '✅' : '❌'} ${v}: SIP Control App API conformance`,
    '',
    `Target \`${oneLine(info.target.baseUrl, 200).replace(/`/g, "'")}\`${info.target.embedded ? ' (embedded reference server)' : ''} · run \`${oneLine(info.runId, 80).replace(/`/g, "'")}\`${info.shard ? ` · shard ${info.shard.index}/${info.shard.total}` : ''} · ${md(info.tool.name)} ${md(info.tool.version)} · spec ${md(info.spec.version)}`,
    '',
    table(['cases', 'passed', 'failed', 'errors', 'skipped', 'warnings', 'requests'], [[s.total, s.passed, s.failed, s.errors, s.skipped, s.warnings, s.requests].map(String)]),
  ];
  const shortfall = coverageShortfall(run.coverage);
  if (shortfall) head.push('', `**${md(shortfall)}**`);
  const excluded = run.cases.filter((c) => c.status === 'skipped' && c.reason?.startsWith('excluded'));
  if (excluded.length) head.push('', `${plural(excluded.length, 'case')} excluded by the selection (reported as skipped).`);

  const tail: string[] = [];
  const errored = run.cases.filter((c) => c.status === 'error');
  if (errored.length) {
    tail.push('', `### Errors (${errored.length}): could not be evaluated`, '', table(['case', 'reason'], errored.slice(0, 50).map((c) => [c.id, oneLine(c.reason ?? '', 300)])));
    if (errored.length > 50) tail.push('', `… and ${errored.length - 50} more.`);
  }
  if (run.coverage) {
    tail.push('', `### API coverage`, '', md(coverageHeadline(run.coverage)), ...(run.coverage.model ? ['', md(modelCoverageHeadline(run.coverage.model))] : []), '', table(COVERAGE_HEAD, coverageRows(run.coverage)));
  }

  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const items = failureItems(run);
  const out = [...head, '', `### Failures (${items.length})`, ''];
  if (!items.length) out.push('No check failed.');
  let used = bytes(out.join('\n')) + bytes(tail.join('\n')) + 200;
  let shownCount = 0;
  for (const item of items) {
    const block = failureBlock(item, shownCount + 1);
    if (used + bytes(block) + 1 > budget) break;
    out.push(block);
    used += bytes(block) + 1;
    shownCount++;
  }
  if (shownCount < items.length) out.push('', `… and ${items.length - shownCount} more failed checks, not shown to keep this summary under GitHub's size limit: see the JUnit and HTML reports.`);
  let text = [...out, ...tail, ''].join('\n');
  // The tables alone could pass the budget only with absurd inputs; never hand GitHub more than it keeps.
  if (bytes(text) > budget) text = Buffer.from(text, 'utf8').subarray(0, budget - 100).toString('utf8').replace(/\uFFFD$/, '') + '\n\n… (cut to the size limit)\n';
  return text;
}

export class GitHubReporter implements Reporter {
  readonly name = 'github';
  private readonly stream: NodeJS.WritableStream;
  private readonly env: NodeJS.ProcessEnv;
  private resumeToken: string | undefined;

  constructor(private readonly opts: GitHubReporterOptions) {
    this.stream = opts.stream ?? process.stdout;
    this.env = opts.env ?? process.env;
  }

  onBegin(_info: RunInfo, _plan: PlannedCase[]): void {
    this.resumeToken = randomBytes(16).toString('hex');
    this.stream.write(`::stop-commands::${this.resumeToken}\n`);
  }

  async onEnd(run: RunResult): Promise<string[]> {
    if (this.resumeToken) this.stream.write(`::${this.resumeToken}::\n`);
    this.resumeToken = undefined;
    for (const a of annotationsFor(run)) this.stream.write(`${scrubSecrets(formatAnnotation(a))}\n`);
    const summary = renderGitHubSummary(run);
    const files = [await writeReportFile(this.opts.outDir, GITHUB_SUMMARY_FILE, summary, '&lt;redacted-jwt&gt;')];
    const target = this.env.GITHUB_STEP_SUMMARY;
    if (target) await appendFile(target, scrubSecrets(summary, '&lt;redacted-jwt&gt;'), 'utf8');
    return files;
  }
}
