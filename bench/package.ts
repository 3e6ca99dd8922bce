/**
 * Bench: what a user downloads and installs. `npm pack` (size, file count),
 * then `npm install <tarball>` in an empty folder (packages, node_modules size,
 * EBADENGINE warnings), then the installed bin runs the full suite against the
 * embedded server. Needs the npm registry. Run: node --import tsx bench/package.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, seconds } from './process.ts';

const work = mkdtempSync(join(tmpdir(), 'sipapp-pack-'));
try {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ filename: string; size: number; unpackedSize: number; entryCount: number }>;
  console.log(`tarball ${pack!.filename}: ${(pack!.size / 1024).toFixed(0)} kB, ${pack!.entryCount} files, ${(pack!.unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked`);

  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  const started = performance.now();
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', join(work, pack!.filename)], { cwd: app, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`npm install failed: ${install.stderr}`);
  const installMs = performance.now() - started;
  const modules = join(app, 'node_modules');
  const packages = readdirSync(modules).flatMap((d) => (d.startsWith('@') ? readdirSync(join(modules, d)) : d.startsWith('.') ? [] : [d])).length;
  const du = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : e.isFile() ? statSync(join(dir, e.name)).size : 0), 0);
  const warnings = (install.stderr.match(/EBADENGINE Unsupported engine/g) ?? []).length;
  console.log(`npm install of the tarball in an empty folder: ${seconds(installMs)}, ${packages} top-level packages, node_modules ${(du(modules) / 1024 / 1024).toFixed(0)} MB, ${warnings} EBADENGINE warnings`);

  const run = spawnSync(join(modules, '.bin', 'sipapp-conformance'), ['run', '--quiet'], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  console.log(`installed bin, full run against the embedded server: exit ${run.status}; ${run.stdout.trim().split('\n')[0]}`);
  if (run.status !== 0) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
