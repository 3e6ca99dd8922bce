import t from 'tap';
import { READINGS, READING_PREFIX } from '../../src/server/index.ts';
import type { CheckName } from '../../src/checks/catalogue.ts';
import { mapPool } from '../../src/runner/pool.ts';
import { runSuite, describeFailures, GENERATED_ONLY, GENERATED_SEEDS } from './kill-matrix.ts';

// No false alarms from generation: the generated suite alone against every errata reading, at
// several seeds (default), and at one seed under --strict where the errata pin nothing.

// Dozens of suite runs: more than the default per-file timeout on a loaded 2-core machine.
t.setTimeout(20 * 60_000);


t.test('every reading passes the generated suite at several seeds (no false alarms)', async (t) => {
  const jobs = READINGS.flatMap((r) => GENERATED_SEEDS.map((seed) => ({ r, seed, strict: false })).concat(r.strictFails ? [] : [{ r, seed: GENERATED_SEEDS[0], strict: true }]));
  const runs = await mapPool(jobs, 2, async (job) => ({ ...job, result: await runSuite({ ...GENERATED_ONLY, fault: `${READING_PREFIX}${job.r.name}`, seed: job.seed, strict: job.strict }) }));
  for (const { r, seed, strict, result } of runs) {
    t.equal(result.summary.exitCode, 0, `${r.name} seed ${seed}${strict ? ' --strict' : ''}: ${describeFailures(result)}`);
    const warned = new Set(result.cases.flatMap((c) => c.checks.filter((o) => o.status === 'warning').map((o) => o.check as CheckName)));
    t.same([...warned].filter((c) => !(r.warns ?? []).includes(c)), [], `${r.name} seed ${seed}: warnings only where the errata call the difference advisory`);
  }
});

