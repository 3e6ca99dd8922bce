/**
 * Bench: a full conformance run against the embedded reference server, and
 * against the same server adding 20 ms to every answer (concurrency should
 * keep the second near the critical path, not the sum of all requests).
 * Run: npx tsx bench/full-run.ts [runs=5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConformanceSuite } from '../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS } from '../src/runner/options.ts';

const runs = Number(process.argv[2] ?? 5);

async function once(latency: number) {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-bench-'));
  try {
    const started = performance.now();
    const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: ['json', 'junit'], out, latency: latency || undefined });
    const ms = performance.now() - started;
    const checks = result.cases.reduce((n, c) => n + c.checks.length, 0);
    return { ms, checks, requests: result.summary.requests, cases: result.summary.total, exit: result.summary.exitCode };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await once(0); // warm-up: module loading, JIT, the XSD worker
for (const latency of [0, 20]) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once(latency));
  const s = samples[0];
  const sumOfLatency = (s.requests * latency) / 1000;
  console.log(
    `full run, server latency ${String(latency).padStart(2)} ms: median ${(median(samples.map((x) => x.ms)) / 1000).toFixed(2)} s over ${runs} runs` +
      ` · ${s.cases} cases, ${s.checks} check outcomes, ${s.requests} requests, exit ${s.exit}` +
      (latency ? ` · serial sum of added latency would be ${sumOfLatency.toFixed(1)} s` : ''),
  );
}
