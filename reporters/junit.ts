/**
 * JUnit XML reporter: `<outDir>/junit.xml`, valid against Jenkins' junit-10.xsd
 * (shared/schemas/junit-10.xsd, beside the checkout). One `testsuite` per `CaseResult.suite`,
 * one `testcase` per case; failed → `<failure>`, error → `<error>`,
 * skipped → `<skipped>`, advisory warnings → `<system-out>`.
 * XML is built with xmlbuilder2 (escaping), after stripping characters XML 1.0 forbids.
 */
import { hostname } from 'node:os';
import type { CaseResult, RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
import { checkEvidenceText, cleanText, errorText, evidenceFor, excerpt, indentRest, oneLine, requestLine, responseExcerpt, seconds } from './format.ts';
import { failedChecks, suitesOf, warningChecks, verdict } from './tallies.ts';
import { writeReportFile } from './files.ts';
import { scrubDeep } from '../src/results/secrets.ts';
import { caseLocation, operationLocation } from './locations.ts';

type XMLBuilder = ReturnType<typeof import('xmlbuilder2').create>;

export const JUNIT_FILE = 'junit.xml';
const EXCERPT = { maxLines: 20, maxLineChars: 200, maxChars: 3000 };

export class JUnitReporter implements Reporter {
  readonly name = 'junit';
  constructor(private readonly opts: Pick<ReporterOptions, 'outDir'>) {}

  async onEnd(run: RunResult): Promise<string[]> {
    const xml = await renderJUnit(run);
    return [await writeReportFile(this.opts.outDir, JUNIT_FILE, xml, '&lt;redacted-jwt&gt;')];
  }
}

/** xmlbuilder2's create(): CommonJS, so a dynamic import may hold it as a named export or under `default`. */
async function xmlBuilder(): Promise<typeof import('xmlbuilder2').create> {
  const m = (await import('xmlbuilder2')) as typeof import('xmlbuilder2') & { default?: typeof import('xmlbuilder2') };
  return m.create ?? m.default!.create;
}

/**
 * The JUnit document for a run (exported for tests and `merge`). xmlbuilder2 is loaded here, when
 * the report is written, not with the reporter: a run's first request need not wait for it.
 */
export async function renderJUnit(rawRun: RunResult, host: string = hostname()): Promise<string> {
  const create = await xmlBuilder();
  const run = scrubDeep(rawRun);
  const { info, summary } = run;
  const timestamp = isoSeconds(info.startedAt);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('testsuites', {
    name: x(`${info.tool.name} ${info.runId}`),
    tests: String(run.cases.length),
    failures: String(run.cases.filter((c) => c.status === 'failed').length),
    errors: String(run.cases.filter((c) => c.status === 'error').length),
    time: seconds(summary.durationMs),
  });

  // GitLab drops later test cases that repeat a name (merged shards could): make every name unique in the file.
  const used = new Set<string>();
  const uniqueName = (name: string) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name} #${n}`;
    used.add(candidate);
    return candidate;
  };

  suitesOf(run).forEach((suite, index) => {
    const cases = run.cases.filter((c) => c.suite === suite);
    const el = root.ele('testsuite', {
      name: x(suite),
      tests: String(cases.length),
      failures: String(cases.filter((c) => c.status === 'failed').length),
      errors: String(cases.filter((c) => c.status === 'error').length),
      skipped: String(cases.filter((c) => c.status === 'skipped').length),
      time: seconds(cases.reduce((t, c) => t + (c.durationMs > 0 ? c.durationMs : 0), 0)),
      timestamp,
      hostname: x(host),
      id: String(index),
      package: x(info.tool.name),
    });
    const props = el.ele('properties');
    const prop = (name: string, value: string | undefined) => {
      if (value !== undefined) props.ele('property', { name, value: x(value) });
    };
    prop('run.id', info.runId);
    prop('tool.name', info.tool.name);
    prop('tool.version', info.tool.version);
    prop('spec.version', info.spec.version);
    prop('spec.sha256', info.spec.sha256);
    prop('target.baseUrl', info.target.baseUrl);
    prop('target.embedded', String(info.target.embedded));
    prop('node', info.node);
    prop('startedAt', info.startedAt);
    prop('endedAt', info.endedAt);
    if (info.shard) prop('shard', `${info.shard.index}/${info.shard.total}`);
    if (info.generation) {
      prop('generation.seed', String(info.generation.seed));
      prop('generation.budget', info.generation.budget);
    }
    const model = run.coverage?.model;
    if (model) {
      prop('model.coverage', `${model.percent}% (${model.covered}/${model.possible} transitions)`);
      if (model.missing.length) prop('model.coverage.missing', model.missing.join(', '));
    }
    prop('verdict', verdict(summary));
    prop('verdict.exitCode', String(summary.exitCode));
    if (summary.interrupted) prop('verdict.notRun', String(summary.notRun ?? 0));

    for (const c of cases) addCase(el, c, uniqueName);
  });

  return doc.end({ prettyPrint: true }) + '\n';
}

function addCase(suiteEl: XMLBuilder, c: CaseResult, uniqueName: (name: string) => string): void {
  // `file`/`line` (read by GitLab and action-junit-report): where the case is defined, else its operation in the spec.
  const where = caseLocation(c.id, c.suite) ?? operationLocation(c.operation);
  const tc = suiteEl.ele('testcase', {
    name: x(uniqueName(oneLine(`${c.id}: ${c.title}`, 1000))),
    classname: x(`${c.suite}.${c.operation}`),
    time: seconds(c.durationMs),
    ...(where ? { file: x(where.file), line: String(where.line) } : {}),
  });

  const failed = failedChecks(c);
  if (c.status === 'failed') {
    const first = failed[0];
    // Short: CI tools show the message as a one-line title; the evidence is in the body.
    const message = first
      ? `${first.check}: ${oneLine(first.message, 160)}${failed.length > 1 ? ` (and ${failed.length - 1} more failed check${failed.length > 2 ? 's' : ''})` : ''}`
      : (c.reason ?? 'failed');
    const body = failed.length
      ? failed.map((k) => checkEvidenceText({ case: c, check: k, exchange: evidenceFor(c, k) }, EXCERPT)).join('\n\n')
      : oneLine(c.reason ?? 'failed without a failed check', 1000);
    tc.ele('failure', { message: x(oneLine(message, 240)), type: x(first?.check ?? 'failed') })
      .txt(x(`\n${body}\n`));
  } else if (c.status === 'error') {
    const transport = c.exchanges.some((e) => e.transportError !== undefined);
    let body = errorText(c, EXCERPT);
    if (failed.length) {
      body += '\n\n' + failed.map((k) => checkEvidenceText({ case: c, check: k, exchange: evidenceFor(c, k) }, EXCERPT)).join('\n\n');
    }
    tc.ele('error', { message: x(oneLine(c.reason ?? 'could not be evaluated', 240)), type: transport ? 'transport-error' : 'error' })
      .txt(x(`\n${body}\n`));
  } else if (c.status === 'skipped') {
    tc.ele('skipped', { message: x(oneLine(c.reason ?? 'skipped', 1000)) });
  }

  const out: string[] = [];
  const warnings = warningChecks(c);
  if (warnings.length) {
    out.push(warnings
      .map((k) => `[warning] ${checkEvidenceText({ case: c, check: k, exchange: evidenceFor(c, k) }, { maxLines: 6, maxChars: 800 })}`)
      .join('\n\n'));
  }
  if (c.exchanges.length) out.push(exchangesText(c));
  if (out.length) tc.ele('system-out').txt(x(`\n${out.join('\n\n')}\n`));
}

const EXCHANGE_DETAIL = { maxLines: 15, maxLineChars: 200, maxChars: 1500 };
const SYSTEM_OUT_MAX = 12_000;

/**
 * The case's requests and responses (already redacted by the recorder): one
 * line each for a passing case; with headers, bodies and `curl` for a failed
 * or errored one (what Newman users ask for), capped so the file stays small.
 */
function exchangesText(c: CaseResult): string {
  const detailed = c.status === 'failed' || c.status === 'error';
  const parts = c.exchanges.map((e, i) => {
    const status = e.response ? `${e.response.status}` : `no response (${oneLine(e.transportError ?? 'transport error', 200)})`;
    const head = `[${i + 1}] ${requestLine(e)} -> ${status} (${Math.round(e.durationMs)} ms) ${oneLine(e.purpose, 160)}`;
    if (!detailed) return head;
    const headers = (h: Record<string, string>) => Object.entries(h).map(([k, v]) => `    ${k}: ${oneLine(v, 200)}`).join('\n');
    return [
      head,
      `  request headers:\n${headers(e.request.headers)}`,
      ...(e.request.body !== undefined ? [`  request body:\n${indentRest(`    ${excerpt(e.request.body, EXCHANGE_DETAIL)}`, '    ')}`] : []),
      ...(e.response ? [`  response headers:\n${headers(e.response.headers)}`] : []),
      `  response: ${indentRest(responseExcerpt(e, EXCHANGE_DETAIL), '    ')}`,
      `  curl: ${indentRest(cleanText(e.curl), '    ')}`,
    ].join('\n');
  });
  const text = `requests (${c.exchanges.length}):\n${parts.join(detailed ? '\n\n' : '\n')}`;
  return text.length > SYSTEM_OUT_MAX ? `${text.slice(0, SYSTEM_OUT_MAX)}\n… (cut: ${c.exchanges.length} requests in the JSON bundle and run.har)` : text;
}

/** Characters XML 1.0 forbids, removed (xmlbuilder2 then escapes `<`, `&`, `>` and quotes). */
function x(text: string): string {
  return cleanText(text);
}

/** `2025-01-31T12:00:00Z`; the input unchanged when it does not parse. */
function isoSeconds(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? oneLine(iso, 64) : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
