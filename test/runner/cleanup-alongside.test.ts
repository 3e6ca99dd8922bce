import t from 'tap';
import { runConformance } from '../../src/index.ts';
import { executeRun } from '../../src/runner/run.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/runner/options.ts';
import type { CaseDefinition } from '../../src/runner/case.ts';
import { withTarget } from '../../src/session/target.ts';
import { readLedgers } from '../../src/runner/ledger.ts';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

/**
 * Issue 11: the cleanup overlaps the run's tail. What a finished case created is
 * removed while other cases still run, but never an app the ledger shows holding a
 * lease (another case may be using that lease now), and nothing while an exclusive
 * case has the account to itself. Whatever remains goes at the end, as before.
 */

const at = (iso: string | undefined) => Date.parse(iso ?? '');

t.test('apps are removed alongside the run; leases and exclusive cases wait', async (t) => {
  const out = t.testdir();
  const result = await runConformance({ suite: ['create', 'tnlease-assign', 'list'], reporter: [], out, seed: 1 });
  t.equal(result.summary.exitCode, 0, 'the run passes');
  const cleanup = result.cases.find((c) => c.id === 'cleanup.run-resources')!;
  t.equal(cleanup.status, 'passed');
  t.match(cleanup.reason, /removed \d+ app\(s\) the run created \(\d+ of them while the run went on\)/);

  const exclusive = result.cases.find((c) => c.id === 'list.contains-created')!;
  t.equal(exclusive.status, 'passed');
  const parallelCases = result.cases.filter((c) => c !== cleanup && c !== exclusive);
  const lastParallelRequest = Math.max(...parallelCases.flatMap((c) => c.exchanges.map((e) => at(e.startedAt))));
  const removals = cleanup.exchanges.filter((e) => (e.purpose ?? '').startsWith('remove '));
  t.ok(removals.some((e) => at(e.startedAt) <= lastParallelRequest), 'some apps went while cases were still sending');

  // The exclusive case looks at the account alone: no removal starts between its create and its list
  // (times are whole milliseconds: the final cleanup may start in the millisecond its last answer came).
  const exStart = Math.min(...exclusive.exchanges.map((e) => at(e.startedAt)));
  const exLast = Math.max(...exclusive.exchanges.map((e) => at(e.startedAt)));
  t.ok(exLast > exStart || exclusive.exchanges.length > 1, 'the exclusive case sent more than one request');
  t.same(cleanup.exchanges.filter((e) => at(e.startedAt) > exStart && at(e.startedAt) <= exLast).map((e) => e.purpose), [], 'nothing removed during the exclusive case');

  const ledgerDir = join(out, 'ledger');
  t.same(existsSync(ledgerDir) ? readLedgers(ledgerDir).filter((e) => !e.removed) : [], [], 'nothing left behind');
});

t.test('an app holding a lease is released and removed only after every case', async (t) => {
  const out = t.testdir();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const base = { suite: 'probe', operation: 'workflow' as const, tags: [], checks: [], sideEffects: 'writes' as const };
  const cases: CaseDefinition[] = [
    // Leaves its app holding the lease it was lent: the ledger says so.
    { ...base, id: 'probe.holder', title: 'keeps a lease', lock: 'tnleases', needs: ['tnlease'], async run(ctx) {
      const { uuid } = await ctx.createApp('create the holder');
      await ctx.call('AssignTNLeasesToSIPControlApp', { uuid, body: { add: [ctx.env.fixtures.tnleases[0]] }, purpose: 'assign the lease' });
    } },
    { ...base, id: 'probe.plain', title: 'an app, nothing else', async run(ctx) { await ctx.createApp('create a plain app'); } },
    // Still running long after the others ended; its own app is created last of all.
    { ...base, id: 'probe.slow', title: 'keeps the run going', async run(ctx) {
      await sleep(400);
      await ctx.call('ListSIPControlApps', { purpose: 'a last request' });
      await ctx.createApp('create an app at the very end');
    } },
    // Needs the account to itself: what the ledger says is outstanding must not change while it runs.
    { ...base, id: 'probe.alone', title: 'looks alone', exclusive: true, async run(ctx) {
      const outstanding = () => ctx.env.ledger.outstanding().map((e) => e.key).sort();
      const before = outstanding();
      await ctx.call('ListSIPControlApps', { purpose: 'look at the account' });
      await ctx.call('ListSIPControlApps', { purpose: 'look again' });
      seenAlone.push(before, outstanding());
    } },
  ];
  const seenAlone: string[][] = [];
  // Answers take 40 ms: a removal still in flight when the exclusive case starts would land during it.
  const options = { ...DEFAULT_RUN_OPTIONS, reporter: [], out, seed: 1, latency: 40 };
  const { result } = await withTarget(options, (target) => executeRun(options, { cases, reporters: { onEnd: () => [] }, target }));
  const cleanup = result.cases.find((c) => c.id === 'cleanup.run-resources')!;
  const slow = result.cases.find((c) => c.id === 'probe.slow')!;
  const slowLast = at(slow.exchanges.at(-1)!.startedAt);
  const named = (re: RegExp) => cleanup.exchanges.filter((e) => re.test(e.purpose ?? ''));
  const [plainRemoval] = named(/^remove .*/).filter((e) => at(e.startedAt) < slowLast);
  t.ok(plainRemoval, 'the plain app went while the slow case still ran');
  const release = named(/^release leases the run assigned/);
  t.equal(release.length, 1, "the holder's lease is released by the cleanup");
  t.ok(at(release[0]!.startedAt) >= slowLast, 'but only after the last case');
  t.equal(cleanup.status, 'passed');
  t.match(cleanup.reason, /removed 3 app\(s\) the run created \(2 of them while the run went on\)/);
  t.equal(seenAlone.length, 2);
  t.same(seenAlone[1], seenAlone[0], 'no removal finished while the exclusive case ran (drained before it)');
});
