/**
 * Bench: the generated suite alone at three request budgets and one time budget, against the
 * embedded reference server, fixed seed. What it shows: requests grow with --budget (linearly,
 * and never past it by more than shrinking allows), and so does the time. Also the whole default
 * run with and without the generated suite (the price of its default budget in `npm start`).
 * Run: npx tsx bench/generated-budget.ts [runs=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConformanceSuite } from '../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../src/runner/options.ts';
import { SUITE_NAMES } from '../suites/index.ts';

const runs = Number(process.argv[2] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(extra: Partial<RunOptions>) {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-bench-'));
  try {
    const started = performance.now();
    const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: ['json', 'junit'], out, seed: 1, ...extra });
    return { ms: performance.now() - started, requests: result.summary.requests, exit: result.summary.exitCode };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function line(label: string, extra: Partial<RunOptions>) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once(extra));
  console.log(`${label.padEnd(34)} median ${(median(samples.map((s) => s.ms)) / 1000).toFixed(2)} s · ${median(samples.map((s) => s.requests))} requests (incl. cleanup) · exit ${samples[0].exit}`);
}

await once({ suite: ['generated'] }); // warm-up
for (const requests of [150, 600, 2400]) await line(`--suite generated --budget ${requests}`, { suite: ['generated'], budget: { requests } });
await line('--suite generated --budget 5s', { suite: ['generated'], budget: { seconds: 5 } });
await line('whole run, default budget', {});
await line('whole run without the generated suite', { suite: SUITE_NAMES.filter((s) => s !== 'generated') });
