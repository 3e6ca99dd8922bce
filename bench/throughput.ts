/**
 * Bench (issue 25): throughput and scale of `run` as a whole process (the compiled bin).
 * - loopback: the default run (--seed 7) against a loopback reference server, interleaved with a
 *   bare Node script sending the same number of requests one after another (A/B/A/B…, medians:
 *   a shared machine's load then weighs on both alike);
 * - throttled: the same run through a proxy that lets 25 requests a second through (a fixed
 *   window per second) and answers the rest 429 with Retry-After: 1; with and without RateLimit
 *   headers; the ratio is the run's wall time to requests ÷ 25;
 * - memory: peak RSS of `run --suite generated --seed 7 --budget N` (embedded server) at 100 and
 *   10,000 requests, and wall time per 1,000 requests.
 * Prints a markdown table; --write-readme puts it in README.md between the bench markers.
 * Run: npm run build && node --import tsx bench/throughput.ts [--quick] [--write-readme]
 *   --quick: one loopback pair, one throttled run without headers, 100 and 1,000 requests.
 */
import { createServer, request as httpRequest, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer, type RunningReferenceServer } from '../src/server/index.ts';
import type { RunResult } from '../src/results/model.ts';
import { BIN, ROOT, machineNote, median, requireBuild, seconds, timeNode, BARE_SCRIPT, type Timed } from './process.ts';

const quick = process.argv.includes('--quick');
const writeReadme = process.argv.includes('--write-readme');
const LIMIT = 25;

/** A rate limiter in front of `upstream`: LIMIT requests per calendar second, the rest 429 + Retry-After: 1. */
async function throttlingProxy(upstream: string, headers: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  let window = 0;
  let used = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const second = Math.floor(Date.now() / 1000);
    if (second !== window) { window = second; used = 0; }
    const ok = ++used <= LIMIT;
    const limitHeaders: Record<string, string> = headers ? { 'ratelimit-policy': `"default";q=${LIMIT};w=1`, ratelimit: `"default";r=${Math.max(0, LIMIT - used)};t=1` } : {};
    if (!ok) {
      req.resume();
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1', ...limitHeaders });
      res.end(JSON.stringify({ success: false, message: 'Too many requests, slow down', status: 429 }));
      return;
    }
    const forward = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, { ...up.headers, ...limitHeaders });
      up.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); agent.destroy(); server.close(() => resolve()); }),
  };
}

function runArgs(server: RunningReferenceServer, baseUrl: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const { a, b } = server.fixtures;
  return {
    args: [BIN, 'run', '--base-url', baseUrl, '--tnlease', a.tnleases[0]!, '--tnlease', a.tnleases[1]!, '--outbound-voice-profile', a.outboundVoiceProfile, '--call-uuid', a.calls[0]!, '--seed', '7', '--quiet'],
    env: { SIPAPP_TOKEN: a.token, SIPAPP_TOKEN_B: b.token, SIPAPP_EXPIRED_TOKEN: a.expiredToken },
  };
}

/** Run the bin with --out in a fresh folder; the run's bundle and the process figures. */
async function runOnce(args: string[], env: NodeJS.ProcessEnv): Promise<Timed & { result: RunResult }> {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-bench-'));
  try {
    const r = await timeNode([...args, '--out', out], env);
    if (r.code !== 0) throw new Error(`run exited ${r.code}: ${r.stderr}${r.stdout}`);
    return { ...r, result: JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunResult };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const rows: Array<[string, string, string]> = [];
console.log(machineNote());

// ── loopback: the run and the bare script, interleaved ──────────────────────
{
  const server = await startReferenceServer({ port: 0 });
  const { args, env } = runArgs(server, server.url);
  await runOnce(args, env); // warm the file cache
  const pairs = quick ? 1 : 5;
  const run: Array<Timed & { result: RunResult }> = [];
  const bare: Timed[] = [];
  for (let i = 0; i < pairs; i++) {
    run.push(await runOnce(args, env));
    const requests = run.at(-1)!.result.summary.requests;
    const b = await timeNode(['--input-type=module', '-e', BARE_SCRIPT, server.url, server.fixtures.a.token, String(requests)]);
    if (b.code !== 0) throw new Error(`bare script exited ${b.code}: ${b.stderr}`);
    bare.push(b);
  }
  await server.close();
  const requests = run[0]!.result.summary.requests;
  const wall = median(run.map((r) => r.ms));
  const bareMs = median(bare.map((r) => r.ms));
  const cpu = median(run.map((r) => r.cpuMs ?? 0));
  const bareCpu = median(bare.map((r) => r.cpuMs ?? 0));
  console.log(`loopback: run ${seconds(wall)} (${seconds(cpu)} CPU), bare script ${seconds(bareMs)} (${seconds(bareCpu)} CPU), ${requests} requests, medians of ${pairs} interleaved pairs`);
  rows.push([`loopback: the default run (${requests} requests) ÷ a bare script sending as many`, `${(wall / bareMs).toFixed(2)}× (${seconds(wall)} ÷ ${seconds(bareMs)}; CPU ${seconds(cpu)} ÷ ${seconds(bareCpu)})`, '≤ 1.3×']);
}

// ── throttled: 25 requests a second, 429 + Retry-After: 1 ───────────────────
for (const headers of quick ? [false] : [false, true]) {
  const server = await startReferenceServer({ port: 0 });
  const proxy = await throttlingProxy(server.url, headers);
  const { args, env } = runArgs(server, proxy.url);
  const r = await runOnce(args, env);
  await proxy.close();
  await server.close();
  const { requests, throttling } = r.result.summary;
  const floorMs = (requests / LIMIT) * 1000;
  const paced = throttling?.settledRate !== undefined ? `, settled at ${throttling.settledRate}/s from the ${throttling.rateFrom}` : '';
  const runMs = r.result.summary.durationMs;
  console.log(`throttled ${headers ? 'with' : 'without'} RateLimit headers: ${seconds(r.ms)} wall, ${seconds(runMs)} of run, for ${requests} requests (floor ${seconds(floorMs)}), ${throttling?.answers ?? 0} answers 429${paced}`);
  rows.push([
    `throttled at ${LIMIT}/s, Retry-After: 1, ${headers ? 'with' : 'without'} RateLimit headers: wall ÷ (requests ÷ limit)`,
    `${(r.ms / floorMs).toFixed(2)}× (${seconds(r.ms)} for ${requests} requests; the run itself ${seconds(runMs)}, ${(runMs / floorMs).toFixed(2)}×; ${throttling?.answers ?? 0} × 429${paced})`,
    '≤ 1.2×',
  ]);
}

// ── memory and time per request: the generated suite at two budgets ─────────
{
  const budgets = quick ? [100, 1000] : [100, 10_000];
  const measured = [];
  for (const budget of budgets) {
    const r = await runOnce([BIN, 'run', '--suite', 'generated', '--seed', '7', '--budget', String(budget), '--quiet'], {});
    measured.push({ budget, requests: r.result.summary.requests, rssMb: (r.rssKb ?? 0) / 1024, ms: r.ms });
    console.log(`--suite generated --budget ${budget}: ${r.result.summary.requests} requests, peak RSS ${((r.rssKb ?? 0) / 1024).toFixed(0)} MB, ${seconds(r.ms)}`);
  }
  const [small, large] = measured as [typeof measured[0], typeof measured[0]];
  rows.push([`peak RSS, \`run --suite generated --seed 7 --budget N\`: ${small.requests} → ${large.requests} requests`, `${small.rssMb.toFixed(0)} MB → ${large.rssMb.toFixed(0)} MB (${(large.rssMb / small.rssMb).toFixed(2)}×)`, '≤ 1.2× (item 3, not done)']);
  rows.push([`wall time per 1,000 requests at ${large.requests} requests (embedded server, same process)`, seconds((large.ms / large.requests) * 1000), 'linear']);
}

const table = [
  `Measured by \`npm run bench -- --write-readme\`${quick ? ' (--quick)' : ''}: ${machineNote()}.`,
  '',
  '| what | measured | goal |',
  '|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(`\n${table}`);

if (writeReadme) {
  const path = join(ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const block = /(<!-- bench:throughput:start -->\n)[\s\S]*?(<!-- bench:throughput:end -->)/;
  if (!block.test(readme)) throw new Error('README.md has no <!-- bench:throughput:start/end --> markers');
  writeFileSync(path, readme.replace(block, (_, start: string, end: string) => `${start}${table}\n${end}`));
  console.log('README.md: the throughput table rewritten');
}
