import t, { type Test } from 'tap';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, type HttpClientOptions, type HttpFailure, type HttpReply } from '../../src/runner/http.ts';

/** A throwaway server on 127.0.0.1:0, closed (with every connection) when the test ends. */
async function serve(t: Test, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => { hits++; handler(req, res); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, hits: () => hits };
}

function client(t: Test, options: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 1024 * 1024, retries: 0, ...options });
  t.teardown(() => c.close());
  return c;
}

function isFailure(t: Test, outcome: HttpReply | HttpFailure): outcome is HttpFailure {
  return t.equal(outcome.kind, 'transport-error', `a transport error: ${JSON.stringify(outcome).slice(0, 200)}`);
}


t.test('an ordinary answer: status, lower-case headers, text', async (t) => {
  const { url } = await serve(t, (req, res) => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('X-Multi', ['a', 'b']);
    res.end(JSON.stringify({ method: req.method, token: req.headers['x-auth-token'] }));
  });
  const reply = await client(t).send({ method: 'POST', url: `${url}/rest/sip/app`, headers: { 'x-auth-token': 'tok' }, body: '{}' });
  t.match(reply, { kind: 'response', status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'x-multi': 'a, b' } });
  t.same(JSON.parse((reply as HttpReply).text), { method: 'POST', token: 'tok' });
  t.type(reply.durationMs, 'number');
});

t.test('a server that never answers: timeout within the deadline', async (t) => {
  const pending: ServerResponse[] = [];
  const { url } = await serve(t, (_req, res) => { pending.push(res); });
  const started = performance.now();
  const outcome = await client(t, { timeoutMs: 400, retries: 3 }).send({ method: 'GET', url, headers: {} });
  const took = performance.now() - started;
  if (isFailure(t, outcome)) {
    t.equal(outcome.errorKind, 'timeout');
    t.match(outcome.message, /400 ms/);
  }
  t.ok(took >= 350, `waited for the timeout (${Math.round(took)} ms)`);
  t.ok(took < 400 + 1000, `gave up within the timeout + margin (${Math.round(took)} ms); timeouts are not retried`);
  t.equal(pending.length, 1, 'a timeout is not retried');
});

t.test('a server that resets the connection: connection error; idempotent requests retried', async (t) => {
  const { url, hits } = await serve(t, (req) => { req.socket.resetAndDestroy(); });
  const get = await client(t, { retries: 2 }).send({ method: 'GET', url, headers: {} });
  if (isFailure(t, get)) {
    t.equal(get.errorKind, 'connection');
    t.match(get.message, /^connection failed \(/);
  }
  t.equal(hits(), 3, 'GET: one try and two retries');
  const post = await client(t, { retries: 2 }).send({ method: 'POST', url, headers: {}, body: '{}' });
  if (isFailure(t, post)) {
    t.equal(post.errorKind, 'connection');
    t.equal(post.beforeAnswer, true, 'no answer byte arrived');
  }
  t.equal(hits(), 4, 'POST is not sent again unless the caller says it may be');
});

t.test('sent again after a connection failure before any answer: counted, bounded, with the lost attempts on the answer', async (t) => {
  let n = 0;
  // The first two attempts are reset (the server may have handled them), the third is answered.
  const { url, hits } = await serve(t, (req, res) => {
    if (++n % 3 !== 0) { req.socket.resetAndDestroy(); return; }
    res.setHeader('content-type', 'application/json');
    res.end('{"success":true}');
  });
  const http = client(t, { retries: 3 });
  const reply = await http.send({ method: 'POST', url, headers: {}, body: '{}', resend: true });
  t.match(reply, { kind: 'response', status: 200, lostAnswers: 2 });
  t.equal(hits(), 3);
  t.same(http.resent, { requests: 1, attempts: 2, gaveUp: 0, reconciled: 0 });
  const deleted = await http.send({ method: 'DELETE', url, headers: {} });
  t.match(deleted, { kind: 'response', lostAnswers: 2 }, 'DELETE is sent again by default');
  const once = await client(t, { retries: 1 }).send({ method: 'POST', url, headers: {}, body: '{}', resend: true });
  if (isFailure(t, once)) t.equal(once.attempts, 2, 'bounded: --retries 1 is two attempts, then the failure');
});

t.test('an answer cut off after its head: GET is sent again, a change is not (the server answered it)', async (t) => {
  const { url, hits } = await serve(t, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"success":');
    setTimeout(() => req.socket.resetAndDestroy(), 20);
  });
  const patch = await client(t, { retries: 2 }).send({ method: 'PATCH', url, headers: {}, body: '{}', resend: true });
  if (isFailure(t, patch)) {
    t.equal(patch.errorKind, 'connection');
    t.notOk(patch.beforeAnswer, 'the answer had begun');
  }
  t.equal(hits(), 1, 'PATCH: one attempt');
  await client(t, { retries: 2 }).send({ method: 'GET', url, headers: {} });
  t.equal(hits(), 4, 'GET: one try and two retries');
});

t.test('nothing listening: connection error', async (t) => {
  const { url, server } = await serve(t, () => undefined);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const outcome = await client(t).send({ method: 'GET', url, headers: {} });
  if (isFailure(t, outcome)) {
    t.equal(outcome.errorKind, 'connection');
    t.match(outcome.message, /ECONNREFUSED/);
  }
});

/** Streams `total` bytes of spaces with backpressure, stopping as soon as the client hangs up. */
function streamSpaces(res: ServerResponse, total: number, counter: { sent: number }, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (counter.sent < total && !res.destroyed) {
      counter.sent += chunk.length;
      if (!res.write(chunk)) { res.once('drain', pump); return; }
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

const HUNDRED_MB = 100 * 1024 * 1024;

for (const declared of [false, true]) {
  t.test(`a 100 MB body (${declared ? 'Content-Length' : 'chunked'}): too-large at the 1 MB cap, without reading it all`, async (t) => {
    const counter = { sent: 0 };
    const { url } = await serve(t, (_req, res) => streamSpaces(res, HUNDRED_MB, counter, declared ? { 'content-length': String(HUNDRED_MB) } : {}));
    const started = performance.now();
    const outcome = await client(t, { maxBodyBytes: 1024 * 1024, timeoutMs: 10_000 }).send({ method: 'GET', url, headers: {} });
    if (isFailure(t, outcome)) {
      t.equal(outcome.errorKind, 'too-large');
      t.match(outcome.message, /larger than 1048576 bytes/);
    }
    t.ok(counter.sent < 50 * 1024 * 1024, `the server was cut off early (${Math.round(counter.sent / 1024 / 1024)} MB written)`);
    t.ok(performance.now() - started < 5000, 'promptly');
  });
}

t.test('a body just under the cap is read whole', async (t) => {
  const counter = { sent: 0 };
  const { url } = await serve(t, (_req, res) => streamSpaces(res, 512 * 1024, counter));
  const reply = await client(t, { maxBodyBytes: 1024 * 1024 }).send({ method: 'GET', url, headers: {} });
  t.match(reply, { kind: 'response', status: 200 });
  t.equal((reply as HttpReply).text.length, 512 * 1024);
});

t.test('a body dripped one byte per 100 ms: timeout on the total, not the idle gap', async (t) => {
  const timers = new Set<NodeJS.Timeout>();
  t.teardown(() => timers.forEach(clearInterval));
  const { url } = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => { if (!res.destroyed) res.write(' '); }, 100);
    timers.add(timer);
    res.on('close', () => clearInterval(timer));
  });
  const started = performance.now();
  const outcome = await client(t, { timeoutMs: 500 }).send({ method: 'GET', url, headers: {} });
  const took = performance.now() - started;
  if (isFailure(t, outcome)) t.equal(outcome.errorKind, 'timeout');
  t.ok(took < 500 + 1000, `gave up within the timeout + margin (${Math.round(took)} ms)`);
});

t.test('a 302 to another host is returned, not followed', async (t) => {
  const other = await serve(t, (_req, res) => { res.end('{"leaked":true}'); });
  const { url } = await serve(t, (_req, res) => {
    res.writeHead(302, { location: `${other.url.replace('127.0.0.1', 'localhost')}/steal` });
    res.end();
  });
  const reply = await client(t).send({ method: 'GET', url: `${url}/rest/sip/app`, headers: { 'x-auth-token': 'secret-token' } });
  t.match(reply, { kind: 'response', status: 302, headers: { location: /\/steal$/ } });
  t.equal(other.hits(), 0, 'the other host saw nothing (the token did not travel)');
});
