/**
 * Console reporter: one progress line per finished case (no cursor tricks, so
 * CI logs and pipes read the same as a terminal), then the summary: counts,
 * operation × status, check × outcome, every failure with its evidence,
 * warnings in brief, and the report files written.
 * `quiet`: summary counts and one line per failing case only.
 */
import type { CaseResult, CaseStatus, Exchange, PlannedCase, RunInfo, RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
import { checkLabel, cleanText, errorEvidence, excerpt, formatDuration, indentRest, oneLine, plural, requestLine, responseExcerpt, notRunNote, embeddedCurlNote } from './format.ts';
import { casesByOperation, failedChecks, failureItems, outcomesByCheck, verdict, warningItems } from './tallies.ts';
import { scrubDeep, scrubSecrets } from '../src/results/secrets.ts';
import { COVERAGE_HEAD, coverageHeadline, coverageRows, coverageShortfall, modelCoverageHeadline } from './coverage-view.ts';

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  magenta: '\x1b[35m',
  cyan: '\x1b[36m',
  grey: '\x1b[90m',
} as const;
type Style = keyof typeof ANSI;

const SYMBOL: Record<CaseStatus, string> = { passed: '✓', failed: '✗', error: '!', skipped: '-' };
const STATUS_STYLE: Record<CaseStatus, Style> = { passed: 'green', failed: 'red', error: 'magenta', skipped: 'grey' };

const EXCERPT = { maxLines: 6, maxLineChars: 160, maxChars: 800 };

export class ConsoleReporter implements Reporter {
  readonly name = 'console';
  private readonly stream: NodeJS.WritableStream;
  private readonly color: boolean;
  private readonly quiet: boolean;
  private planned = 0;
  private done = 0;

  constructor(opts: Partial<ReporterOptions> = {}) {
    this.stream = opts.stream ?? process.stdout;
    this.color = opts.color ?? false;
    this.quiet = opts.quiet ?? false;
  }

  onBegin(info: RunInfo, plan: PlannedCase[]): void {
    this.planned = plan.length;
    this.done = 0;
    if (this.quiet) return;
    const i = scrubDeep(info);
    const shard = i.shard ? `, shard ${i.shard.index}/${i.shard.total}` : '';
    this.line(
      `${this.style('bold', `${i.tool.name} ${i.tool.version}`)}: ${plural(plan.length, 'case')} against ` +
        `${oneLine(i.target.baseUrl)}${i.target.embedded ? ' (embedded server)' : ''}${shard}, then the cleanup case`,
    );
    const generation = i.generation ? ` · seed ${i.generation.seed} (budget ${oneLine(i.generation.budget)})` : '';
    this.line(this.style('dim', `run ${oneLine(i.runId)} · spec ${oneLine(i.spec.version)} (sha256 ${i.spec.sha256.slice(0, 12)}) · node ${oneLine(i.node)}${generation}`));
    this.line('');
  }

  onCaseEnd(result: CaseResult): void {
    this.done += 1;
    if (this.quiet) return;
    const c = scrubDeep(result);
    const total = Math.max(this.planned, this.done);
    const width = String(total).length;
    const counter = this.style('dim', `[${String(this.done).padStart(width)}/${total}]`);
    const symbol = this.style(STATUS_STYLE[c.status], SYMBOL[c.status]);
    let tail = this.style('dim', `(${formatDuration(c.durationMs)})`);
    if (c.status === 'skipped') tail = this.style('grey', `skipped: ${oneLine(c.reason ?? 'no reason given', 120)}`);
    if (c.status === 'error') tail += ` ${this.style('magenta', `error: ${oneLine(c.reason ?? 'could not be evaluated', 120)}`)}`;
    if (c.status === 'failed') {
      const names = failedChecks(c).map((k) => k.check);
      if (names.length > 0) tail += ` ${this.style('red', names.join(', '))}`;
    }
    this.line(`${counter} ${symbol} ${oneLine(c.id, 80)} ${oneLine(c.title, 100)} ${tail}`);
  }

  onEnd(rawRun: RunResult): string[] {
    const run = scrubDeep(rawRun);
    const s = run.summary;
    const v = verdict(s);
    const vStyled = this.style(v === 'PASSED' ? 'green' : v === 'INTERRUPTED' ? 'yellow' : 'red', this.style('bold', v));

    this.line('');
    const parts = [
      this.style('green', `${s.passed} passed`),
      this.style(s.failed ? 'red' : 'dim', `${s.failed} failed`),
      this.style(s.errors ? 'magenta' : 'dim', `${plural(s.errors, 'error')}`),
      this.style('dim', `${s.skipped} skipped`),
      this.style(s.warnings ? 'yellow' : 'dim', plural(s.warnings, 'warning')),
    ];
    this.line(`${vStyled}  ${plural(s.total, 'case')}: ${parts.join(', ')}`);
    if (s.interrupted) this.line(this.style('yellow', `${notRunNote(s)} (counted as ${s.interrupted === 'signal' ? 'skipped' : 'errors'}); exit ${s.exitCode}`));
    const shortfall = coverageShortfall(run.coverage);
    if (shortfall) this.line(this.style('red', shortfall));
    else if (run.coverage) this.line(this.style('dim', coverageHeadline(run.coverage)));
    if (run.coverage?.model) this.line(this.style(run.coverage.model.missing.length ? 'yellow' : 'dim', modelCoverageHeadline(run.coverage.model)));
    this.line(this.style('dim', `${plural(s.requests, 'request')} in ${formatDuration(s.durationMs)} · run ${oneLine(run.info.runId)}${run.info.generation ? ` · seed ${run.info.generation.seed}` : ''} · ${oneLine(run.info.target.baseUrl)}`));
    const th = s.throttling;
    if (th && th.answers > 0) {
      // E70: throttling is waited out, never a failure; said here so a slow run explains itself.
      const gaveUp = th.gaveUp ? `, ${th.gaveUp} given up at --max-wait/--deadline` : '';
      this.line(this.style(th.gaveUp ? 'magenta' : 'dim', `throttled: ${plural(th.answers, 'answer')} 429/503 on ${plural(th.requests, 'request')}, waited ${formatDuration(th.waitedMs)} in all${gaveUp}`));
    }
    if (th?.settledRate !== undefined) {
      const from = th.rateFrom === 'headers' ? "as the server's RateLimit headers state" : 'learned from the 429/503 answers';
      this.line(this.style('dim', `paced: settled at ${th.settledRate} requests/s, ${from}`));
    }
    const rs = s.resent;
    if (rs) this.line(this.style(rs.gaveUp ? 'magenta' : 'dim', resentLine(rs)));

    if (this.quiet) {
      for (const c of run.cases.filter((c) => c.status === 'failed' || c.status === 'error')) {
        const what = c.status === 'error' ? `error: ${oneLine(c.reason ?? '', 120)}` : failedChecks(c).map((k) => k.check).join(', ');
        this.line(`  ${this.style(STATUS_STYLE[c.status], SYMBOL[c.status])} ${oneLine(c.id, 80)} ${oneLine(c.title, 100)} ${this.style('dim', what)}`);
      }
      return [];
    }

    this.printOperationTable(run);
    this.printCheckTable(run);
    this.printCoverage(run);
    this.printFailures(run);
    this.printErrors(run);
    this.printWarnings(run);
    return [];
  }

  onReportFiles(files: string[]): void {
    if (files.length === 0) return;
    this.line('');
    this.line(this.style('bold', 'Reports'));
    for (const f of files) this.line(`  ${cleanText(f)}`);
  }

  // ------------------------------------------------------------ sections

  private printOperationTable(run: RunResult): void {
    const rows = [...casesByOperation(run)].map(([op, n]) => [op, n.passed, n.failed, n.error, n.skipped, n.total].map(String));
    if (rows.length === 0) return;
    this.line('');
    this.line(this.style('bold', 'By operation'));
    this.table(['operation', 'passed', 'failed', 'error', 'skipped', 'total'], rows, (col, v) =>
      v === '0' ? 'dim' : col === 2 ? 'red' : col === 3 ? 'magenta' : col === 1 ? 'green' : undefined,
    );
  }

  private printCheckTable(run: RunResult): void {
    const rows = [...outcomesByCheck(run)].map(([name, n]) => [name, n.passed, n.failed, n.warning].map(String));
    if (rows.length === 0) return;
    this.line('');
    this.line(this.style('bold', 'By check'));
    this.table(['check', 'passed', 'failed', 'warning'], rows, (col, v) =>
      v === '0' ? 'dim' : col === 2 ? 'red' : col === 3 ? 'yellow' : col === 1 ? 'green' : undefined,
    );
  }

  private printCoverage(run: RunResult): void {
    if (!run.coverage) return;
    // The headline (percentage) is in the summary above: the table gets a plain heading, not the figure again.
    this.line('');
    this.line(this.style('bold', 'API coverage by answer'));
    this.table([...COVERAGE_HEAD], coverageRows(run.coverage).map((r) => r.map((v) => oneLine(v, 60))), (col, v) =>
      col === 5 ? (v === 'covered' ? 'green' : v === 'not tested' ? 'dim' : 'yellow') : col === 4 && v !== '0' ? 'red' : undefined,
    );
  }

  private printFailures(run: RunResult): void {
    const items = failureItems(run);
    if (items.length === 0) return;
    this.line('');
    // Counted in failed checks, and said so: the summary line counts cases.
    const failedCases = new Set(items.map((item) => item.case.id)).size;
    this.line(this.style('red', this.style('bold', `Failures: ${plural(items.length, 'failed check')} in ${plural(failedCases, 'case')}`)));
    const note = embeddedCurlNote(run.info);
    if (note) this.line(this.style('dim', `  (${note})`));
    items.forEach((item, i) => {
      const { case: c, check: k, exchange: e } = item;
      this.line('');
      this.line(`  ${i + 1}) ${this.style('bold', oneLine(c.id, 120))} ${oneLine(c.title, 160)} ${this.style('dim', `[${oneLine(c.suite)} · ${oneLine(c.operation)}]`)}`);
      this.field('check', this.style('red', checkLabel(k)));
      this.field('rule', oneLine(k.rule, 200));
      this.field('message', oneLine(k.message, 400));
      if (k.expected !== undefined) this.field('expected', excerpt(k.expected, EXCERPT));
      if (k.actual !== undefined) this.field('actual', excerpt(k.actual, EXCERPT));
      if (e) this.exchangeFields(e);
    });
  }

  /** The request, response excerpt and curl of the exchange a failure or error is judged on. */
  private exchangeFields(e: Exchange): void {
    this.field('request', `${requestLine(e)} ${this.style('dim', `(${oneLine(e.purpose, 120)})`)}`);
    this.field('response', responseExcerpt(e, EXCERPT));
    this.field('curl', this.style('cyan', cleanText(e.curl)));
  }

  private printErrors(run: RunResult): void {
    const errors = run.cases.filter((c) => c.status === 'error');
    if (errors.length === 0) return;
    this.line('');
    this.line(this.style('magenta', this.style('bold', `Errors: could not be evaluated (${errors.length})`)));
    errors.forEach((c, i) => {
      const e = errorEvidence(c);
      this.line('');
      this.line(`  ${i + 1}) ${this.style('bold', oneLine(c.id, 120))} ${oneLine(c.title, 160)} ${this.style('dim', `[${oneLine(c.suite)} · ${oneLine(c.operation)}]`)}`);
      this.field('error', this.style('magenta', oneLine(c.reason ?? 'could not be evaluated', 400)));
      if (e) this.exchangeFields(e);
    });
  }

  private printWarnings(run: RunResult): void {
    const items = warningItems(run);
    if (items.length === 0) return;
    this.line('');
    this.line(this.style('yellow', this.style('bold', `Warnings, advisory (${items.length})`)));
    // A case may warn the same thing more than once (one document sent in two encodings): one line, counted.
    const lines = new Map<string, number>();
    for (const { case: c, check: k } of items) {
      const text = `  ${this.style('yellow', '!')} ${oneLine(c.id, 80)} ${this.style('yellow', k.check)} ${this.style('dim', `(${oneLine(k.rule, 60)})`)} ${oneLine(k.message, 160)}`;
      lines.set(text, (lines.get(text) ?? 0) + 1);
    }
    for (const [text, times] of lines) this.line(times > 1 ? `${text} ${this.style('dim', `(×${times})`)}` : text);
  }

  // ------------------------------------------------------------ output

  private field(label: string, value: string): void {
    const pad = '     ';
    const head = `${pad}${label.padEnd(9)}`;
    this.line(`${this.style('dim', head)}${indentRest(value, ' '.repeat(head.length))}`);
  }

  private table(head: string[], rows: string[][], styleOf: (col: number, value: string) => Style | undefined): void {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (cells: string[], style?: (col: number, v: string) => Style | undefined) =>
      '  ' +
      cells
        .map((v, i) => {
          const padded = i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!);
          const st = style?.(i, v);
          return st ? this.style(st, padded) : padded;
        })
        .join('  ');
    this.line(this.style('dim', fmt(head)));
    for (const r of rows) this.line(fmt(r, styleOf));
  }

  private style(style: Style, text: string): string {
    return this.color ? `${ANSI[style]}${text}${ANSI.reset}` : text;
  }

  private line(text: string): void {
    this.stream.write(`${scrubSecrets(text)}\n`);
  }
}

/** Connection failures the run rode out (never the API's fault), e.g. "12 requests sent again after connection failures (13 attempts)". */
export function resentLine(rs: NonNullable<RunResult['summary']['resent']>): string {
  const parts = [];
  if (rs.requests) parts.push(`${plural(rs.requests, 'request')} sent again after connection failures (${plural(rs.attempts, 'resend')}${rs.gaveUp ? `, ${rs.gaveUp} still unanswered` : ''})`);
  if (rs.reconciled) parts.push(`${plural(rs.reconciled, 'create')} whose answer was lost settled by the app's name`);
  return `network: ${parts.join('; ')}`;
}
