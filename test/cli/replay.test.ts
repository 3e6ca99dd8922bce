import t from 'tap';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runConformanceSuite } from '../../src/session/run.ts';
import { replayFailures } from '../../src/session/replay.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/runner/options.ts';
import { readResultsBundle } from '../../reporters/json.ts';

const BIN = new URL('../../bin/sipapp-conformance.js', import.meta.url).pathname;
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

// Issue 22.3: a replay uses what shaped the bundle's run (its fault, seed, budget, strictness, …)
// unless told otherwise; before, a bundle of `run --fault name-counts-bytes` replayed as "4/4 fixed".
t.test('replay: the bundle\'s fault, seed and budget unless overridden; FIXED once the fault is gone', async (t) => {
  const out = t.testdir();
  const first = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, fault: 'name-counts-bytes', reporter: ['json'], out, suite: ['create', 'modify'], seed: 5, budget: { requests: 90 }, strict: true });
  t.equal(first.result.summary.exitCode, 1, 'the faulty server fails the run');
  const bundle = readResultsBundle(join(out, 'results.json'));
  t.match(bundle.info, { options: { fault: 'name-counts-bytes', strict: true, suite: ['create', 'modify'] }, generation: { seed: 5, budget: '90 requests' } }, 'the bundle carries what shaped the run');
  const failedIds = bundle.cases.filter((c) => c.status === 'failed').map((c) => c.id);
  t.ok(failedIds.length >= 2);

  const still = await replayFailures(bundle, { ...DEFAULT_RUN_OPTIONS, reporter: [], out: join(out, 'r1') });
  t.ok(still.rows.every((r) => r.verdict === 'STILL FAILING' && /^length-limits: /.test(r.detail ?? '')), 'the bundle\'s fault still fails them, naming the check');
  t.equal(still.exitCode, 1);
  t.equal(still.used, '--fault name-counts-bytes --seed 5 --budget 90 --strict (from the bundle)', 'it says what it used');
  t.match(still.run!.info, { options: { fault: 'name-counts-bytes', strict: true }, generation: { seed: 5, budget: '90 requests' } }, 'and used it');
  t.same(still.run!.cases.filter((c) => c.suite !== 'cleanup').map((c) => c.id), failedIds, 'only the failed cases are re-run');

  const fixed = await replayFailures(bundle, { ...DEFAULT_RUN_OPTIONS, reporter: [], out: join(out, 'r2') }, {}, new Set(['fault', 'strict']));
  t.same(fixed.rows.map((r) => [r.id, r.verdict]), failedIds.map((id) => [id, 'FIXED']), 'the conforming server fixes every failed case');
  t.equal(fixed.exitCode, 0);
  t.equal(fixed.used, '--seed 5 --budget 90 (from the bundle); --fault none --no-strict (given)');

  // The command: what it used first, one line per case, exit 0 only if all are fixed.
  const bad = cli('replay', join(out, 'results.json'), '--out', join(out, 'r3'));
  t.equal(bad.status, 1, bad.stderr);
  t.match(bad.stdout, /^replaying the failed cases of .* with --fault name-counts-bytes --seed 5 --budget 90 --strict \(from the bundle\)$/m);
  t.match(bad.stdout, /^STILL FAILING  /m);
  const ok = cli('replay', join(out, 'results.json'), '--fault', 'none', '--budget', '40', '--out', join(out, 'r4'));
  t.equal(ok.status, 0, ok.stderr);
  t.match(ok.stdout, /with --seed 5 --strict \(from the bundle\); --fault none --budget 40 \(given\)/);
  t.match(ok.stdout, new RegExp(`^FIXED  ${failedIds[0]!.replace('.', '\\.')}  `, 'm'));
  t.match(ok.stdout, `${failedIds.length}/${failedIds.length} fixed`);
});

t.test('replay: usage mistakes are one line, exit 2', async (t) => {
  const dir = t.testdir({ 'not.json': 'nope', 'passing.json': '' });
  const r = cli('replay', join(dir, 'not.json'));
  t.equal(r.status, 2);
  t.equal(r.stderr.trim().split('\n').length, 1);
  const out = join(dir, 'pass');
  await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: ['json'], out, suite: ['list'] });
  const none = cli('replay', join(out, 'results.json'));
  t.equal(none.status, 2);
  t.match(none.stderr, /nothing to replay/);
});
