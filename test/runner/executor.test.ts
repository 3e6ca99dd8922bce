import t from 'tap';
import type { CaseDefinition } from '../../src/runner/case.ts';
import type { RunEnvironment } from '../../src/runner/environment.ts';
import { executeCases, leaseDemand } from '../../src/runner/executor.ts';
import { Redactor } from '../../src/runner/redact.ts';

/**
 * Issue 11: the executor's scheduling. Cases that share no fixture run side by
 * side; a case waiting for a fixture holds no slot; the account's leases are a
 * pool (one lease per case, both for a swap), never one lease in two cases at once.
 */

const LEASES = ['lease-1', 'lease-2'];
const env = { redactor: new Redactor(), fixtures: { tnleases: LEASES }, requestCount: 0 } as unknown as RunEnvironment;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Span { id: string; start: number; end: number; leases: string[] }

/** Cases that sleep `ms` and record when they ran and which leases they saw; each counts one request. */
function recorder() {
  const spans: Span[] = [];
  const t0 = performance.now();
  const make = (id: string, extra: Partial<CaseDefinition> = {}, ms = 60): CaseDefinition => ({
    id, title: id, suite: 's', operation: 'ListSIPControlApps', tags: [], checks: ['status-code'], sideEffects: 'none', ...extra,
    async run(ctx) {
      const start = performance.now() - t0;
      ctx.env.requestCount++;
      await sleep(ms);
      spans.push({ id, start, end: performance.now() - t0, leases: [...ctx.env.fixtures.tnleases] });
    },
  });
  const overlap = (a: string, b: string) => {
    const x = spans.find((s) => s.id === a)!;
    const y = spans.find((s) => s.id === b)!;
    return x.start < y.end && y.start < x.end;
  };
  return { spans, make, overlap };
}

t.test('lease cases take one lease each from the pool and run side by side', async (t) => {
  const { spans, make, overlap } = recorder();
  const lease: Partial<CaseDefinition> = { lock: 'tnleases', needs: ['tnlease'] };
  const cases = [make('a', lease), make('b', lease), make('c', lease), make('swap', { lock: 'tnleases', needs: ['twoTnleases'] })];
  const before = env.requestCount;
  const results = await executeCases(cases, env, { concurrency: 8 });
  t.same(results.map((r) => r.status), ['passed', 'passed', 'passed', 'passed']);
  t.equal(env.requestCount - before, 4, 'requests are counted into the run environment');
  const seen = (id: string) => spans.find((s) => s.id === id)!.leases;
  t.equal(seen('a').length, 1);
  t.equal(seen('b').length, 1);
  t.not(seen('a')[0], seen('b')[0], 'two cases in flight hold different leases');
  t.ok(overlap('a', 'b'), 'a and b ran at the same time');
  t.same([...seen('swap')].sort(), LEASES, 'the swap holds both leases');
  for (const other of ['a', 'b', 'c']) t.notOk(overlap('swap', other), `the swap never overlaps ${other}`);
  // No lease is ever held by two cases at once.
  for (const x of spans) for (const y of spans) {
    if (x !== y && x.start < y.end && y.start < x.end) t.same(x.leases.filter((l) => y.leases.includes(l)), [], `${x.id}/${y.id} share no lease`);
  }
});

t.test('a case waiting for a lock holds no slot: independent cases go ahead', async (t) => {
  const { make, overlap, spans } = recorder();
  const cases = [make('call-1', { lock: 'call' }, 100), make('call-2', { lock: 'call' }, 100), make('free', {}, 30)];
  await executeCases(cases, env, { concurrency: 2 });
  t.notOk(overlap('call-1', 'call-2'), 'cases on one call never overlap');
  t.ok(overlap('call-1', 'free'), 'the independent case did not wait behind call-2');
  t.ok(spans.find((s) => s.id === 'free')!.end < spans.find((s) => s.id === 'call-2')!.start, 'and finished before call-2 could start');
});

t.test('concurrency bounds the cases in flight; results keep definition order', async (t) => {
  const { make, spans } = recorder();
  const cases = Array.from({ length: 6 }, (_, i) => make(`c${i}`, {}, 40));
  const results = await executeCases(cases, env, { concurrency: 3 });
  t.same(results.map((r) => r.id), cases.map((c) => c.id));
  const maxInFlight = Math.max(...spans.map((s) => spans.filter((o) => o.start <= s.start && s.start < o.end).length));
  t.equal(maxInFlight, 3, 'never more than 3 at once, and 3 reached');
});

t.test('leaseDemand', async (t) => {
  const c = (extra: Partial<CaseDefinition>) => ({ id: 'x', lock: 'tnleases', ...extra }) as CaseDefinition;
  t.equal(leaseDemand(c({ needs: ['tnlease'] }), 2), 1);
  t.equal(leaseDemand(c({ needs: ['twoTnleases'] }), 2), 2);
  t.equal(leaseDemand(c({}), 3), 3, 'a lease case that names no need holds the whole pool');
  t.equal(leaseDemand(c({ lock: 'call' }), 2), 0);
});

t.test('startFirst cases start before all others; definition order otherwise', async (t) => {
  const { make, spans } = recorder();
  const first: Partial<CaseDefinition> = { startFirst: true };
  const cases = [make('a', {}, 5), make('long-1', first, 5), make('b', {}, 5), make('long-2', first, 5), make('c', {}, 5)];
  const results = await executeCases(cases, env, { concurrency: 1 });
  const started = [...spans].sort((x, y) => x.start - y.start).map((s) => s.id);
  t.same(started, ['long-1', 'long-2', 'a', 'b', 'c'], 'startFirst cases in definition order, then the rest in definition order');
  t.same(results.map((r) => r.id), cases.map((c) => c.id), 'results still come back in definition order');
});

t.test('startFirst cases still wait for their fixtures, and do not let later cases overtake on them', async (t) => {
  const { make, spans } = recorder();
  const cases = [make('call-a', { lock: 'call' }, 20), make('call-long', { lock: 'call', startFirst: true }, 20), make('free', {}, 20)];
  await executeCases(cases, env, { concurrency: 1 });
  t.same([...spans].sort((x, y) => x.start - y.start).map((s) => s.id), ['call-long', 'call-a', 'free']);
});

t.test("leaseShare 'one': one lease of the pool, none when the pool is empty (the case still runs)", async (t) => {
  const c = (extra: Partial<CaseDefinition>) => ({ id: 'x', lock: 'tnleases', ...extra }) as CaseDefinition;
  t.equal(leaseDemand(c({ leaseShare: 'one' }), 2), 1);
  t.equal(leaseDemand(c({ leaseShare: 'one' }), 0), 0);
  t.equal(leaseDemand(c({ leaseShare: 'all' }), 2), 2);
  t.equal(leaseDemand(c({ leaseShare: 'all' }), 0), 0);
  t.equal(leaseDemand(c({ leaseShare: 'one', needs: ['twoTnleases'] }), 2), 2, 'a named need wins over leaseShare');
  t.equal(leaseDemand(c({ leaseShare: 2 }), 5), 2, 'a number of leases');
  t.equal(leaseDemand(c({ leaseShare: 2 }), 1), 1, 'as many as there are, when fewer');
  t.equal(leaseDemand({ id: 'x', leaseShare: 'one' } as CaseDefinition, 2), 0, 'no lease lock, no lease');

  // A pool of two: two 'one' cases run side by side on different leases; an 'all' case holds both, alone.
  const { make, spans, overlap } = recorder();
  const one: Partial<CaseDefinition> = { lock: 'tnleases', leaseShare: 'one' };
  const cases = [make('one-1', one), make('one-2', one), make('all', { lock: 'tnleases', leaseShare: 'all' })];
  const results = await executeCases(cases, env, { concurrency: 8 });
  t.same(results.map((r) => r.status), ['passed', 'passed', 'passed']);
  const seen = (id: string) => spans.find((s) => s.id === id)!.leases;
  t.equal(seen('one-1').length, 1, 'one-1 holds one lease');
  t.equal(seen('one-2').length, 1, 'one-2 holds one lease');
  t.not(seen('one-1')[0], seen('one-2')[0]);
  t.ok(overlap('one-1', 'one-2'), 'the two ran at the same time');
  t.same([...seen('all')].sort(), LEASES, "the 'all' case holds the whole pool");
  t.notOk(overlap('all', 'one-1') || overlap('all', 'one-2'), "the 'all' case overlaps neither");

  // No leases lent: the case runs, seeing none.
  const empty = { ...env, fixtures: { tnleases: [] } } as unknown as RunEnvironment;
  const alone = recorder();
  const [r] = await executeCases([alone.make('one-empty', one, 5)], empty, { concurrency: 2 });
  t.equal(r!.status, 'passed', 'ran with an empty pool');
  t.same(alone.spans.find((s) => s.id === 'one-empty')!.leases, [], 'and saw no lease');
});
