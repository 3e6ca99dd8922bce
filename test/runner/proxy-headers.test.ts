import t from 'tap';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { HttpClient } from '../../src/runner/http.ts';
import { UsageError } from '../../src/runner/options.ts';
import { parseHeaders } from '../../src/runner/dispatcher.ts';
import { headerPlaceholder, Redactor } from '../../src/runner/redact.ts';
import { toCurl } from '../../src/runner/curl.ts';
import { listen } from '../safety/helpers.ts';
import { referenceRunOptions } from '../safety/helpers.ts';

/**
 * Issue 13 (8): HTTP_PROXY/HTTPS_PROXY/NO_PROXY are honoured, and --header adds
 * a header to every request without it reaching any report.
 *
 * The target is given by a name only the test proxy can resolve
 * (sipapp-target.test → 127.0.0.1), so a run that passes reached it through the
 * proxy and nothing else.
 */
const HOST = 'sipapp-target.test';

interface CountingProxy { url: string; tunnels: number; forwarded: number; close(): Promise<void> }

async function countingProxy(): Promise<CountingProxy> {
  const state = { tunnels: 0, forwarded: 0 };
  const resolve = (host: string) => (host === HOST ? '127.0.0.1' : host);
  const server: Server = createServer((req, res) => {
    // A plain forward-proxy request: absolute URI.
    state.forwarded++;
    const target = new URL(req.url!);
    const upstream = httpRequest({ host: resolve(target.hostname), port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode!, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    state.tunnels++;
    const [host, port] = req.url!.split(':');
    const upstream = connect(Number(port), resolve(host!), () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get tunnels() { return state.tunnels; },
    get forwarded() { return state.forwarded; },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  return () => { for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v; };
}

const NO_PROXY_ENV = { HTTP_PROXY: undefined, http_proxy: undefined, HTTPS_PROXY: undefined, https_proxy: undefined, NO_PROXY: undefined, no_proxy: undefined };

t.test('with HTTP_PROXY set, a run reaches the target only through the proxy', async (t) => {
  const server = await startReferenceServer({ port: 0 });
  t.teardown(() => server.close());
  const proxy = await countingProxy();
  t.teardown(() => proxy.close());
  const port = new URL(server.url).port;
  const options = { ...referenceRunOptions(server, t.testdir()), baseUrl: `http://${HOST}:${port}`, suite: ['list', 'get'] };

  const restoreDirect = withEnv(NO_PROXY_ENV);
  const direct = await runConformanceSuite(options).then(() => undefined, (e: unknown) => e);
  restoreDirect();
  t.ok(direct instanceof UsageError && /cannot reach/.test((direct as Error).message), `without the proxy the name does not resolve: ${(direct as Error)?.message}`);

  const before = server.requestLog.length;
  const restore = withEnv({ ...NO_PROXY_ENV, HTTP_PROXY: proxy.url });
  try {
    const { result } = await runConformanceSuite(options);
    t.equal(result.summary.exitCode, 0, 'the run passes through the proxy');
  } finally {
    restore();
  }
  t.ok(proxy.tunnels + proxy.forwarded > 0, `the proxy carried the run (${proxy.tunnels} tunnels, ${proxy.forwarded} forwarded)`);
  t.ok(server.requestLog.length - before > 10, `${server.requestLog.length - before} requests reached the target`);
});

t.test('NO_PROXY names the target: the proxy is bypassed', async (t) => {
  const server = await startReferenceServer({ port: 0 });
  t.teardown(() => server.close());
  const proxy = await countingProxy();
  t.teardown(() => proxy.close());
  const restore = withEnv({ ...NO_PROXY_ENV, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
  try {
    const { result } = await runConformanceSuite({ ...referenceRunOptions(server, t.testdir()), suite: ['list'] });
    t.equal(result.summary.exitCode, 0);
  } finally {
    restore();
  }
  t.equal(proxy.tunnels + proxy.forwarded, 0, 'nothing went through the proxy');
});

t.test('--header is sent on every request, never replaces the suite\'s own, and never reaches a report', async (t) => {
  const seen: Array<Record<string, string | string[] | undefined>> = [];
  const echo = await listen((req, res) => { req.resume(); seen.push(req.headers); res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"payload":[]}'); });
  t.teardown(() => echo.close());
  const http = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 1 << 20, retries: 0, headers: { 'X-Gateway-Key': 'gw-secret-0123456789', 'X-Auth-Token': 'must-not-win' } });
  t.teardown(() => http.close());
  await http.send({ method: 'GET', url: `${echo.url}/rest/sip/app`, headers: { accept: 'application/json', 'x-auth-token': 'the-real-token' } });
  await http.send({ method: 'POST', url: `${echo.url}/rest/sip/app`, headers: { 'content-type': 'application/json' }, body: '{}' });
  t.equal(seen.length, 2);
  t.ok(seen.every((h) => h['x-gateway-key'] === 'gw-secret-0123456789'), 'the header on every request');
  t.equal(seen[0]!['x-auth-token'], 'the-real-token', "the suite's own header wins");

  const server = await startReferenceServer({ port: 0 });
  t.teardown(() => server.close());
  const out = t.testdir();
  const { result } = await runConformanceSuite({ ...referenceRunOptions(server, out, { reporter: ['json', 'junit', 'html', 'tap', 'har'] }), suite: ['list'], headers: { 'X-Gateway-Key': 'gw-secret-0123456789', 'X-Env': 'staging' } });
  t.equal(result.summary.exitCode, 0);
  for (const f of ['results.json', 'junit.xml', 'report.html', 'results.tap', 'run.har']) t.notMatch(readFileSync(join(out, f), 'utf8'), 'gw-secret-0123456789', `${f} does not hold the header value`);
  // Every header sent is in the record and its curl line: the secret one as a shell variable, the plain one as sent.
  const exchanges = result.cases.flatMap((c) => c.exchanges);
  t.ok(exchanges.length > 0);
  t.ok(exchanges.every((e) => e.request.headers['X-Gateway-Key'] === '$SIPAPP_HEADER_X_GATEWAY_KEY' && e.request.headers['X-Env'] === 'staging'), 'recorded with every request');
  t.ok(exchanges.every((e) => e.curl.includes('-H "X-Gateway-Key: $SIPAPP_HEADER_X_GATEWAY_KEY"') && e.curl.includes('-H "X-Env: staging"')), 'curl lines carry them');
});

t.test('which --header values are secret', async (t) => {
  t.equal(headerPlaceholder('X-Gateway-Key', 'abc'), '$SIPAPP_HEADER_X_GATEWAY_KEY', 'by name');
  t.equal(headerPlaceholder('X-Api-Token', 'short'), '$SIPAPP_HEADER_X_API_TOKEN');
  t.equal(headerPlaceholder('Authorization', 'Basic dXNlcjpw'), '$SIPAPP_HEADER_AUTHORIZATION');
  t.equal(headerPlaceholder('X-Tenant', '3f9a0c1e7b2d4a5f8e6c'), '$SIPAPP_HEADER_X_TENANT', 'by shape: a long run of letters and digits');
  t.equal(headerPlaceholder('X-Env', 'staging'), undefined, 'a plain value is shown');
  t.equal(headerPlaceholder('X-Request-Source', 'nightly conformance run'), undefined);
  const redactor = new Redactor().addHeaders({ 'X-Gateway-Key': 'k1', 'X-Env': 'staging' });
  t.same(redactor.headers({ 'x-gateway-key': 'k1', 'X-Env': 'staging' }), { 'x-gateway-key': '$SIPAPP_HEADER_X_GATEWAY_KEY', 'X-Env': 'staging' }, 'a short key is still replaced in its header');
  t.equal(toCurl('GET', 'https://x.test/', { 'X-Gateway-Key': '$SIPAPP_HEADER_X_GATEWAY_KEY', 'X-Odd': 'a$b' }), `curl -sS -X GET 'https://x.test/' \\\n  -H "X-Gateway-Key: $SIPAPP_HEADER_X_GATEWAY_KEY" \\\n  -H "X-Odd: a\\$b"`, 'the placeholder expands, any other $ does not');
});

t.test('--header values are parsed strictly', async (t) => {
  t.same(parseHeaders(['X-Gateway-Key: abc', 'X-Env:staging']), { headers: { 'X-Gateway-Key': 'abc', 'X-Env': 'staging' } });
  t.match(parseHeaders(['no colon here']), { error: /--header must be 'Name: value'/ });
  t.match(parseHeaders(['X-Auth-Token: x']), { error: /set by the suite itself \(give the token with SIPAPP_TOKEN or --token\)/ });
  t.match(parseHeaders(['Bad Name: x']), { error: /--header must be 'Name: value'/ });
});
