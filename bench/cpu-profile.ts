/**
 * Bench: where a loopback run spends its CPU. Runs the compiled bin with --cpu-prof against a
 * reference server in this process (so the profile holds the client only), then prints the top
 * functions by self time (the time spent in the function itself, not in what it calls), with
 * their share of the profile. Idle time (waiting on the network) and GC are shown apart.
 * Run: npm run build && node --import tsx bench/cpu-profile.ts [top=15] [profile.cpuprofile]
 *   (with a profile path, only analyses that file)
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startReferenceServer } from '../src/server/index.ts';
import { BIN, ROOT, requireBuild, timeNode } from './process.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface SelfTime { name: string; ms: number; share: number }

const maps = new Map<string, SourceMap | undefined>();

/** `name file:line`, through the bundle's source map to the TypeScript source when there is one. */
function frameName({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']): string {
  if (!url) return functionName;
  const name = functionName || '(anonymous)';
  if (!url.startsWith('file://')) return `${name} ${url}:${lineNumber + 1}`;
  const path = new URL(url).pathname;
  if (!maps.has(path)) maps.set(path, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : undefined);
  const entry = maps.get(path)?.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource) return `${name} ${relative(ROOT, new URL(entry.originalSource, url).pathname).replace(/^(\.\.\/)*(main\/)?node_modules\//, '')}:${(entry.originalLine ?? 0) + 1}`;
  return `${name} ${relative(ROOT, path).replace(/^(\.\.\/)*(main\/)?node_modules\//, '')}:${lineNumber + 1}`;
}

/** Self time per function (name + file:line), heaviest first; samples weighted by their time deltas. */
export function selfTimes(profile: Profile): { total: number; rows: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    const key = frameName(node.callFrame);
    ms.set(key, (ms.get(key) ?? 0) + delta);
    total += delta;
  });
  const rows = [...ms].map(([name, t]) => ({ name, ms: t, share: t / total })).sort((a, b) => b.ms - a.ms);
  return { total, rows };
}

export function formatTop(profile: Profile, top: number): string {
  const { total, rows } = selfTimes(profile);
  const idle = rows.find((r) => r.name === '(idle)')?.ms ?? 0;
  const busy = rows.filter((r) => r.name !== '(idle)');
  const lines = [`profile ${(total / 1000).toFixed(2)} s, of which idle ${(idle / 1000).toFixed(2)} s; top ${top} by self time (share of the busy time):`];
  const busyMs = total - idle;
  for (const r of busy.slice(0, top)) lines.push(`${r.ms.toFixed(0).padStart(6)} ms ${((r.ms / busyMs) * 100).toFixed(1).padStart(5)}%  ${r.name}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const top = Number(process.argv[2] ?? 15);
  const given = process.argv[3];
  if (given) {
    console.log(formatTop(JSON.parse(readFileSync(given, 'utf8')) as Profile, top));
  } else {
    requireBuild();
    const server = await startReferenceServer({ port: 0 });
    const { a } = server.fixtures;
    const dir = mkdtempSync(join(tmpdir(), 'sipapp-prof-'));
    try {
      const r = await timeNode([
        '--cpu-prof', '--cpu-prof-dir', dir, BIN, 'run', '--base-url', server.url, '--tnlease', a.tnleases[0]!, '--tnlease', a.tnleases[1]!,
        '--outbound-voice-profile', a.outboundVoiceProfile, '--call-uuid', a.calls[0]!, '--seed', '7', '--quiet', '--out', join(dir, 'out'),
      ], { SIPAPP_TOKEN: a.token, SIPAPP_TOKEN_B: server.fixtures.b.token, SIPAPP_EXPIRED_TOKEN: a.expiredToken });
      if (r.code !== 0) throw new Error(`run exited ${r.code}: ${r.stderr}${r.stdout}`);
      const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
      console.log(`run: ${(r.ms / 1000).toFixed(2)} s wall, ${((r.cpuMs ?? 0) / 1000).toFixed(2)} s CPU`);
      console.log(formatTop(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, top));
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
