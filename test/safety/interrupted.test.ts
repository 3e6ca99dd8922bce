import t from 'tap';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../src/results/model.ts';
import { within } from './helpers.ts';

/**
 * Issue 13 (1): a run stopped by Ctrl-C must never report PASSED. SIGINT a
 * slowed embedded-server run after a few cases: exit 130, and the console,
 * report.html, results.tap, results.json and junit.xml all say INTERRUPTED and
 * count the cases that never started; the bundle's exit code is the process's.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sipapp-conformance.js');

t.test('SIGINT mid-run: INTERRUPTED in all five reporters and in the bundle', async (t) => {
  const out = t.testdir();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIPAPP_')));
  const child = spawn(process.execPath, [BIN, 'run', '--latency', '25', '--concurrency', '1', '--out', out], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NO_COLOR: '1' },
  });
  t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const started = new Promise<void>((resolve) => child.stdout.on('data', (d) => { stdout += d; if (/\[\s*3\/\d+\]/.test(stdout)) resolve(); }));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await within(60_000, started, 'third case finished');
  child.kill('SIGINT');
  const code = await within(60_000, exited, 'child exit');

  t.equal(code, 130, `exit 130 (stderr: ${stderr.trim()})`);
  t.match(stdout, /^INTERRUPTED {2}\d+ cases: /m, 'console banner says INTERRUPTED');
  t.match(stdout, /interrupted \(Ctrl-C\/SIGTERM\): \d+ cases not run/, 'console counts the cases not run');
  t.notMatch(stdout, /^PASSED/m, 'console never says PASSED');

  const bundle = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunResult;
  t.equal(bundle.summary.exitCode, 130, 'bundle exit code equals the process exit code');
  t.equal(bundle.summary.interrupted, 'signal');
  const notRun = bundle.cases.filter((c) => c.notRun === 'interrupted').length;
  t.ok(notRun > 0, `${notRun} cases marked not run`);
  t.equal(bundle.summary.notRun, notRun, 'summary counts them');

  const html = readFileSync(join(out, 'report.html'), 'utf8');
  t.match(html, /<div class="verdict">INTERRUPTED<\/div>/, 'HTML banner says INTERRUPTED');
  t.notMatch(html, /<div class="verdict">PASSED/);
  const tap = readFileSync(join(out, 'results.tap'), 'utf8');
  t.match(tap, /^# INTERRUPTED: /m, 'TAP summary says INTERRUPTED');
  t.match(tap, /^Bail out! interrupted/m, 'TAP bails out');
  const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
  t.match(junit, /<property name="verdict" value="INTERRUPTED"\/>/, 'JUnit verdict property');
  t.match(junit, /<property name="verdict.exitCode" value="130"\/>/, 'JUnit exit code property');
});
