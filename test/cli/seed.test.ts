import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { DEFAULT_BUDGET, DEFAULT_SEED, describeBudget } from '../../src/runner/budget.ts';

// `--seed random` three ways (flag, SIPAPP_SEED, config file): it draws a seed and says which; without
// it the run uses the documented fixed seed (issue 21.3). The list suite only: the seed is resolved
// and recorded whatever runs.
const generation = (out: string) => (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { info: { generation: { seed: number; random?: boolean } } }).info.generation;
const args = (out: string) => ['run', '--suite', 'list', '--reporter', 'json', '--out', out];

t.test('no --seed: the fixed default, nothing announced', async (t) => {
  const out = t.testdir();
  const r = await runCli(args(out));
  t.equal(r.code, 0, r.err);
  t.same(generation(out), { seed: DEFAULT_SEED, budget: describeBudget(DEFAULT_BUDGET) });
  t.notMatch(r.err, /drew/);
});

t.test('--seed random from the flag, the environment or the config file: drawn and announced', async (t) => {
  const dir = t.testdir({ 'conf.yaml': 'seed: random\n' });
  const ways: Array<[string, string[], Record<string, string>]> = [
    ['flag', ['--seed', 'random'], {}],
    ['SIPAPP_SEED', [], { SIPAPP_SEED: 'random' }],
    ['config file', ['--config', join(dir, 'conf.yaml')], {}],
  ];
  for (const [way, extra, env] of ways) {
    const out = join(dir, way.replace(/\W/g, '-'));
    const r = await runCli([...args(out), ...extra], env);
    t.equal(r.code, 0, `${way}: ${r.err}`);
    const drawn = generation(out);
    t.equal(drawn.random, true, `${way}: the bundle says it was drawn`);
    t.match(r.err, `--seed random drew ${drawn.seed} (this run again: --seed ${drawn.seed})`, `${way}: announced`);
  }
});

t.test('a bad --seed: one line naming the range and the word random', async (t) => {
  const r = await runCli(['run', '--seed', 'abc']);
  t.equal(r.code, 2);
  t.equal(r.err.trim(), 'sipapp-conformance: --seed must be an integer from -2147483648 to 2147483647, or random, got "abc"');
});
