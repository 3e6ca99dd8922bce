import t, { type Test } from 'tap';
import { spawn } from 'node:child_process';
import { CLI } from '../cli/helpers.ts';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReferenceServer } from '../../src/server/index.ts';
import { leftBy, untouchable, within } from './helpers.ts';

/**
 * Issue 6: a run aborted without its own cleanup (a second SIGINT) leaves its
 * apps and its ledger; `cleanup --run ID` removes them — by ledger, and by the
 * run's prefix when the ledger is gone — and touches nothing else.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function abortedRun(t: Test, server: Awaited<ReturnType<typeof startReferenceServer>>, out: string): Promise<string> {
  const child = spawn(process.execPath, [...CLI, 'run', '--base-url', server.url, '--token', server.fixtures.a.token, '--reporter', 'json', '--out', out, '--concurrency', '2'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Wait until the run has created something, then abort twice: no cleanup.
  await within(30_000, (async () => { while (server.requestLog.filter((r) => r.method === 'POST' && r.status < 300).length < 3) await new Promise((r) => setTimeout(r, 10)); })(), 'first creates');
  child.kill('SIGINT');
  // The second signal only once the first was handled: two signals sent while the child is not scheduled coalesce into one.
  await within(15_000, (async () => { while (!stderr.includes('finishing cases in flight')) await new Promise((r) => setTimeout(r, 5)); })(), 'first signal handled');
  child.kill('SIGINT');
  t.equal(await within(15_000, exited, 'exit'), 130, 'the second signal aborts at once');
  const ledgers = readdirSync(join(out, 'ledger'));
  t.equal(ledgers.length, 1, 'the aborted run left its ledger');
  const runId = ledgers[0]!.replace(/\.jsonl$/, '');
  // Issue 13: the advice is the full command, run id and all (a bare `cleanup` fails: it needs --base-url).
  t.ok(stderr.includes(`sipapp-conformance cleanup --base-url ${server.url} --out ${out} --run ${runId}`), `full cleanup command in: ${stderr}`);
  return runId;
}

/** Async on purpose: the reference server lives in this process and must keep answering. */
function cleanup(server: Awaited<ReturnType<typeof startReferenceServer>>, out: string, ...extra: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, 'cleanup', '--base-url', server.url, '--out', out, ...extra],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SIPAPP_TOKEN: server.fixtures.a.token } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

for (const ledgerLost of [false, true]) {
  t.test(`cleanup --run removes what an aborted run left${ledgerLost ? ', by prefix when its ledger is lost' : ', by its ledger'}`, async (t) => {
    // Every answer takes 150 ms, so the second signal always lands while requests are in flight.
    const server = await startReferenceServer({ port: 0, seedApps: 3, latencyMs: 150 });
    t.teardown(() => server.close());
    const before = untouchable(server);
    const out = t.testdir();
    const runId = await abortedRun(t, server, out);
    t.ok(leftBy(server, runId).length > 0, 'the aborted run left apps behind');
    if (ledgerLost) rmSync(join(out, 'ledger', `${runId}.jsonl`));
    const res = await cleanup(server, out, '--run', runId);
    t.equal(res.status, 0, `cleanup exits 0: ${res.stdout}${res.stderr}`);
    t.match(res.stdout, new RegExp(`${runId}: ✓`));
    t.same(leftBy(server, runId), [], 'nothing of the run is left');
    t.equal(untouchable(server), before, 'apps the run did not create are unchanged');
    const again = await cleanup(server, out, '--run', runId);
    t.equal(again.status, 0, 'a second cleanup has nothing to do and still succeeds');
  });
}

t.test('cleanup refuses a --run that is not a run id (a loose prefix could match what the run did not create)', async (t) => {
  const server = await startReferenceServer({ port: 0, seedApps: 1 });
  t.teardown(() => server.close());
  const before = untouchable(server);
  const res = await cleanup(server, t.testdir(), '--run', 'sct');
  t.equal(res.status, 2);
  t.match(res.stderr, /--run must be a run id/);
  t.equal(res.stderr.trim().split('\n').length, 1, 'one line');
  t.equal(untouchable(server), before);
});
