import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitHubReporter, renderGitHubSummary, SUMMARY_BUDGET_BYTES, ANNOTATIONS_PER_STEP } from '../../reporters/github.ts';
import { computeCoverage } from '../../src/results/coverage.ts';
import type { CaseResult, RunResult } from '../../src/results/model.ts';
import { OPERATION_IDS } from '../../src/spec/operations.ts';
import { buildRun, collector, drive, fixtureCases, JWT_RE, RAW_JWT } from './fixture.ts';

interface Parsed { level: string; props: Record<string, string>; message: string }

/** Read workflow commands back as the runner does: `::level k=v,k=v::message`, then un-escape. */
function parseCommands(stdout: string): { commands: Parsed[]; lines: string[] } {
  const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const lines = stdout.split('\n').filter((l) => l.startsWith('::'));
  const commands = lines.flatMap((line) => {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) return [];
    const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((kv) => { const i = kv.indexOf('='); return [kv.slice(0, i), unescape(kv.slice(i + 1))]; }));
    return [{ level: m[1]!, props, message: unescape(m[3]!) }];
  });
  return { commands, lines };
}

const SPEC = readFileSync(new URL('../../spec/openapi.yaml', import.meta.url), 'utf8').split('\n');

t.test('annotations: one per failing check × operation, pointing at the operation in the spec, escaped', async (t) => {
  const out = collector();
  const dir = t.testdir();
  const run = buildRun();
  await drive(new GitHubReporter({ outDir: dir, stream: out.stream, env: {} }), run);
  const { commands, lines } = parseCommands(out.text());

  // Command processing is paused while the run prints what servers said, resumed before the annotations.
  const stop = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] ?? '');
  t.ok(stop, 'first line pauses workflow commands with a random token');
  t.equal(lines[1], `::${stop![1]}::`, 'then resumes them with the same token');

  const errors = commands.filter((c) => c.level === 'error');
  const failing = new Set(run.cases.flatMap((c) => c.checks.filter((k) => k.status === 'failed').map((k) => `${k.check} · ${c.operation}`)));
  const erroredCases = run.cases.filter((c) => c.status === 'error').length;
  t.equal(errors.length, failing.size + (erroredCases ? 1 : 0), 'one error annotation per failing check × operation, plus one for cases that could not be evaluated');
  t.same(new Set(errors.filter((e) => !/could not be evaluated/.test(e.props.title!)).map((e) => e.props.title)), failing, 'titles name check and operation');
  for (const e of errors) {
    t.equal(e.props.file, 'spec/openapi.yaml', `${e.props.title}: file is the spec`);
    const line = Number(e.props.line);
    const op = e.props.title!.split(' · ')[1];
    if (op && (OPERATION_IDS as readonly string[]).includes(op)) t.match(SPEC[line - 1], `operationId: ${op}`, `${e.props.title}: line ${line} is the operation`);
  }
  t.ok(commands.some((c) => c.level === 'warning'), 'advisory findings become warnings');
  t.notMatch(out.text(), JWT_RE, 'no raw JWT in an annotation');
  t.notMatch(out.text(), RAW_JWT);
  for (const l of out.text().split('\n')) t.notOk(/[\r]/.test(l), 'no raw carriage return');
});

t.test('escaping round-trips %, newlines, colons and commas', async (t) => {
  const cases = fixtureCases();
  const failed = cases.find((c) => c.status === 'failed')!;
  const k = failed.checks.find((x) => x.status === 'failed')!;
  k.message = 'first line 100% sure\nsecond: line, with commas\r\n::set-env name=X::injected';
  k.rule = 'rule: a, b';
  const out = collector();
  await drive(new GitHubReporter({ outDir: t.testdir(), stream: out.stream, env: {} }), buildRun(cases));
  const { commands, lines } = parseCommands(out.text());
  const mine = commands.find((c) => c.message.includes('100% sure'))!;
  t.ok(mine, 'the annotation is there');
  t.match(mine.message, 'first line 100% sure', 'a per cent sign survives');
  t.notOk(lines.some((l) => l.startsWith('::set-env')), 'a message cannot start a workflow command of its own');
  t.match(mine.message, /rule: rule: a, b/);
});

function manyFailures(n: number, bodyBytes = 100): CaseResult[] {
  const ops = OPERATION_IDS;
  return Array.from({ length: n }, (_, i) => ({
    id: `bulk.case-${i}`, title: `bulk case ${i}`, suite: 'bulk', operation: ops[i % ops.length]!, tags: [], status: 'failed' as const, durationMs: 1,
    checks: [{ check: `check-${Math.floor(i / ops.length)}`, status: 'failed' as const, normative: true, rule: 'r', message: `failure ${i}`, exchange: 0 }],
    exchanges: [{ purpose: 'p', operation: ops[i % ops.length], request: { method: 'GET', url: 'https://x.test/rest/sip/app', headers: {} }, durationMs: 1, curl: `curl https://x.test/${i}`,
      response: { status: 500, headers: { 'content-type': 'application/json' }, bodyExcerpt: 'x'.repeat(bodyBytes), bodyTruncated: false } }],
  }));
}

t.test('GitHub limits: at most 10 error annotations, the overflow in one notice', async (t) => {
  const run = buildRun(manyFailures(40));
  const out = collector();
  await drive(new GitHubReporter({ outDir: t.testdir(), stream: out.stream, env: {} }), run);
  const { commands } = parseCommands(out.text());
  t.equal(commands.filter((c) => c.level === 'error').length, ANNOTATIONS_PER_STEP);
  const notices = commands.filter((c) => c.level === 'notice');
  t.equal(notices.length, 1, 'one notice');
  t.match(notices[0]!.message, /^30 more failing checks not annotated/, '40 distinct findings: 30 summarised');
});

t.test('job summary: verdict, counts, failures with rule and curl, coverage; appended to GITHUB_STEP_SUMMARY', async (t) => {
  const dir = t.testdir({ 'step.md': '# earlier step\n' });
  const run: RunResult = buildRun();
  run.coverage = computeCoverage(run.cases, 90);
  const stepFile = join(dir, 'step.md');
  const files = await drive(new GitHubReporter({ outDir: dir, stream: collector().stream, env: { GITHUB_STEP_SUMMARY: stepFile } }), run);
  t.same(files, [join(dir, 'github-summary.md')]);
  const summary = readFileSync(files[0]!, 'utf8');
  t.equal(readFileSync(stepFile, 'utf8'), `# earlier step\n${summary}`, 'appended, not overwritten');
  t.match(summary, /^## ❌ FAILED: SIP Control App API conformance/);
  const counts = /\| cases \| passed \| failed \| errors \| skipped \| warnings \| requests \|\n\|[-|]+\|\n\| (.*) \|/.exec(summary)!;
  const s = run.summary;
  t.same(counts[1]!.split(' | ').map(Number), [s.total, s.passed, s.failed, s.errors, s.skipped, s.warnings, s.requests], 'the counts table is the summary');
  const failures = run.cases.flatMap((c) => c.checks.filter((k) => k.status === 'failed').map((k) => ({ c, k })));
  t.match(summary, `### Failures (${failures.length})`);
  t.equal((summary.match(/<details><summary>/g) ?? []).length, failures.length, 'one block per failed check');
  for (const { c, k } of failures) {
    const e = c.exchanges[k.exchange!]!;
    t.ok(summary.includes(`\n${e.curl}\n`), `${c.id}: its curl in a fenced block`);
  }
  t.notMatch(summary, /<script>/, 'markup from the server is escaped');
  t.notMatch(summary, JWT_RE);
  t.match(summary, '### API coverage');
  t.match(summary, /API coverage [\d.]+% is below --min-coverage 90%|below --min-coverage 90%/, 'the coverage shortfall is stated');
  t.equal((summary.match(/^\| [A-Za-z]+ \| \d{3} \| /gm) ?? []).length, run.coverage.cells.length + run.coverage.undocumented.length, 'one coverage row per cell');
});

t.test('job summary stays under GitHub\'s 1 MiB limit', async (t) => {
  const run = buildRun(manyFailures(2000, 1500));
  const summary = renderGitHubSummary(run);
  t.ok(Buffer.byteLength(summary) <= SUMMARY_BUDGET_BYTES, `${Buffer.byteLength(summary)} bytes`);
  t.ok(Buffer.byteLength(summary) > SUMMARY_BUDGET_BYTES * 0.8, 'the budget is used, not wasted');
  const shown = (summary.match(/<details><summary>/g) ?? []).length;
  t.ok(shown > 100 && shown < 2000);
  t.match(summary, `… and ${2000 - shown} more failed checks`);
  t.equal((summary.match(/<details>/g) ?? []).length, (summary.match(/<\/details>/g) ?? []).length, 'no block cut in half');
});
