import t from 'tap';
import type { CaseResult, CheckOutcome, RunResult } from '../../src/results/model.ts';
import { diffRuns, formatDiff } from '../../src/results/diff.ts';
import { mergeConcerns, mergeRuns } from '../../src/results/merge.ts';
import { summarise } from '../../src/results/summary.ts';

const outcome = (check: string, status: CheckOutcome['status']): CheckOutcome => ({ check, status, normative: true, rule: 'r', message: `${check} ${status}` });

function kase(id: string, status: CaseResult['status'], checks: CheckOutcome[] = [], reason?: string): CaseResult {
  return { id, title: id, suite: id.split('.')[0], operation: 'ListSIPControlApps', tags: [], status, durationMs: 1, checks, exchanges: [], reason };
}

function run(runId: string, cases: CaseResult[]): RunResult {
  return {
    info: { runId, tool: { name: 'sipapp-conformance', version: '0' }, spec: { version: '1', sha256: 'x' }, node: 'v20', target: { baseUrl: 'http://x', embedded: true }, options: {}, startedAt: `2026-11-26T00:00:0${runId.length % 10}Z`, endedAt: '2026-11-26T00:01:00Z' },
    cases,
    summary: summarise(cases, 1000, 10),
  };
}

t.test('diff names what newly fails, newly passes and newly skips, per check', async (t) => {
  const before = run('a', [
    kase('list.shape', 'passed', [outcome('status-code', 'passed'), outcome('envelope', 'passed')]),
    kase('get.own', 'failed', [outcome('read-after-write', 'failed')]),
    kase('auth.List', 'passed', [outcome('auth-required', 'passed')]),
    kase('old.case', 'passed'),
  ]);
  const after = run('b', [
    kase('list.shape', 'failed', [outcome('status-code', 'failed'), outcome('envelope', 'passed')]),
    kase('get.own', 'passed', [outcome('read-after-write', 'passed')]),
    kase('auth.List', 'skipped', [], 'needs --token-b'),
    kase('new.case', 'error', [], 'timeout'),
  ]);
  const diff = diffRuns(before, after);
  t.same(diff.newlyFailing.map((e) => `${e.caseId}/${e.check}`), ['list.shape/status-code']);
  t.same(diff.newlyPassing.map((e) => `${e.caseId}/${e.check}`), ['get.own/read-after-write']);
  t.same(diff.newlySkipped.map((e) => e.caseId), ['auth.List']);
  t.same(diff.added, ['new.case']);
  t.same(diff.removed, ['old.case']);
  const text = formatDiff(diff);
  t.match(text, /Newly failing \(1\)\n  list\.shape · status-code: passed → failed/);
  t.match(text, /New cases \(1\): new\.case/);
});

t.test('a case that starts erroring is newly failing; identical runs differ in nothing', async (t) => {
  const a = run('a', [kase('x.y', 'passed', [outcome('status-code', 'passed')])]);
  const b = run('b', [kase('x.y', 'error', [], 'no complete answer within 500 ms')]);
  t.same(diffRuns(a, b).newlyFailing.map((e) => [e.caseId, e.after]), [['x.y', 'error']]);
  const same = diffRuns(a, a);
  t.same([same.newlyFailing, same.newlyPassing, same.newlySkipped, same.added, same.removed], [[], [], [], [], []]);
});

t.test('merge combines shards: each case once, counts recomputed, every shard cleanup kept', async (t) => {
  const cleanup = (status: CaseResult['status']) => ({ ...kase('cleanup.run-resources', status), suite: 'cleanup' });
  const s1 = run('s1', [kase('a.one', 'passed'), kase('a.two', 'failed', [outcome('envelope', 'failed'), outcome('no-secrets-exposed', 'warning')]), cleanup('passed')]);
  const s2 = run('s2', [kase('b.one', 'skipped'), kase('b.two', 'error'), cleanup('passed')]);
  const merged = mergeRuns([s1, s2]);
  t.equal(merged.cases.length, 6);
  t.same(
    { total: merged.summary.total, passed: merged.summary.passed, failed: merged.summary.failed, errors: merged.summary.errors, skipped: merged.summary.skipped, warnings: merged.summary.warnings, requests: merged.summary.requests, exit: merged.summary.exitCode },
    { total: 6, passed: 3, failed: 1, errors: 1, skipped: 1, warnings: 1, requests: 20, exit: 1 },
  );
  t.same(merged.cases.filter((c) => c.suite === 'cleanup').map((c) => c.id), ['cleanup.run-resources.s1', 'cleanup.run-resources.s2']);
  t.equal(merged.info.runId, 's1+s2');
  t.throws(() => mergeRuns([]));
});

t.test('issue 13: merging a passing and a failing bundle of the same cases never passes, in either order', async (t) => {
  const pass = run('p', [kase('a.one', 'passed', [outcome('envelope', 'passed')]), kase('a.two', 'passed')]);
  const fault = run('f', [kase('a.one', 'failed', [outcome('envelope', 'failed')]), kase('a.two', 'passed')]);
  for (const [name, order] of [['pass, fault', [pass, fault]], ['fault, pass', [fault, pass]]] as const) {
    const merged = mergeRuns([...order]);
    t.equal(merged.summary.exitCode, 1, `${name}: exit 1`);
    t.equal(merged.summary.failed, 1, `${name}: the failure is kept`);
    t.equal(merged.summary.total, 2, `${name}: each case once`);
  }
  t.same(mergeConcerns([pass, fault]).duplicates, ['a.one', 'a.two']);
  // An error outranks a pass, a pass outranks a skip (a skip is no evidence).
  const skipped = run('s', [kase('a.one', 'skipped')]);
  const errored = run('e', [kase('a.one', 'error')]);
  t.equal(mergeRuns([skipped, pass]).cases.find((c) => c.id === 'a.one')!.status, 'passed');
  t.equal(mergeRuns([pass, errored]).cases.find((c) => c.id === 'a.one')!.status, 'error');
});

t.test('issue 13: bundles of different targets, tool versions or spec hashes are named', async (t) => {
  const a = run('a', [kase('a.one', 'passed')]);
  const b = run('b', [kase('b.one', 'passed')]);
  t.same(mergeConcerns([a, b]), { duplicates: [], mismatches: [] }, 'shards of one run: nothing to say');
  const other = { ...b, info: { ...b.info, target: { baseUrl: 'http://y', embedded: false }, tool: { name: 'sipapp-conformance', version: '9' }, spec: { version: '1', sha256: 'zzz' } } };
  const { mismatches } = mergeConcerns([a, other], ['A.json', 'B.json']);
  t.equal(mismatches.length, 3);
  t.match(mismatches[0], /^targets differ: the embedded reference server \(A\.json\) vs http:\/\/y \(B\.json\)/);
  t.match(mismatches[1], /^tool versions differ/);
  t.match(mismatches[2], /^spec hashes differ/);
});

t.test('shards run against the embedded server are one target whatever its ports; its fault is part of it', async (t) => {
  const embedded = (r: RunResult, port: number, fault?: string): RunResult => ({ ...r, info: { ...r.info, target: { baseUrl: `http://127.0.0.1:${port}`, embedded: true }, options: fault ? { fault } : {} } });
  const a = embedded(run('a', [kase('a.one', 'passed')]), 41001);
  const b = embedded(run('b', [kase('b.one', 'passed')]), 41002);
  t.same(mergeConcerns([a, b]).mismatches, [], 'two ports of the embedded server: nothing to say');
  const faulty = embedded(run('c', [kase('c.one', 'failed')]), 41003, 'list-500');
  t.match(mergeConcerns([a, faulty], ['A.json', 'C.json']).mismatches, [/^targets differ: the embedded reference server \(A\.json\) vs the embedded reference server with --fault list-500 \(C\.json\)/]);
  const real = { ...a, info: { ...a.info, target: { baseUrl: 'http://127.0.0.1:41001', embedded: false } } };
  t.equal(mergeConcerns([a, real]).mismatches.length, 1, 'a real target on the same address is another target');
});

t.test('issue 13: a merge keeps an interrupted shard interrupted', async (t) => {
  const cut = run('c', [kase('a.one', 'passed'), { ...kase('a.two', 'skipped', [], 'not run: interrupted'), notRun: 'interrupted' }]);
  const merged = mergeRuns([cut, run('d', [kase('b.one', 'passed')])]);
  t.equal(merged.summary.interrupted, 'signal');
  t.equal(merged.summary.exitCode, 130);
  t.equal(merged.summary.notRun, 1);
});
