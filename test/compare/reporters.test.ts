import t from 'tap';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompareResult, Difference } from '../../src/compare/model.ts';
import { createCompareReporters } from '../../reporters/compare/index.ts';
import { renderCompareJUnit } from '../../reporters/compare/junit.ts';
import { renderCompareConsole } from '../../reporters/compare/console.ts';
import { writeCompareGitHub } from '../../reporters/compare/github.ts';

// compare's reports from one hand-made result: a difference of each class.
const view = (status: number, body: string) => ({ purpose: 'create app', method: 'POST', url: 'http://x/rest/sip/app', status, headers: { 'content-type': 'application/json' }, body, curl: `curl -X POST 'http://x/rest/sip/app' # ${status}` });
const diff = (cls: Difference['class'], extra: Partial<Difference>): Difference => ({
  caseId: 'create.minimal', operation: 'CreateSIPControlApp', index: 0, purpose: 'create app', kind: 'status', path: 'status', candidate: '202', reference: '201', class: cls,
  candidateExchange: view(202, '{"success":true,"payload":{"name":"a"}}'), referenceExchange: view(201, '{"success":true,"payload":{"name":"a"}}'), ...extra,
});
const side = { baseUrl: 'http://127.0.0.1:1', embedded: true, runId: 'sct-20260101000000-aaaaaa', exitCode: 0, failedChecks: [] };
const result = (failOn: CompareResult['summary']['failOn']): CompareResult => ({
  info: { tool: { name: 'sipapp-conformance', version: '0' }, startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:00:01.000Z', seed: 1, budget: '150 requests', candidate: side, references: [side, side] },
  summary: { casesCompared: 1, notCompared: [], exchangesCompared: 2, differences: 3, byClass: { spec: 1, errata: 1, unexplained: 1 }, noise: { aspects: 2, exchanges: 0, suppressed: 1 }, failOn, durationMs: 1000, exitCode: 1 },
  differences: [
    diff('spec', { checks: [{ check: 'status-code', rule: 'page', message: 'create answered 202, expected 201' }] }),
    diff('errata', { kind: 'header', path: 'header:content-type', candidate: 'application/json', reference: 'application/json;charset=utf-8', errata: { id: 'E32', why: 'charset or not' } }),
    diff('unexplained', { kind: 'value', path: '$.payload.name', candidate: 'string', reference: 'string:sent#1', index: 1 }),
  ],
});

t.test('console: groups worst first, each explained, then the summary with the noise cancelled', async (t) => {
  const text = renderCompareConsole(result('unexplained'));
  t.ok(text.indexOf('BREAKS THE SPEC') < text.indexOf('UNEXPLAINED') && text.indexOf('UNEXPLAINED') < text.indexOf('ALLOWED BY THE ERRATA'));
  t.match(text, /\[status-code\] create answered 202/);
  t.match(text, /E32: charset or not/);
  t.match(text, /noise cancelled: 1 candidate difference\(s\) on 2 aspect\(s\)/);
  t.notMatch(renderCompareConsole(result('unexplained'), true), /BREAKS THE SPEC  /, '--quiet: the summary only');
});

t.test('JUnit: one testcase per operation × kind; --fail-on decides which fail', async (t) => {
  const failures = async (failOn: CompareResult['summary']['failOn']) => [...(await renderCompareJUnit(result(failOn))).matchAll(/<failure /g)].length;
  t.equal(await failures('spec'), 1);
  t.equal(await failures('unexplained'), 2);
  t.equal(await failures('any'), 3);
  t.match(await renderCompareJUnit(result('spec')), /name="CreateSIPControlApp · header"[^>]*>\s*<system-out>/, 'an allowed difference is listed, not failed');
});

t.test('files: JSON, HTML side by side with the differing parts marked; GitHub annotations and summary', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-compare-reports-'));
  t.teardown(() => rmSync(out, { recursive: true, force: true }));
  const chunks: string[] = [];
  const stream = { write: (s: string) => chunks.push(s) } as unknown as NodeJS.WritableStream;
  writeFileSync(join(out, 'compare-junit.xml'), 'a stale report of an earlier comparison');
  t.equal((await createCompareReporters(['json'], { outDir: out, stream }).write(result('unexplained'))).length, 1);
  t.notOk(existsSync(join(out, 'compare-junit.xml')), "a report this comparison does not write is removed (it would pass for this one's)");
  const files = await createCompareReporters(['json', 'html', 'junit'], { outDir: out, stream }).write(result('unexplained'));
  t.equal(files.length, 3);
  t.same(JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')).summary.byClass, { spec: 1, errata: 1, unexplained: 1 });
  const html = readFileSync(join(out, 'compare.html'), 'utf8');
  t.match(html, /<mark>202<\/mark>/, 'the differing status is marked');
  t.match(html, /<mark>\s*&quot;name&quot;: &quot;a&quot;<\/mark>/, 'the differing field is marked');
  t.match(html, /curl -X POST/);
  const summaryFile = join(out, 'step-summary.md');
  writeFileSync(summaryFile, '');
  await writeCompareGitHub(result('unexplained'), { outDir: out, stream }, { GITHUB_STEP_SUMMARY: summaryFile });
  const annotations = chunks.join('').split('\n').filter((l) => l.startsWith('::error'));
  t.equal(annotations.length, 2, 'one annotation per failing group');
  t.match(readFileSync(summaryFile, 'utf8'), /\| breaks the spec \| CreateSIPControlApp \| status \| 1 \|/);
});
