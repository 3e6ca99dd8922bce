import t from 'tap';
import { faultByName } from '../../src/server/index.ts';
import { mapPool } from '../../src/runner/pool.ts';
import { DEFAULT_BUDGET } from '../../src/runner/budget.ts';
import { MATRIX_OPTIONS, killFault } from './kill-matrix.ts';

// The model-based suite's proof (issue 23): for each dimension the model covers, a fault a real
// backend would ship there, caught at the default budget at the matrix's seed and at five others —
// by coverage, not luck. Only the stateful cases run: their property seeds depend on the run seed
// and the case alone, so they take the same walk and sequences as in a default run.

t.setTimeout(20 * 60_000);

/** The dimension each fault proves, by name. */
export const MODEL_FAULTS: Record<string, string> = {
  'assign-first-add-only': 'several leases in one add',
  'app-tnleases-last-only': 'several leases per app, both lease views',
  'modify-resets-trunk': 'trunk settings kept across partial updates',
  'uppercase-write-lost': 'upper-case uuids on write routes',
  'modify-lost-update': 'two modifications at once',
  'remove-releases-moved-lease': 'removing an app whose lease moved away',
};

const SEEDS = [MATRIX_OPTIONS.seed!, 1, 2, 3, 4, 5];

t.test('every model fault is caught at six seeds of six at the default budget', async (t) => {
  const jobs = Object.keys(MODEL_FAULTS).flatMap((name) => SEEDS.map((seed) => ({ name, seed })));
  const rows = await mapPool(jobs, 2, async ({ name, seed }) => {
    const fault = faultByName(name);
    if (!fault) throw new Error(`no fault ${name}`);
    return { name, seed, row: await killFault(fault, { suite: ['generated'], grep: ['stateful'], seed, budget: DEFAULT_BUDGET }) };
  });
  for (const name of Object.keys(MODEL_FAULTS)) {
    t.equal(faultByName(name)?.generatedOnly, true, `${name}: only the model meets the situation`);
    const missed = rows.filter((r) => r.name === name && !r.row.killed).map((r) => `${r.seed} (failed: ${r.row.caughtBy.join(', ') || 'nothing'})`);
    t.same(missed, [], `${name} (${MODEL_FAULTS[name]}): caught at every seed`);
  }
});
