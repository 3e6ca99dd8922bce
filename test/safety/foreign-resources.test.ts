import t, { type Test } from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startReferenceServer, type RunningReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { readLedgers } from '../../src/runner/ledger.ts';
import type { RunOptions } from '../../src/runner/options.ts';
import { failedChecks, leftBy, referenceRunOptions, seededCount, untouchable, within } from './helpers.ts';

/**
 * Issue 6: a run never touches what it did not create. The reference server
 * is seeded with apps of account A (and B) that no run made; whatever the run
 * does — pass, fail midway, read only — they and every lease record stay
 * byte for byte as they were, and the run leaves none of its own apps behind.
 */

const SEED = 3;

async function withReference(t: Test, options: Parameters<typeof startReferenceServer>[0], body: (server: RunningReferenceServer) => Promise<void>) {
  const server = await startReferenceServer({ port: 0, seedApps: SEED, ...options });
  t.teardown(() => server.close());
  await body(server);
}

/** `leftoverTodo`: a known bug makes the run leave an app behind; the assertions stay, marked todo. */
async function runAndCheck(t: Test, server: RunningReferenceServer, extra: Partial<RunOptions>, leftoverTodo?: string) {
  const todo = leftoverTodo ? { todo: leftoverTodo } : {};
  t.equal(seededCount(server), 2 * SEED, 'seeded apps of both accounts are there');
  const before = untouchable(server);
  const logStart = server.requestLog.length;
  const out = t.testdir();
  const { result } = await within(120_000, runConformanceSuite(referenceRunOptions(server, out, extra)), 'runConformanceSuite');
  const runId = result.info.runId;
  t.equal(untouchable(server), before, 'seeded apps and every lease record unchanged byte for byte');
  t.same(leftBy(server, runId), [], `no app named ${runId}-… (or with such a subdomain) left on the server`, todo);
  const ledger = readLedgers(join(out, 'ledger'), runId);
  t.same(ledger.filter((e) => e.uuid && !e.removed).map((e) => `${e.name} (${e.uuid})`), [], 'the ledger shows every app the run created removed');
  // Creates the server refused stay open intents (see the todo below); none of them exists on the server.
  const onServer = new Set((server.snapshot() as { apps: Array<{ name: string }> }).apps.map((a) => a.name));
  t.same(ledger.filter((e) => !e.uuid && onServer.has(e.name)).map((e) => e.name), [], 'no unanswered create left an app behind', todo);
  const seededUuids = new Set((server.snapshot() as { apps: Array<{ uuid: string; seeded?: boolean }> }).apps.filter((a) => a.seeded).map((a) => a.uuid));
  const touched = server.requestLog.slice(logStart).filter((r) => r.method !== 'GET' && [...seededUuids].some((uuid) => r.url.includes(uuid)));
  t.same(touched, [], 'no request other than GET named a seeded app');
  return { result, out, requests: server.requestLog.slice(logStart) };
}

t.test('(a) a normal full run leaves the seeded apps alone', async (t) => {
  await withReference(t, {}, async (server) => {
    const { result } = await runAndCheck(t, server, {});
    t.equal(result.summary.exitCode, 0, 'the run passes');
    t.ok(result.cases.some((c) => c.operation === 'RemoveSIPControlAppByUUID' && c.status === 'passed'), 'remove cases ran');
    t.ok(result.cases.some((c) => c.operation === 'AssignTNLeasesToSIPControlApp' && c.status === 'passed'), 'lease cases ran');
    t.equal(result.cases.at(-1)!.status, 'passed', 'cleanup passed');
  });
});

t.test('(b) a run that fails midway: creates time out (slow-create) yet the server made the apps', async (t) => {
  await withReference(t, { fault: 'slow-create', faultDelayMs: 1500 }, async (server) => {
    const { result } = await runAndCheck(t, server, { timeout: 500 });
    t.equal(result.summary.exitCode, 1, 'the run fails');
    t.ok(failedChecks(result).has('response-time'), 'on response-time');
    t.ok(result.cases.some((c) => c.status === 'error' && /no complete answer within 500 ms/.test(c.reason ?? '')), 'cases stopped midway');
    const left = leftBy(server, result.info.runId);
    // Whatever cleanup did, it must not call the job done while an app of the run is still there.
    t.ok(left.length === 0 || result.cases.at(-1)!.status === 'error', `cleanup does not pass while the run left ${left.join(', ') || 'nothing'}`);
  });
});

t.test('(b) a run that fails midway: list answers 500', async (t) => {
  await withReference(t, { fault: 'list-500' }, async (server) => {
    const { result } = await runAndCheck(t, server, {});
    t.equal(result.summary.exitCode, 1, 'the run fails');
    t.ok(failedChecks(result).has('no-server-error'), 'on no-server-error');
  });
});

t.test('(b) a run that fails midway: removing an app with leases answers 500', async (t) => {
  await withReference(t, { fault: 'remove-with-leases-500' }, async (server) => {
    const { result } = await runAndCheck(t, server, {});
    t.equal(result.summary.exitCode, 1, 'the run fails');
    t.ok(failedChecks(result).has('no-server-error'), 'on no-server-error');
  });
});

t.test('(c) --read-only sends GET requests only and changes nothing', async (t) => {
  await withReference(t, {}, async (server) => {
    const snapshotBefore = JSON.stringify(server.snapshot());
    const { result, requests, out } = await runAndCheck(t, server, { readOnly: true });
    t.ok(requests.length > 5, `${requests.length} requests`);
    t.same(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`), [], 'only GET requests reached the server');
    t.equal(JSON.stringify(server.snapshot()), snapshotBefore, 'the whole server state is unchanged');
    t.equal(result.cases.at(-1)!.status, 'skipped', 'nothing to clean up');
    t.ok(result.cases.some((c) => c.status === 'passed'), 'read-only cases ran');
    t.ok(result.cases.filter((c) => c.status === 'skipped').every((c) => c.id === 'cleanup.run-resources' || /--read-only|needs /.test(c.reason ?? '')), 'skips are read-only skips');
    const ledgerFile = join(out, 'ledger', `${result.info.runId}.jsonl`);
    t.notOk(existsSync(ledgerFile) && readLedgers(join(out, 'ledger')).length > 0, 'the ledger records no intent to create');
  });
});

t.test('the ledger closes the intents of creates cleanup confirmed never happened', async (t) => {
  await withReference(t, {}, async (server) => {
    const out = t.testdir();
    const { result } = await runConformanceSuite(referenceRunOptions(server, out));
    t.equal(result.summary.exitCode, 0);
    t.same(readLedgers(join(out, 'ledger'), result.info.runId).filter((e) => !e.removed).map((e) => e.name), [], 'nothing outstanding');
  });
});
