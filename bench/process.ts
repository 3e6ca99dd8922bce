/**
 * Shared by the whole-process benches: the compiled bin, medians, wall time and
 * peak RSS of a child process, and a loopback reference server to point it at.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/sipapp-conformance.js', import.meta.url));

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One request after another, nothing else: the floor for N requests from a fresh Node process (the benches' bare script). */
export const BARE_SCRIPT = `
const [url, token, n] = process.argv.slice(1);
for (let i = 0; i < Number(n); i++) {
  const res = await fetch(url + '/rest/sip/app', { headers: { accept: 'application/json', 'x-auth-token': token } });
  await res.arrayBuffer();
}`;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The machine is shared: say how busy it was, since wall times depend on it (CPU times much less). */
export function machineNote(): string {
  return `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores, Node ${process.version}`;
}

export function requireBuild(): void {
  if (!existsSync(new URL('../dist/cli/bin.js', import.meta.url))) {
    console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does)');
    process.exit(2);
  }
}

export interface Timed { ms: number; code: number | null; rssKb?: number; cpuMs?: number; stdout: string; stderr: string }

/**
 * Run `node args…` to its exit: wall time from spawn to exit, and peak RSS
 * (through GNU time when installed, /usr/bin/time -f %M).
 */
export function timeNode(args: string[], env: NodeJS.ProcessEnv = {}, onSpawn?: () => void): Promise<Timed> {
  const gnuTime = existsSync('/usr/bin/time');
  const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', '@@rss %M %U %S', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const rss = /@@rss (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        ms, code, stdout, stderr: stderr.replace(/@@rss .*\n?/, ''),
        rssKb: rss ? Number(rss[1]) : undefined,
        cpuMs: rss ? (Number(rss[2]) + Number(rss[3])) * 1000 : undefined,
      });
    });
  });
}
