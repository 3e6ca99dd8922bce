import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderResultsBundle } from '../../reporters/json.ts';
import type { CaseResult, RunResult } from '../../src/results/model.ts';
import { summarise } from '../../src/results/summary.ts';
import { runCli, linesOf } from './helpers.ts';

/** Issue 13 (2): `merge` of a rerun must never hide a failure, and must not silently merge different targets. */
const kase = (id: string, status: CaseResult['status']): CaseResult => ({
  id, title: id, suite: 'get', operation: 'GetSIPControlAppByUUID', tags: [], status, durationMs: 1,
  checks: [{ check: 'status-code', status: status === 'failed' ? 'failed' : 'passed', normative: true, rule: 'r', message: 'm' }], exchanges: [],
});
function bundle(dir: string, name: string, runId: string, statuses: CaseResult['status'][], baseUrl = 'http://127.0.0.1:1'): string {
  const cases = statuses.map((s, i) => kase(`get.case-${i}`, s));
  const run: RunResult = {
    info: { runId, tool: { name: 'sipapp-conformance', version: '1' }, spec: { version: '1', sha256: 'abc' }, node: 'v20', target: { baseUrl, embedded: false }, options: {}, startedAt: '2026-12-01T00:00:00Z' },
    cases, summary: summarise(cases, 10, 3),
  };
  const path = join(dir, name);
  writeFileSync(path, renderResultsBundle(run));
  return path;
}

t.test('merge PASS FAULT and FAULT PASS both fail and say duplicates were resolved', async (t) => {
  const dir = t.testdir();
  const pass = bundle(dir, 'PASS.json', 'sct-p', ['passed', 'passed', 'passed']);
  const fault = bundle(dir, 'FAULT.json', 'sct-f', ['passed', 'failed', 'passed']);
  for (const files of [[pass, fault], [fault, pass]]) {
    const r = await runCli(['merge', ...files, '--out', join(dir, 'merged'), '--reporter', 'json']);
    t.equal(r.code, 1, `exit 1 for ${files.map((f) => f.split('/').at(-1)).join(' ')}`);
    t.match(r.err, /WARNING: 3 case id\(s\) appear in more than one bundle .*kept the worst result of each \(failed > error > passed > skipped\)/);
  }
});

t.test('merge refuses bundles of different targets unless --allow-mixed, then warns', async (t) => {
  const dir = t.testdir();
  const a = bundle(dir, 'a.json', 'sct-a', ['passed'], 'http://staging');
  const b = bundle(dir, 'b.json', 'sct-b', ['passed'], 'http://prod');
  const refused = await runCli(['merge', a, b, '--out', join(dir, 'm1'), '--reporter', 'json']);
  t.equal(refused.code, 2);
  t.equal(linesOf(refused.err).length, 1);
  t.match(refused.err, /refusing to merge: targets differ: http:\/\/staging .* vs http:\/\/prod .*--allow-mixed/);
  const mixed = await runCli(['merge', a, b, '--allow-mixed', '--out', join(dir, 'm2'), '--reporter', 'json']);
  t.match(mixed.err, /WARNING: merged anyway \(--allow-mixed\): targets differ/);
  t.match(mixed.err, /WARNING: 1 case id\(s\) appear in more than one bundle/);
});
