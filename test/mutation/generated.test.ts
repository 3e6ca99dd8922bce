import t from 'tap';
import { FAULTS, READING_PREFIX } from '../../src/server/index.ts';
import { mapPool } from '../../src/runner/pool.ts';
import { failedChecks, killFault, runSuite, describeFailures, GENERATED_ONLY, GENERATED_SEEDS } from './kill-matrix.ts';

// The generated suite is proven on its generator, not on one lucky seed: it passes the conforming
// server and every errata reading at several seeds (no false alarms), and catches every fault only
// generation finds at several seeds (the kill matrix itself uses one fixed seed).

// Dozens of suite runs: more than the default per-file timeout on a loaded 2-core machine.
t.setTimeout(20 * 60_000);


t.test('the conforming reference server passes at several seeds, default and --strict', async (t) => {
  const runs = await mapPool(GENERATED_SEEDS.flatMap((seed) => [false, true].map((strict) => ({ seed, strict }))), 2, async ({ seed, strict }) =>
    ({ seed, strict, result: await runSuite({ ...GENERATED_ONLY, seed, strict }) }));
  for (const { seed, strict, result } of runs) {
    t.equal(result.summary.exitCode, 0, `seed ${seed}${strict ? ' --strict' : ''}: ${describeFailures(result)}`);
    t.equal(result.summary.skipped, 0, 'every generated case ran');
    t.match(String(result.info.generation?.seed), String(seed), 'the seed is in the results');
  }
});

t.test('E76: --strict pins code points, and the generated suite is what finds it', async (t) => {
  for (const seed of GENERATED_SEEDS) {
    const result = await runSuite({ ...GENERATED_ONLY, fault: `${READING_PREFIX}limits-count-utf16`, seed, strict: true });
    t.ok(failedChecks(result).includes('length-limits'), `seed ${seed}: length-limits fails under --strict`);
  }
});

// Generation is probabilistic: a sequence fault needs the right few steps among random ones. The claim
// is a rate, not a certainty: at the nightly budget each fault is caught at three seeds of four or more.
const FAULT_SEEDS = [1, 2, 3, 4];

t.test('faults only generation finds are caught at most seeds', async (t) => {
  const faults = FAULTS.filter((f) => f.generatedOnly);
  const rows = await mapPool(faults.flatMap((f) => FAULT_SEEDS.map((seed) => ({ f, seed }))), 2, async ({ f, seed }) =>
    ({ f, seed, row: await killFault(f, { ...GENERATED_ONLY, seed, budget: { requests: 400 } }) }));
  for (const f of faults) {
    const mine = rows.filter((r) => r.f === f);
    const killed = mine.filter((r) => r.row.killed).map((r) => r.seed);
    t.ok(killed.length >= 3, `${f.name}: caught at seeds ${killed.join(', ') || 'none'} of ${FAULT_SEEDS.join(', ')}`);
  }
});
