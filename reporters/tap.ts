/**
 * TAP reporter: `<outDir>/results.tap`, TAP version 14. Plan first, one test
 * point per case; failures and errors carry a YAML diagnostic block
 * (check, rule, expected, actual, request, curl); skipped cases use `# SKIP`.
 */
import { stringify } from 'yaml';
import type { CaseResult, RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
import { cleanText, errorEvidence, evidenceFor, excerpt, oneLine, requestLine, responseExcerpt, notRunNote } from './format.ts';
import { failedChecks, verdict, warningChecks } from './tallies.ts';
import { writeReportFile } from './files.ts';
import { scrubDeep } from '../src/results/secrets.ts';

export const TAP_FILE = 'results.tap';
const EXCERPT = { maxLines: 12, maxLineChars: 200, maxChars: 2000 };

export class TapReporter implements Reporter {
  readonly name = 'tap';
  constructor(private readonly opts: Pick<ReporterOptions, 'outDir'>) {}

  async onEnd(run: RunResult): Promise<string[]> {
    return [await writeReportFile(this.opts.outDir, TAP_FILE, renderTap(run), '<redacted-jwt>')];
  }
}

/** Escape a TAP description: `#` would start a directive, `\` escapes it. */
function description(text: string): string {
  return oneLine(text, 500).replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

function directiveText(text: string): string {
  return oneLine(text, 300).replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

export function renderTap(rawRun: RunResult): string {
  const run = scrubDeep(rawRun);
  const { info, summary } = run;
  const out: string[] = ['TAP version 14', `1..${run.cases.length}`];
  out.push(`# ${oneLine(`${info.tool.name} ${info.tool.version} · run ${info.runId} · ${info.target.baseUrl} · spec ${info.spec.version}`, 400)}`);

  run.cases.forEach((c, i) => {
    const n = i + 1;
    const desc = description(`${c.id}: ${c.title}`);
    if (c.status === 'skipped') {
      out.push(`ok ${n} - ${desc} # SKIP ${directiveText(c.reason ?? 'skipped')}`);
      return;
    }
    const ok = c.status === 'passed';
    out.push(`${ok ? 'ok' : 'not ok'} ${n} - ${desc} # time=${Math.max(0, c.durationMs).toFixed(3)}ms`);
    const diag = diagnostics(c);
    if (diag) out.push(...yamlBlock(diag));
  });

  out.push(
    `# ${verdict(summary)}: ${summary.total} cases, ${summary.passed} passed, ${summary.failed} failed, ` +
      `${summary.errors} errors, ${summary.skipped} skipped, ${summary.warnings} warnings`,
  );
  // TAP's own word for a run that did not finish: consumers treat it as a failure.
  if (summary.interrupted) out.push(`Bail out! ${directiveText(notRunNote(summary))}`);
  return out.join('\n') + '\n';
}

function diagnostics(c: CaseResult): Record<string, unknown> | undefined {
  const warnings = warningChecks(c).map((k) => ({ check: k.check, rule: cleanText(k.rule), message: cleanText(k.message) }));
  const base = { suite: cleanText(c.suite), operation: cleanText(c.operation) };
  if (c.status === 'passed') {
    return warnings.length ? { severity: 'comment', ...base, warnings } : undefined;
  }
  if (c.status === 'error') {
    const e = errorEvidence(c);
    return {
      message: `error: ${oneLine(c.reason ?? 'the case could not be evaluated', 1000)}`,
      severity: 'error',
      status: 'error',
      ...base,
      ...(e ? { request: requestLine(e), response: responseExcerpt(e, EXCERPT), curl: cleanText(e.curl) } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
  }
  const failed = failedChecks(c);
  return {
    message: failed.length ? failed.map((k) => `${k.check}: ${oneLine(k.message, 300)}`).join('; ') : oneLine(c.reason ?? 'failed', 300),
    severity: 'fail',
    status: 'failed',
    ...base,
    failures: failed.map((k) => {
      const e = evidenceFor(c, k);
      return {
        check: k.check,
        normative: k.normative,
        rule: cleanText(k.rule),
        message: cleanText(k.message),
        ...(k.expected !== undefined ? { expected: excerpt(k.expected, EXCERPT) } : {}),
        ...(k.actual !== undefined ? { actual: excerpt(k.actual, EXCERPT) } : {}),
        ...(e ? { request: requestLine(e), response: responseExcerpt(e, EXCERPT), curl: cleanText(e.curl) } : {}),
      };
    }),
    ...(warnings.length ? { warnings } : {}),
  };
}

function yamlBlock(value: Record<string, unknown>): string[] {
  const body = stringify(value, { lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '');
  return ['  ---', ...body.split('\n').map((l) => `  ${l}`), '  ...'];
}
