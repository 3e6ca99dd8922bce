/**
 * Bench: `compare` against one `run` of the same selection, seed and budget, the embedded
 * server on every side (compare: a candidate and two reference runs, side by side, each on
 * a server of its own). Goal (issue 24): compare costs at most 3.2× one run. Measured with
 * answers at once (CPU-bound: three runs share the cores) and with 20 ms answers (a network).
 * Run: npx tsx bench/compare.ts [runs=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConformanceSuite } from '../src/session/run.ts';
import { compareTargets } from '../src/session/compare.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../src/runner/options.ts';

const runs = Number(process.argv[2] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(work: (out: string) => Promise<unknown>): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-bench-'));
  try {
    const started = performance.now();
    await work(out);
    return performance.now() - started;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function line(label: string, extra: Partial<RunOptions>) {
  const base = { ...DEFAULT_RUN_OPTIONS, reporter: [] as string[], seed: 1, ...extra };
  const one: number[] = [];
  const cmp: number[] = [];
  // Alternated, so a busy moment of a shared machine falls on both.
  for (let i = 0; i < runs; i++) {
    one.push(await timed((out) => runConformanceSuite({ ...base, out })));
    // The candidate carries the latency too: all three sides answer alike.
    cmp.push(await timed((out) => compareTargets({ ...base, out, reference: { url: 'embedded', tnlease: [] }, failOn: 'unexplained' })));
  }
  const [a, b] = [median(one), median(cmp)];
  console.log(`${label.padEnd(24)} run ${(a / 1000).toFixed(2)} s · compare ${(b / 1000).toFixed(2)} s · ${(b / a).toFixed(2)}× (goal ≤ 3.2×)`);
}

await timed((out) => runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: [], seed: 1, out })); // warm-up
await line('answers at once', {});
await line('20 ms answers', { latency: 20 });
