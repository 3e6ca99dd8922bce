import t, { type Test } from 'tap';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { FormData } from 'undici';
import { HttpClient, type HttpClientOptions, type HttpReply } from '../../src/runner/http.ts';
import { backoffMs, retryAfterMs } from '../../src/runner/throttle.ts';

// E70: throttling (429/503) is waited out and the request sent again; an early answer is the answer.

async function serve(t: Test, handler: (req: IncomingMessage, res: ServerResponse, hit: number) => void): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => handler(req, res, ++hits));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

function client(t: Test, options: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 1 << 20, retries: 0, ...options });
  t.teardown(() => c.close());
  return c;
}

const json = (res: ServerResponse, status: number, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(status < 300 ? { success: true, payload: {} } : { success: false, message: 'slow down', status }));
};

t.test('Retry-After: delta-seconds, HTTP date, absent or unreadable', async (t) => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  t.equal(retryAfterMs('2', now), 2000);
  t.equal(retryAfterMs(' 0 ', now), 0);
  t.equal(retryAfterMs('Thu, 03 Dec 2026 12:00:03 GMT', now), 3000);
  t.equal(retryAfterMs('Thu, 03 Dec 2026 11:59:00 GMT', now), 0, 'a date already past: no wait');
  t.equal(retryAfterMs(undefined, now), undefined);
  t.equal(retryAfterMs('soon', now), undefined);
  t.equal(retryAfterMs('-1', now), undefined);
  t.equal(backoffMs(undefined, 0), 500, 'without Retry-After: 0.5 s, doubling');
  t.equal(backoffMs(undefined, 2), 2000);
  t.equal(backoffMs(undefined, 10), 8000, 'capped');
  t.equal(backoffMs(0, 0), 100, 'a reached date still pauses briefly');
});

t.test('a 429 with Retry-After is waited out and a POST sent again (it was not processed)', async (t) => {
  const bodies: string[] = [];
  const { url, hits } = await serve(t, (req, res, hit) => {
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => {
      bodies.push(body);
      if (hit <= 2) json(res, 429, { 'retry-after': '1' });
      else json(res, 201);
    });
  });
  const http = client(t);
  const started = Date.now();
  const reply = await http.send({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' });
  const took = Date.now() - started;
  t.match(reply, { kind: 'response', status: 201, throttled: { answers: 2, waitedMs: 2000 } });
  t.equal(hits(), 3, 'sent three times');
  t.same(bodies, ['{"name":"x"}', '{"name":"x"}', '{"name":"x"}'], 'the same body each time');
  t.ok(took >= 1900, `waited as asked (${took} ms)`);
  t.match(http.throttling, { answers: 2, requests: 1, waitedMs: 2000, gaveUp: 0 });
});

t.test('a 503 with an HTTP date, and one without Retry-After, are waited out too; multipart bodies are re-sent', async (t) => {
  const { url } = await serve(t, (req, res, hit) => {
    req.resume();
    req.on('end', () => {
      if (hit === 1) json(res, 503, { 'retry-after': new Date(Date.now() + 1000).toUTCString() });
      else if (hit === 2) json(res, 503);
      else json(res, 200);
    });
  });
  const form = new FormData();
  form.append('file', new Blob(['<Response><Hangup/></Response>'], { type: 'application/xml' }), 'callflow.xml');
  const reply = await client(t).send({ method: 'POST', url, headers: {}, body: form });
  t.match(reply, { kind: 'response', status: 200, throttled: { answers: 2 } });
});

t.test('still throttled at --max-wait: an error that says so, not an answer to judge', async (t) => {
  const { url, hits } = await serve(t, (req, res) => { req.resume(); json(res, 429, { 'retry-after': '1' }); });
  const reply = await client(t, { maxWaitMs: 2500 }).send({ method: 'GET', url, headers: {} });
  t.match(reply, { kind: 'transport-error', errorKind: 'throttled', throttled: { answers: 3, waitedMs: 2000 } });
  t.match((reply as { message: string }).message, /still throttled \(HTTP 429\) after 3 answer\(s\).*--max-wait 3 s|--max-wait 2 s/);
  t.equal(hits(), 3);
});

t.test('a server throttling for good costs one --max-wait, not one per request; an answer resets that', async (t) => {
  let down = true;
  const { url } = await serve(t, (req, res) => { req.resume(); if (down) json(res, 503); else json(res, 200); });
  const http = client(t, { maxWaitMs: 1200 });
  let started = Date.now();
  t.match(await http.send({ method: 'GET', url, headers: {} }), { kind: 'transport-error', errorKind: 'throttled' });
  t.ok(Date.now() - started >= 450, 'the first request waited 0.5 s (another 1 s would pass --max-wait)');
  started = Date.now();
  const second = await http.send({ method: 'POST', url, headers: {}, body: '{}' });
  t.match(second, { kind: 'transport-error', errorKind: 'throttled' });
  t.match((second as { message: string }).message, /already waited --max-wait in vain/);
  t.ok(Date.now() - started < 1000, 'the next one gives up without waiting again');
  down = false;
  await new Promise((r) => setTimeout(r, 600));
  t.match(await http.send({ method: 'GET', url, headers: {} }), { kind: 'response', status: 200 });
  down = true;
  started = Date.now();
  t.match(await http.send({ method: 'GET', url, headers: {} }), { kind: 'transport-error' });
  t.ok(Date.now() - started >= 400, 'after an answer came through, throttling is waited for again');
  t.match(http.throttling, { gaveUp: 3 });
});

t.test('a Retry-After beyond the deadline is not waited for', async (t) => {
  const { url } = await serve(t, (req, res) => { req.resume(); json(res, 429, { 'retry-after': '30' }); });
  const started = Date.now();
  const reply = await client(t).send({ method: 'GET', url, headers: {}, notAfter: Date.now() + 5000 });
  t.match(reply, { kind: 'transport-error', errorKind: 'throttled' });
  t.match((reply as { message: string }).message, /Retry-After asked for 30 s.*run deadline/);
  t.ok(Date.now() - started < 1000, 'gave up at once');
});

t.test('--max-wait 0: a 429 is an answer like any other', async (t) => {
  const { url } = await serve(t, (req, res) => { req.resume(); json(res, 429, { 'retry-after': '1' }); });
  t.match(await client(t, { maxWaitMs: 0 }).send({ method: 'GET', url, headers: {} }), { kind: 'response', status: 429 });
});

t.test('after a throttled answer the other requests pause until the retry time', async (t) => {
  const times: number[] = [];
  const { url } = await serve(t, (req, res, hit) => {
    times.push(Date.now());
    req.resume();
    if (hit === 1) json(res, 429, { 'retry-after': '1' });
    else json(res, 200);
  });
  const http = client(t);
  const first = await http.send({ method: 'GET', url, headers: {} });
  const started = Date.now();
  const second = await http.send({ method: 'GET', url, headers: {} });
  t.match(first, { status: 200 });
  t.match(second, { status: 200 });
  t.ok(Date.now() - started < 1500, 'the pause is over once the retry time passed');
});

/**
 * A server that checks the token before reading the body: it answers 401 with Connection: close
 * as soon as the headers are in and closes the connection, without reading the 64 KiB body.
 */
async function answerBeforeBody(t: Test, close: (socket: Socket) => void): Promise<string> {
  const body = JSON.stringify({ success: false, message: 'Invalid token', status: 401 });
  const answer = `HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: ${body.length}\r\n\r\n${body}`;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.pause(); // the body is never read
      socket.write(answer, () => close(socket));
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/sip/app/call/7f1d9a0c-2b3e-4c5d-8e9f-0a1b2c3d4e5f`;
}

const XML_64K = `<Response>${'<Say>padding</Say>'.repeat(4096)}</Response>`;

for (const [how, close] of [['closes (FIN)', (s: Socket) => s.end()], ['destroys the socket', (s: Socket) => s.destroy()], ['resets (RST)', (s: Socket) => s.resetAndDestroy()]] as const) {
  t.test(`an early 401: the server ${how} without reading a 64 KiB body; the 401 is the result`, async (t) => {
    t.ok(XML_64K.length >= 64 * 1024, `${XML_64K.length} bytes`);
    const url = await answerBeforeBody(t, close);
    const http = client(t);
    for (let i = 0; i < 10; i++) {
      const raw = await http.send({ method: 'POST', url, headers: { 'content-type': 'application/xml', 'x-auth-token': 'garbage' }, body: XML_64K });
      const form = new FormData();
      form.append('file', new Blob([XML_64K], { type: 'application/xml' }), 'callflow.xml');
      const multipart = await http.send({ method: 'POST', url, headers: { 'x-auth-token': 'garbage' }, body: form });
      for (const reply of [raw, multipart]) {
        if (reply.kind !== 'response') { t.fail(`a transport error instead of the 401: ${reply.message}`); return; }
        t.equal((reply as HttpReply).status, 401);
      }
    }
    t.match(JSON.parse((await http.send({ method: 'POST', url, headers: {}, body: XML_64K }) as HttpReply).text), { success: false, status: 401 });
  });
}
