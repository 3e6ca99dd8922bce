/**
 * Bench: start-up of the installed CLI (the compiled bin), whole processes:
 * --version, --help, list, and how soon `run` sends its first request to a
 * loopback server. Budgets (issue 11): --version and --help ≤ 0.15 s, list ≤ 0.3 s,
 * first request ≤ 0.3 s after start.
 * Run: npm run build && node --import tsx bench/startup.ts [runs=7]
 */
import { createServer, connect, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '../src/server/index.ts';
import { BIN, machineNote, median, requireBuild, seconds, timeNode } from './process.ts';

requireBuild();
console.log(machineNote());
const runs = Number(process.argv[2] ?? 7);

async function row(label: string, args: string[], budgetMs?: number) {
  await timeNode(args); // warm the file cache
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await timeNode(args));
  if (samples.some((s) => s.code !== 0)) throw new Error(`${args.join(' ')}: exit ${samples.find((s) => s.code !== 0)!.code}`);
  const rss = median(samples.map((s) => s.rssKb ?? 0));
  const cpu = median(samples.map((s) => s.cpuMs ?? 0));
  console.log(`${label}: median ${seconds(median(samples.map((s) => s.ms)))} wall${cpu ? `, ${seconds(cpu)} CPU` : ''}${rss ? `, peak RSS ${(rss / 1024).toFixed(0)} MB` : ''}${budgetMs ? ` (budget ${seconds(budgetMs)})` : ''}`);
}

await row('node -e 0 (Node alone)', ['-e', '0']);
await row('sipapp-conformance --version', [BIN, '--version'], 150);
await row('sipapp-conformance --help', [BIN, '--help'], 150);
await row('sipapp-conformance list', [BIN, 'list'], 300);

// First request: a TCP relay in front of the server notes when the first connection arrives.
const server = await startReferenceServer({ port: 0 });
const target = new URL(server.url);
let firstAt: number | undefined;
const relay = createServer((socket) => {
  firstAt ??= performance.now();
  const upstream = connect(Number(target.port), target.hostname);
  socket.pipe(upstream).pipe(socket);
  socket.on('error', () => upstream.destroy());
  upstream.on('error', () => socket.destroy());
});
await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
const firsts: number[] = [];
for (let i = 0; i <= runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-bench-'));
  firstAt = undefined;
  let spawnedAt = 0;
  const r = await timeNode([BIN, 'run', '--base-url', relayUrl, '--suite', 'list', '--reporter', 'json', '--out', out], { SIPAPP_TOKEN: server.fixtures.a.token }, () => { spawnedAt = performance.now(); });
  rmSync(out, { recursive: true, force: true });
  if (r.code !== 0) throw new Error(`run exited ${r.code}: ${r.stderr}`);
  if (i > 0 && firstAt !== undefined) firsts.push(firstAt - spawnedAt);
}
console.log(`sipapp-conformance run: first request leaves after median ${seconds(median(firsts))} (budget ${seconds(300)})`);
relay.close();
await server.close();
