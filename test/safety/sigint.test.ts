import t from 'tap';
import { CLI } from '../cli/helpers.ts';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReferenceServer } from '../../src/server/index.ts';
import { readLedgers } from '../../src/runner/ledger.ts';
import type { RunResult } from '../../src/results/model.ts';
import { leftBy, untouchable, within } from './helpers.ts';

/**
 * Issue 6 (d): SIGINT at a random point of a real CLI run against a reference
 * server with seeded apps. The process exits 130 (0/1 if it finished first)
 * within a few seconds, cleans up what it created (its ledger shows it), writes
 * results.json, and never touches the seeded apps.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = 3;
const EXIT_AFTER_SIGINT_MS = 8000;

for (let round = 1; round <= ROUNDS; round++) {
  const delay = 100 + Math.floor(Math.random() * 1400);
  t.test(`round ${round}: SIGINT ${delay} ms after the run's first request`, async (t) => {
    const server = await startReferenceServer({ port: 0, seedApps: 3 });
    t.teardown(() => server.close());
    const { a, b } = server.fixtures;
    const before = untouchable(server);
    const out = t.testdir();
    const child = spawn(process.execPath, [
      ...CLI, 'run',
      '--base-url', server.url,
      '--token', a.token,
      '--token-b', b.token,
      '--tnlease', a.tnleases[0]!, '--tnlease', a.tnleases[1]!,
      '--outbound-voice-profile', a.outboundVoiceProfile,
      '--call-uuid', a.calls[0]!,
      '--expired-token', a.expiredToken,
      '--reporter', 'json',
      '--out', out,
    ], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let done = false;
    void exited.then(() => { done = true; });

    // Start the clock at the first request: the signal handlers are installed by then (before the preflight).
    await within(30_000, (async () => { while (server.requestLog.length === 0 && !done) await new Promise((r) => setTimeout(r, 10)); })(), 'first request');
    await new Promise((r) => setTimeout(r, delay));
    const finishedFirst = done;
    const signalledAt = performance.now();
    if (!finishedFirst) child.kill('SIGINT');
    const { code, signal } = await within(EXIT_AFTER_SIGINT_MS + 30_000, exited, 'child exit');
    const exitMs = performance.now() - signalledAt;
    t.comment(`requests before exit: ${server.requestLog.length}; exit ${code ?? signal} after ${Math.round(exitMs)} ms; finished first: ${finishedFirst}`);

    t.equal(signal, null, 'exited by itself, not killed by the signal');
    // A signal can also land after the run's work is done, while the process exits: then it changes nothing.
    const lateSignal = !finishedFirst && code !== 130 && !/SIGINT: finishing/.test(stderr);
    if (finishedFirst || lateSignal) t.ok(code === 0 || code === 1, `finished before the signal took effect: exit ${code}`);
    else {
      t.equal(code, 130, 'exit code 130');
      t.ok(exitMs < EXIT_AFTER_SIGINT_MS, `exited ${Math.round(exitMs)} ms after SIGINT`);
      t.match(stderr, /SIGINT: finishing cases in flight, cleaning up/, 'says what it is doing');
    }
    t.notMatch(stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
    t.notOk(stderr.includes('internal error'), 'no internal error');

    t.ok(existsSync(join(out, 'results.json')), 'results.json written');
    const result = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunResult;
    const runId = result.info.runId;
    t.equal(untouchable(server), before, 'seeded apps and lease records unchanged byte for byte');
    t.same(leftBy(server, runId), [], `no app named ${runId}-… left`);
    // Issue 13: a ledger whose every entry was removed is deleted; one is kept only while cleanup has work left.
    // (No ledger folder at all when the run's ledger was its only one and ended clean.)
    const ledgers = existsSync(join(out, 'ledger')) ? readdirSync(join(out, 'ledger')) : [];
    t.ok(ledgers.length === 0 || (ledgers.length === 1 && ledgers[0] === `${runId}.jsonl`), `no ledger but this run's: ${ledgers.join(', ')}`);
    const ledger = readLedgers(join(out, 'ledger'), runId);
    t.same(ledger.filter((e) => e.uuid && !e.removed).map((e) => `${e.name} (${e.uuid})`), [], 'the ledger shows every app it created removed');
    const cleanup = result.cases.find((c) => c.id === 'cleanup.run-resources');
    t.ok(cleanup && cleanup.status !== 'error', `cleanup case: ${cleanup?.status} ${cleanup?.reason ?? ''}`);
    if (lateSignal) t.notOk(result.cases.some((c) => c.notRun === 'interrupted'), 'a late signal interrupted nothing');
    if (!finishedFirst && !lateSignal) {
      t.ok(result.cases.some((c) => c.notRun === 'interrupted') || result.cases.every((c) => c.status !== 'skipped' || /needs /.test(c.reason ?? '')), 'cases not started are reported as interrupted');
    }
    t.notOk(stdout.includes(a.token) || stderr.includes(a.token), 'no token on the console');
  });
}
