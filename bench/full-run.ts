/**
 * Bench: the whole `sipapp-conformance run` process (compiled bin, all five
 * reports) against a loopback reference server given as --base-url, at 0 and
 * 20 ms added to every answer, next to a bare Node script sending the same
 * number of requests one after another. For each: wall time, peak RSS, the
 * sequential sum of the run's request latencies, and the critical path.
 *
 * Critical path (from the run's results.json): the longest chain that must
 * follow one another whatever the concurrency: the preflight, then the
 * longest of (the slowest case; the cases sharing the live call, one after
 * another; the lease cases' lease-seconds spread over the pool of two leases,
 * a case holding both counting twice), then the exclusive cases, then the
 * cleanup. A lower bound: no schedule can beat it.
 * Run: npm run build && node --import tsx bench/full-run.ts [runs=5]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '../src/server/index.ts';
import { ALL_CASES } from '../suites/index.ts';
import { leaseDemand } from '../src/runner/executor.ts';
import type { RunResult } from '../src/results/model.ts';
import { BIN, machineNote, median, requireBuild, seconds, timeNode, BARE_SCRIPT } from './process.ts';

requireBuild();
const runs = Number(process.argv[2] ?? 5);
console.log(machineNote());

function criticalPathMs(result: RunResult, latency: number, pool: number): number {
  const defs = new Map(ALL_CASES.map((c) => [c.id, c]));
  const ran = result.cases.filter((c) => c.status !== 'skipped' && defs.has(c.id));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const cleanup = result.cases.find((c) => c.id.startsWith('cleanup'))?.durationMs ?? 0;
  const parallel = ran.filter((c) => !defs.get(c.id)!.exclusive);
  // Each fixture is a chain of its own: the live call's cases one after another, the leases'
  // lease-seconds spread over the pool (a case holding two leases counts twice).
  const onCall = sum(parallel.filter((c) => defs.get(c.id)!.lock === 'call').map((c) => c.durationMs));
  const onLeases = sum(parallel.map((c) => leaseDemand(defs.get(c.id)!, pool) * c.durationMs)) / pool;
  const longest = Math.max(0, ...parallel.map((c) => c.durationMs));
  const exclusive = sum(ran.filter((c) => defs.get(c.id)!.exclusive).map((c) => c.durationMs));
  const preflight = latency;
  return preflight + Math.max(longest, onCall, onLeases) + exclusive + cleanup;
}

for (const latency of [0, 20]) {
  const server = await startReferenceServer({ port: 0, latencyMs: latency });
  const { a, b } = server.fixtures;
  const env = { SIPAPP_TOKEN: a.token, SIPAPP_TOKEN_B: b.token, SIPAPP_EXPIRED_TOKEN: a.expiredToken };
  const args = [
    BIN, 'run', '--base-url', server.url, '--tnlease', a.tnleases[0]!, '--tnlease', a.tnleases[1]!,
    '--outbound-voice-profile', a.outboundVoiceProfile, '--call-uuid', a.calls[0]!, '--quiet',
  ];
  const cli = [];
  let last: RunResult | undefined;
  for (let i = 0; i <= runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'sipapp-bench-'));
    const r = await timeNode([...args, '--out', out], env);
    if (r.code !== 0) throw new Error(`run exited ${r.code}: ${r.stderr}${r.stdout}`);
    last = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunResult;
    rmSync(out, { recursive: true, force: true });
    if (i > 0) cli.push({ ...r, requests: last.summary.requests, latencySum: last.cases.flatMap((c) => c.exchanges).reduce((s, e) => s + e.durationMs, 0), critical: criticalPathMs(last, latency, 2) });
  }
  const requests = cli[0]!.requests;
  const bare = [];
  for (let i = 0; i <= runs; i++) {
    const r = await timeNode(['--input-type=module', '-e', BARE_SCRIPT, server.url, a.token, String(requests)]);
    if (r.code !== 0) throw new Error(`bare script exited ${r.code}: ${r.stderr}`);
    if (i > 0) bare.push(r.ms);
  }
  await server.close();
  const wall = median(cli.map((r) => r.ms));
  const bareMs = median(bare);
  const critical = median(cli.map((r) => r.critical));
  console.log(`\nserver latency ${latency} ms, ${last!.summary.total} cases, ${requests} requests, medians of ${runs}:`);
  console.log(`  sipapp-conformance run (whole process, every report): ${seconds(wall)} wall, ${seconds(median(cli.map((r) => r.cpuMs ?? 0)))} CPU, peak RSS ${(median(cli.map((r) => r.rssKb ?? 0)) / 1024).toFixed(0)} MB`);
  console.log(`  bare Node script, ${requests} requests one after another: ${seconds(bareMs)} → run/script ${(wall / bareMs).toFixed(2)}×`);
  console.log(`  sequential sum of the run's request latencies: ${seconds(median(cli.map((r) => r.latencySum)))}`);
  console.log(`  critical path: ${seconds(critical)} → run/critical path ${(wall / critical).toFixed(2)}×`);
}
