import t, { type Test } from 'tap';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { startReferenceServer, type RunningReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../../src/runner/options.ts';
import { REPORTER_NAMES } from '../../reporters/names.ts';
import { filesUnder, grepFiles, listen, referenceRunOptions, secretsIn, tokenParts } from './helpers.ts';

/**
 * Issue 6: no token (nor its signature) reaches any report, the ledger or the
 * console — also when the server echoes the X-Auth-Token header back in every
 * answer's body and headers.
 */

const ALL_REPORTERS = [...REPORTER_NAMES];

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d) => { text += d; });
  return { stream, text: () => text };
}

function secretsOf(server: RunningReferenceServer): Record<string, string> {
  const { a, b } = server.fixtures;
  return { ...tokenParts('token A', a.token), ...tokenParts('token B', b.token), ...tokenParts('expired token', a.expiredToken) };
}

async function runAndGrep(t: Test, options: RunOptions, secrets: Record<string, string>) {
  const console = capture();
  const { result, files } = await runConformanceSuite({ ...options, reporter: ALL_REPORTERS, color: false }, { stream: console.stream });
  const all = filesUnder(options.out);
  t.ok(files.length >= 4, `reports written: ${files.length}`);
  // A clean run deletes its ledger (issue 13); one with leftovers keeps it, and then it is grepped too.
  const cleanedUp = result.cases.find((c) => c.id === 'cleanup.run-resources')?.status !== 'error';
  t.ok(all.some((f) => f.includes('/ledger/')) || cleanedUp, 'the ledger is among the files grepped, or was removed after a clean cleanup');
  t.ok(console.text().length > 200, 'console output captured');
  t.same(grepFiles(options.out, secrets), [], `no secret in any of ${all.length} files under the out dir`);
  t.same(secretsIn(console.text(), secrets), [], 'no secret on the console');
  return { result, console: console.text() };
}

t.test('a full run with every reporter and explicit tokens leaks no token or signature', async (t) => {
  const server = await startReferenceServer({ port: 0, seedApps: 1 });
  t.teardown(() => server.close());
  const { result } = await runAndGrep(t, referenceRunOptions(server, t.testdir()), secretsOf(server));
  t.equal(result.summary.exitCode, 0, 'the run passes (the reports hold every exchange)');
  t.ok(result.cases.some((c) => c.exchanges.some((e) => e.request.headers['x-auth-token'] === '$SIPAPP_TOKEN_B')), 'token B was used and shows as its placeholder');
});

/** A proxy that forwards to `target` and echoes the request's X-Auth-Token in every answer's body and headers. */
async function echoingProxy(target: string) {
  const upstream = new URL(target);
  return listen((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const token = String(req.headers['x-auth-token'] ?? '');
      const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (up) => {
        const body: Buffer[] = [];
        up.on('data', (c: Buffer) => body.push(c));
        up.on('end', () => {
          let text = Buffer.concat(body).toString('utf8');
          try {
            const json = JSON.parse(text) as Record<string, unknown>;
            json.echoed_token = token;
            json.message = `${String(json.message ?? '')} (you sent X-Auth-Token: ${token})`;
            if (json.payload && typeof json.payload === 'object' && !Array.isArray(json.payload)) (json.payload as Record<string, unknown>).seen_token = token;
            text = JSON.stringify(json);
          } catch {
            text = `${text}\nX-Auth-Token: ${token}`;
          }
          const headers = { ...up.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          res.writeHead(up.statusCode ?? 502, { ...headers, 'x-auth-token': token, 'x-echo': `token=${token}`, 'set-cookie': `session=${token}; Path=/` });
          res.end(text);
        });
      });
      forward.on('error', () => { res.writeHead(502).end(); });
      forward.end(Buffer.concat(chunks));
    });
  });
}

t.test('a server that echoes X-Auth-Token in every body and header: still no token in any report', async (t) => {
  const server = await startReferenceServer({ port: 0, seedApps: 1 });
  t.teardown(() => server.close());
  const proxy = await echoingProxy(server.url);
  t.teardown(() => proxy.close());
  const options = { ...referenceRunOptions(server, t.testdir()), baseUrl: proxy.url };
  const { result } = await runAndGrep(t, options, secretsOf(server));
  // The echo really reached the reports (else this test proves nothing).
  const excerpts = result.cases.flatMap((c) => c.exchanges.map((e) => e.response?.bodyExcerpt ?? '')).join('\n');
  t.match(excerpts, /"echoed_token":"\$SIPAPP_TOKEN"/, 'echoes of token A are in the reports, redacted');
  t.match(excerpts, /"echoed_token":"\$SIPAPP_TOKEN_B"/, 'echoes of token B are in the reports, redacted');
  t.match(excerpts, /"echoed_token":"<redacted-jwt>"/, 'echoes of forged tokens are redacted too');
});

t.test('an opaque (non-JWT) token echoed back by the server: neither it nor a near-copy reaches a report', async (t) => {
  const TOKEN = 'opaque-api-key-0123456789abcdefXYZ';
  let requests = 0;
  const echo = await listen((req, res) => {
    req.resume();
    const token = String(req.headers['x-auth-token'] ?? '');
    // The preflight's request with the token is answered (a refused token stops the run before any report: issue 13).
    if (requests++ === 0) {
      res.writeHead(200, { 'content-type': 'application/json', 'x-echo': token }).end(JSON.stringify({ success: true, payload: [], echoed: token }));
      return;
    }
    res.writeHead(401, { 'content-type': 'application/json', 'x-echo': token });
    res.end(JSON.stringify({ success: false, status: 401, message: `token ${token} is not valid` }));
  });
  t.teardown(() => echo.close());
  const out = t.testdir();
  const options: RunOptions = { ...DEFAULT_RUN_OPTIONS, baseUrl: echo.url, token: TOKEN, reporter: ALL_REPORTERS, out, timeout: 2000 };
  const secrets = { token: TOKEN, 'token less its last character': TOKEN.slice(0, -1) };
  const console = capture();
  await runConformanceSuite({ ...options, color: false }, { stream: console.stream });
  const hits = grepFiles(out, secrets);
  t.same(secretsIn(console.text(), secrets), [], 'not on the console');
  t.same(hits, [], 'in no report');
  if (hits.length) t.comment(`leaks: ${hits.slice(0, 3).join('; ')}${hits.length > 3 ? ` and ${hits.length - 3} more` : ''}`);
  t.ok(readFileSync(filesUnder(out).find((f) => f.endsWith('results.json'))!, 'utf8').includes('$SIPAPP_TOKEN'), 'the exact token is replaced by its placeholder');
});

t.test('a token the preflight sees refused: the one-line usage error does not hold it either', async (t) => {
  const TOKEN = 'opaque-api-key-0123456789abcdefXYZ';
  const echo = await listen((req, res) => {
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ success: false, status: 401, message: `token ${String(req.headers['x-auth-token'] ?? '')} is not valid` }));
  });
  t.teardown(() => echo.close());
  const error = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, baseUrl: echo.url, token: TOKEN, reporter: ['json'], out: t.testdir(), timeout: 2000 }).then(() => undefined, (e: unknown) => e as Error);
  t.match(error?.message, /^the token was refused: .* answered 401 \(token \$SIPAPP_TOKEN is not valid\)/);
  t.notMatch(error?.message, TOKEN.slice(0, -1));
});
