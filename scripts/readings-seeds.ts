/**
 * `npm run readings:seeds [-- --seeds N] [--first-seed S] [--reading NAME …] [--parallel P] [--budget REQUESTS]`:
 * the whole default suite against every reading of the reference server (src/server/readings.ts)
 * at N seeds from S (default 25 seeds from 1; a nightly job may split them into shards), to show the default run raises no false alarm on a conforming
 * server at any seed (issue 21). CPU-heavy: readings × seeds whole-suite runs, P at a time
 * (default 2). Prints one line per reading and every false alarm; exit 1 if there is one.
 */
import { parseArgs } from 'node:util';
import { READINGS, READING_PREFIX } from '../src/server/index.ts';
import { mapPool } from '../src/runner/pool.ts';
import { runSuite } from '../test/mutation/kill-matrix.ts';
import { falseAlarms } from '../test/mutation/reading-runs.ts';

function usage(message: string): never {
  process.stderr.write(`readings-seeds: ${message} (usage: readings-seeds [--seeds N] [--first-seed S] [--reading NAME …] [--parallel P] [--budget REQUESTS])\n`);
  process.exit(2);
}

let values: { seeds?: string; 'first-seed'?: string; reading?: string[]; parallel?: string; budget?: string };
try {
  ({ values } = parseArgs({ options: { seeds: { type: 'string' }, 'first-seed': { type: 'string' }, reading: { type: 'string', multiple: true }, parallel: { type: 'string' }, budget: { type: 'string' } } }));
} catch (error) {
  usage((error as Error).message.split('\n')[0]);
}
const count = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a whole number of at least 1, not ${JSON.stringify(text)}`);
  return n;
};
const first = count('first-seed', values['first-seed'], 1);
const seeds = Array.from({ length: count('seeds', values.seeds, 25) }, (_, i) => first + i);
const parallel = count('parallel', values.parallel, 2);
const budget = values.budget === undefined ? undefined : { requests: count('budget', values.budget, 1) };
const unknown = (values.reading ?? []).filter((name) => !READINGS.some((r) => r.name === name));
if (unknown.length) usage(`unknown reading ${unknown.join(', ')}`);
const readings = values.reading?.length ? READINGS.filter((r) => values.reading!.includes(r.name)) : READINGS;

const started = performance.now();
const jobs = readings.flatMap((reading) => seeds.map((seed) => ({ reading, seed })));
const alarms = new Map<string, string[]>();
let done = 0;
await mapPool(jobs, parallel, async ({ reading, seed }) => {
  // A reading never hangs: a 10 s timeout (not the matrix's 2 s) keeps a loaded machine's slowness from posing as a false alarm.
  const result = await runSuite({ fault: `${READING_PREFIX}${reading.name}`, seed, timeout: 10_000, ...(budget ? { budget } : {}) });
  const problems = falseAlarms(reading, result);
  if (problems.length) alarms.set(reading.name, [...(alarms.get(reading.name) ?? []), `seed ${seed}: ${problems.join(' | ')}`]);
  process.stderr.write(`\r${++done}/${jobs.length} runs`);
});
process.stderr.write('\n');
for (const reading of readings) {
  const mine = alarms.get(reading.name) ?? [];
  process.stdout.write(`${mine.length ? '✗' : '✓'} ${reading.name}: ${seeds.length - mine.length}/${seeds.length} seeds clean\n`);
  for (const line of mine) process.stdout.write(`    ${line}\n`);
}
const clean = readings.filter((r) => !alarms.has(r.name)).length;
process.stdout.write(`${clean}/${readings.length} readings clean at seeds ${first}..${seeds.at(-1)}${budget ? `, budget ${budget.requests} requests` : ', the default budget'}; ${jobs.length} runs in ${((performance.now() - started) / 1000).toFixed(0)}s\n`);
process.exitCode = alarms.size ? 1 : 0;
