import t, { type Test } from 'tap';
import { join } from 'node:path';
import { startReferenceServer, type RunningReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { readLedgers } from '../../src/runner/ledger.ts';
import type { RunResult } from '../../src/results/model.ts';
import { ALL_CASES } from '../../suites/index.ts';
import { selectCases } from '../../src/runner/select.ts';
import { leftBy, referenceRunOptions, untouchable } from './helpers.ts';

/**
 * Issue 6: `--shard i/3` for i = 1..3 against the reference server. Together
 * the shards run exactly the unsharded run's cases (no case twice, none
 * missing); every shard passes and cleans up its own resources.
 */

const TOTAL = 3;
const CLEANUP = 'cleanup.run-resources';

const idsOf = (result: RunResult) => result.cases.map((c) => c.id).filter((id) => id !== CLEANUP);

async function shardRun(t: Test, server: RunningReferenceServer, shard?: { index: number; total: number }) {
  const out = t.testdir();
  const { result } = await runConformanceSuite(referenceRunOptions(server, out, { shard }));
  return { result, out };
}

function assertClean(t: Test, server: RunningReferenceServer, label: string, result: RunResult, out: string, verdictTodo?: string) {
  const runId = result.info.runId;
  const todo = verdictTodo ? { todo: verdictTodo } : {};
  t.equal(result.summary.exitCode, 0, `${label} exits 0`, todo);
  t.same(result.cases.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => `${c.id}: ${c.reason ?? c.checks.find((o) => o.status === 'failed')?.message}`), [], `${label}: nothing failed`, todo);
  t.same(leftBy(server, runId), [], `${label}: none of its apps left`);
  t.same(readLedgers(join(out, 'ledger'), runId).filter((e) => e.uuid && !e.removed).map((e) => e.name), [], `${label}: its ledger shows everything it created removed`);
  t.not(result.cases.find((c) => c.id === CLEANUP)?.status, 'error', `${label}: cleanup case not an error`);
}

t.test('three shards, one after another, cover the unsharded run exactly once', async (t) => {
  const server = await startReferenceServer({ port: 0, seedApps: 2 });
  t.teardown(() => server.close());
  const before = untouchable(server);

  const whole = await shardRun(t, server);
  assertClean(t, server, 'unsharded', whole.result, whole.out);
  t.equal(whole.result.info.shard, undefined, 'unsharded: no shard in the run info');
  const all = idsOf(whole.result);
  t.equal(new Set(all).size, all.length, 'the unsharded run has no duplicate ids');

  const seen: string[] = [];
  for (let index = 1; index <= TOTAL; index++) {
    const { result, out } = await shardRun(t, server, { index, total: TOTAL });
    t.same(result.info.shard, { index, total: TOTAL }, `shard ${index}: recorded`);
    assertClean(t, server, `shard ${index}/${TOTAL}`, result, out);
    const ids = idsOf(result);
    t.ok(ids.length > 0, `shard ${index}/${TOTAL} runs ${ids.length} cases`);
    t.equal(result.cases.filter((c) => c.id === CLEANUP).length, 1, `shard ${index}: one cleanup case`);
    seen.push(...ids);
  }
  const counts = new Map<string, number>();
  for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  t.same([...counts].filter(([, n]) => n > 1).map(([id]) => id), [], 'no case id in two shards');
  t.same([...seen].sort(), [...all].sort(), 'the union of the shards is the unsharded run');
  t.equal(untouchable(server), before, 'seeded apps and leases unchanged after all four runs');
});

t.test('three shards at once against one account (a CI matrix) each pass and clean up', async (t) => {
  const server = await startReferenceServer({ port: 0, seedApps: 2 });
  t.teardown(() => server.close());
  const before = untouchable(server);
  const runs = await Promise.all([1, 2, 3].map((index) => shardRun(t, server, { index, total: TOTAL })));
  const locked = new Set(ALL_CASES.filter((c) => c.lock).map((c) => c.id));
  runs.forEach(({ result, out }, i) => {
    assertClean(t, server, `shard ${i + 1}/${TOTAL}`, result, out);
    const bad = result.cases.filter((c) => (c.status === 'failed' || c.status === 'error') && !locked.has(c.id) && c.id !== CLEANUP);
    t.same(bad.map((c) => c.id), [], `shard ${i + 1}/${TOTAL}: nothing failed outside the lock-sharing cases`);
  });
  t.equal(untouchable(server), before, 'seeded apps and leases unchanged');
});

t.test('cases that share a lock (fixtures) land in the same shard, so concurrent shards never share a fixture', async (t) => {
  const groups = new Map<string, Set<number>>();
  for (let index = 1; index <= TOTAL; index++) {
    for (const c of selectCases(ALL_CASES, { shard: { index, total: TOTAL } })) {
      if (c.lock) (groups.get(c.lock) ?? groups.set(c.lock, new Set()).get(c.lock)!).add(index);
    }
  }
  t.ok(groups.size > 0, `lock groups: ${[...groups.keys()].join(', ')}`);
  for (const [lock, shards] of groups) t.equal(shards.size, 1, `lock ${lock} in one shard (found in shards ${[...shards].join(', ')})`);
});
