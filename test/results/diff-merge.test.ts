import t from 'tap';
import type { CaseResult, CheckOutcome, RunResult } from '../../src/results/model.ts';
import { diffRuns, formatDiff } from '../../src/results/diff.ts';
import { mergeRuns } from '../../src/results/merge.ts';
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
