import t from 'tap';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, FAKE_JWT } from '../safety/helpers.ts';
import { runCli, linesOf } from '../cli/helpers.ts';
import { preflight } from '../../src/runner/preflight.ts';
import { HttpClient } from '../../src/runner/http.ts';
import { Redactor } from '../../src/runner/redact.ts';

/**
 * Issue 13 (3): one misconfiguration must give one line and exit 2, not
 * thousands of lines blamed on the API. Each class: exit 2, exactly one stderr
 * line saying what to fix, at most 2 requests sent, nothing on stdout.
 */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const json = (status: number, body: unknown): Handler => (req, res) => { req.resume(); res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)); };

const classes: Array<[string, Handler, (url: string) => string, RegExp]> = [
  ['a base URL that serves HTML', (req, res) => { req.resume(); res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Welcome</body></html>'); }, (u) => u,
    /does not look like the SIP Control App API: GET http:\/\/127\.0\.0\.1:\d+\/rest\/sip\/app answered 200 text\/html, not JSON; check --base-url/],
  ['every path 404 (plain text)', (req, res) => { req.resume(); res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found'); }, (u) => u,
    /does not look like the SIP Control App API: .* answered 404 text\/plain/],
  ['every path 404 (JSON)', json(404, { error: 'no route' }), (u) => u, /answered 404 with and without a token; check --base-url/],
  ['the path given twice', json(200, { success: true, payload: [] }), (u) => `${u}/rest/sip/app`,
    /--base-url ends in \/rest\/sip\/app, which the suite adds itself; give the API root: --base-url http:\/\/127\.0\.0\.1:\d+$/],
  ['a token refused', json(401, { success: false, message: 'jwt expired', status: 401 }), (u) => u,
    /the token was refused: GET .* answered 401 \(jwt expired\); check SIPAPP_TOKEN \/ --token/],
  ['a token refused with 403', json(403, { success: false, message: 'forbidden' }), (u) => u, /the token was refused: .* answered 403/],
  ['a redirect', (req, res) => { req.resume(); res.writeHead(301, { location: 'https://elsewhere.example/rest/sip/app' }).end(); }, (u) => u,
    /answered 301 \(a redirect to https:\/\/elsewhere\.example\/rest\/sip\/app\); redirects are never followed/],
];

for (const [title, handler, baseUrl, what] of classes) {
  t.test(`preflight: ${title}`, async (t) => {
    let requests = 0;
    const server = await listen((req, res) => { requests++; handler(req, res); });
    t.teardown(() => server.close());
    const r = await runCli(['run', '--base-url', baseUrl(server.url), '--reporter', 'json', '--out', t.testdir()], { SIPAPP_TOKEN: FAKE_JWT });
    t.equal(r.code, 2, 'exit 2');
    const lines = linesOf(r.err);
    t.equal(lines.length, 1, `one stderr line: ${r.err}`);
    t.match(lines[0], what);
    t.notMatch(r.err, FAKE_JWT, 'no token');
    t.equal(r.out, '', 'nothing on stdout');
    t.ok(requests <= 2, `${requests} request(s) sent`);
  });
}

t.test('preflight: unreachable', async (t) => {
  const gone = await listen(() => undefined);
  await gone.close();
  const r = await runCli(['run', '--base-url', gone.url, '--reporter', 'json', '--out', t.testdir()], { SIPAPP_TOKEN: FAKE_JWT });
  t.equal(r.code, 2);
  t.equal(linesOf(r.err).length, 1);
  t.match(r.err, /cannot reach http:\/\/127\.0\.0\.1:\d+: connection failed \(ECONNREFUSED\)/);
});

t.test('preflight: a token accepted without auth is a finding, not a stop', async (t) => {
  const server = await listen(json(200, { success: true, payload: [] }));
  t.teardown(() => server.close());
  const http = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 1 << 20, retries: 0 });
  t.teardown(() => http.close());
  const outcome = await preflight(http, server.url, FAKE_JWT, new Redactor());
  t.equal(outcome.requests, 2);
  t.match(outcome.notices, [/notice: GET .*\/rest\/sip\/app without a token answered 200; the auth cases will report it/]);
});

t.test('preflight: what a faulty but real API answers is left to the checks', async (t) => {
  const http = new HttpClient({ timeoutMs: 500, maxBodyBytes: 1 << 20, retries: 0 });
  t.teardown(() => http.close());
  for (const [what, handler] of [
    ['500 JSON', json(500, { success: false, message: 'boom', status: 500 })],
    ['JSON served as text/plain', (req: IncomingMessage, res: ServerResponse) => { req.resume(); res.writeHead(200, { 'content-type': 'text/plain' }).end('{"success":true,"payload":[]}'); }],
    ['no answer', (req: IncomingMessage) => { req.resume(); }],
  ] as Array<[string, Handler]>) {
    const server = await listen(handler);
    const outcome = await preflight(http, server.url, FAKE_JWT, new Redactor()).then((o) => o, (e: Error) => e);
    t.notOk(outcome instanceof Error, `${what}: the run goes on (${outcome instanceof Error ? outcome.message : 'ok'})`);
    await server.close();
  }
});
