import t, { type Test } from 'tap';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { startReferenceServer, type RunningReferenceServer } from '../../src/server/index.ts';
import { createEnvironment, type RunEnvironment } from '../../src/runner/environment.ts';
import { CaseContext } from '../../src/runner/case-context.ts';
import { STATUS } from '../../src/checks/status-code.ts';

// A lost answer, request by request: a proxy in front of the reference server resets the
// connection of the requests a test picks, before forwarding them or after (the change made,
// the answer lost). What the run must do: never two apps from one intent, never a failure.

type Fate = 'pass' | 'before' | 'after';

async function flakyProxy(t: Test, server: RunningReferenceServer, fate: (req: IncomingMessage) => Fate): Promise<string> {
  const upstream = new Agent();
  t.teardown(() => upstream.destroy());
  const proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const what = fate(req);
    if (what === 'before') { req.socket.resetAndDestroy(); return; }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(k))) as Record<string, string>;
    const answer = await request(`${server.url}${req.url}`, { method: req.method as 'GET', headers, body: chunks.length ? Buffer.concat(chunks) : undefined, dispatcher: upstream });
    const text = await answer.body.text();
    if (what === 'after') { req.socket.resetAndDestroy(); return; }
    res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? 'application/json') }).end(text);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => { proxy.closeAllConnections(); proxy.close(() => resolve()); }));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

/** The reference server behind a proxy whose `fate` picks the requests to lose; a case context of a run against it. */
async function setUp(t: Test, fate: (req: IncomingMessage, n: number) => Fate): Promise<{ server: RunningReferenceServer; ctx: CaseContext; env: RunEnvironment }> {
  const server = await startReferenceServer();
  t.teardown(() => server.close());
  const counts = new Map<string, number>();
  const baseUrl = await flakyProxy(t, server, (req) => {
    const key = `${req.method} ${req.url}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return fate(req, counts.get(key)!);
  });
  const { a, b } = server.fixtures;
  const env = await createEnvironment(
    { baseUrl, embedded: false, tokenA: a.token, tokenB: b.token, fixtures: { tnleases: a.tnleases.slice(0, 2) }, close: async () => undefined },
    { runId: 'sct-20260101000000-abcdef', timeoutMs: 5000, maxBodyBytes: 1 << 20, retries: 3 },
  );
  t.teardown(() => env.http.close());
  return { server, ctx: new CaseContext(env), env };
}

const liveNamed = (server: RunningReferenceServer, name: string) =>
  (server.snapshot() as { apps: Array<{ name: string; deleted_on: string | null }> }).apps.filter((a) => a.name === name && a.deleted_on === null).length;

const isCreate = (req: IncomingMessage) => req.method === 'POST' && req.url === '/rest/sip/app';

t.test('a create handled but its answer lost: the app is found by its run name and adopted, not made twice', async (t) => {
  const { server, ctx, env } = await setUp(t, (req, n) => (isCreate(req) && n === 1 ? 'after' : 'pass'));
  const name = env.names.name('adopt');
  const { res, uuid } = await ctx.tryCreate('create', { name, subdomain: env.names.subdomain() });
  t.ok(uuid, 'the case goes on with the app');
  t.equal(liveNamed(server, name), 1, 'one app from one intent');
  t.equal(env.ledger.outstanding()[0]?.uuid, uuid, 'the ledger holds it');
  t.match(res.standIn, /answer was lost/, 'the read-back stands in for the lost answer, and says so');
  t.ok(ctx.expectStatus('status-code', res, STATUS.created), 'not judged as the create answer');
  t.same(env.http.resent.reconciled, 1, 'counted');
});

t.test('a create reset before it was handled: sent again under the same intent', async (t) => {
  const { server, ctx, env } = await setUp(t, (req, n) => (isCreate(req) && n === 1 ? 'before' : 'pass'));
  const name = env.names.name('again');
  const { res, uuid } = await ctx.tryCreate('create', { name, subdomain: env.names.subdomain() });
  t.equal(res.status, 201, "the second create's own answer");
  t.equal(res.standIn, undefined);
  t.equal(liveNamed(server, name), 1, 'one app');
  t.equal(env.ledger.all().length, 1, 'one intent');
  t.equal(env.ledger.all()[0].uuid, uuid);
});

t.test('a remove whose answer was lost: the resend meets 404, which passes and closes the ledger entry', async (t) => {
  const { ctx, env } = await setUp(t, (req, n) => (req.method === 'DELETE' && n === 1 ? 'after' : 'pass'));
  const { uuid } = await ctx.createApp('create');
  const res = await ctx.call('RemoveSIPControlAppByUUID', { uuid, purpose: 'remove' });
  t.equal(res.status, 404);
  t.equal(res.lostAnswers, 1);
  t.notOk(ctx.expectStatus('status-code', res, STATUS.ok), 'nothing of the lost answer to judge further');
  t.same(ctx.outcomes.filter((o) => o.status === 'failed'), [], 'no failure');
  t.equal(env.ledger.outstanding().length, 0, 'the app is gone, and the ledger knows it');
  t.match(ctx.exchanges.at(-1)?.purpose, /sent again after a connection failure before any answer/);
});

t.test("another account's remove resent after a lost answer: its 404 leaves the ledger entry open", async (t) => {
  const { ctx, env } = await setUp(t, (req, n) => (req.method === 'DELETE' && n === 1 ? 'after' : 'pass'));
  const { uuid } = await ctx.createApp('create');
  const res = await ctx.call('RemoveSIPControlAppByUUID', { uuid, as: 'b', purpose: 'B removes it' });
  t.equal(res.status, 404);
  t.equal(env.ledger.outstanding().length, 1, 'still the run\'s to remove');
});

t.test('a short-named create (no room for the run prefix) on a network that lost answers: told apart by a list taken before', async (t) => {
  let gets = 0;
  let creates = 0;
  const { server, ctx, env } = await setUp(t, (req) => {
    if (req.method === 'GET' && ++gets === 1) return 'before'; // the network shows itself: the first GET is reset
    return isCreate(req) && ++creates === 1 ? 'after' : 'pass';
  });
  await ctx.call('ListSIPControlApps', { purpose: 'a first list, reset once' });
  t.equal(env.http.resent.requests, 1);
  const { res, uuid } = await ctx.tryCreate('create', { name: 'ab', subdomain: 'xyz' });
  t.ok(uuid, 'adopted');
  t.match(res.standIn, /answer was lost/);
  t.equal(liveNamed(server, 'ab'), 1, 'one app');
});
