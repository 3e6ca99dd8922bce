import t, { type Test } from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runConformanceSuite } from '../../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS, UsageError, type RunOptions } from '../../src/runner/options.ts';
import type { RunResult } from '../../src/results/model.ts';
import { byStatus, crashes, FAKE_JWT, failedChecks, listen, within, type Listener } from './helpers.ts';

/**
 * Issue 6: a full run against servers that answer EVERY request with one
 * hostile behaviour. The run must resolve in bounded time with exit code 1,
 * the affected cases `error` (transport: a message naming the cause) or
 * `failed` (conformance), and nothing may crash or leak the token.
 */

const TIMEOUT = 500;
const DEADLINE = 20;
const MAX_BODY = 1024 * 1024;

function hostileOptions(baseUrl: string, out: string, extra: Partial<RunOptions> = {}): RunOptions {
  return { ...DEFAULT_RUN_OPTIONS, baseUrl, token: FAKE_JWT, reporter: ['json'], out, timeout: TIMEOUT, deadline: DEADLINE, maxBody: MAX_BODY, ...extra };
}

/**
 * The longest a run may take: the preflight (one request, retried on connection
 * failures), cases started until the deadline, the cases still in flight then
 * (each stops at its first transport error, but a conformance failure lets it
 * go on: allow ten requests), the cleanup case (a list and a remove or two), and
 * a few seconds of slack for a loaded CI machine.
 */
function boundMs(o: RunOptions): number {
  const perRequest = o.timeout * (o.retries + 1);
  return perRequest + o.deadline * 1000 + 10 * perRequest + 4 * perRequest + 5000;
}

async function timedRun(t: Test, o: RunOptions) {
  const started = performance.now();
  const outcome = await within(boundMs(o), runConformanceSuite(o), 'runConformanceSuite');
  const ms = performance.now() - started;
  t.ok(ms < boundMs(o), `resolved in ${Math.round(ms)} ms (bound ${boundMs(o)} ms)`);
  t.equal(outcome.result.summary.exitCode, 1, 'exit code 1');
  t.same(crashes(outcome.result), [], 'no case crashed');
  t.ok(existsSync(join(o.out, 'results.json')), 'results.json written');
  t.notOk(readFileSync(join(o.out, 'results.json'), 'utf8').includes(FAKE_JWT.split('.')[2]!), 'the token is not in the report');
  return { ...outcome, ms };
}

/** Every case that ran (not skipped for a missing fixture) ended in one of `statuses`. */
function ranCases(result: RunResult) {
  return result.cases.filter((c) => c.id !== 'cleanup.run-resources' && c.status !== 'skipped');
}

function assertSkipsAreFixtureSkips(t: Test, result: RunResult) {
  const odd = result.cases.filter((c) => c.status === 'skipped' && !/^needs /.test(c.reason ?? '')).map((c) => `${c.id}: ${c.reason}`);
  t.same(odd, [], 'the only skips are for fixtures the run was not given');
}

async function withServer(handler: (req: IncomingMessage, res: ServerResponse) => void, body: (server: Listener) => Promise<void>) {
  const server = await listen(handler);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

t.test('a server that never answers: every case errors with the timeout named', async (t) => {
  await withServer((req) => { req.resume(); }, async (server) => {
    const o = hostileOptions(server.url, t.testdir());
    const { result } = await timedRun(t, o);
    const ran = ranCases(result);
    t.ok(ran.length > 30, `${ran.length} cases ran`);
    t.same(ran.filter((c) => c.status !== 'error').map((c) => c.id), [], 'every case that ran is an error');
    t.same(ran.filter((c) => !(c.reason ?? '').includes(`no complete answer within ${TIMEOUT} ms`)).map((c) => `${c.id}: ${c.reason}`), [], 'each names the timeout');
    t.ok(failedChecks(result).has('response-time'), 'response-time check failed');
    const slowest = Math.max(...result.cases.flatMap((c) => c.exchanges.map((e) => e.durationMs)));
    t.ok(slowest < TIMEOUT + 1500, `no exchange waited much past the timeout (slowest ${slowest} ms)`);
    assertSkipsAreFixtureSkips(t, result);
    const cleanup = result.cases.at(-1)!;
    t.equal(cleanup.id, 'cleanup.run-resources');
    t.equal(cleanup.status, 'error', 'cleanup cannot confirm anything: error, with the command to finish it later');
    t.match(cleanup.reason, /sipapp-conformance cleanup --base-url http:\/\/127\.0\.0\.1:\d+ --out \S+ --run sct-/);
  });
});

t.test('the run deadline stops starting cases against a server that never answers', async (t) => {
  await withServer((req) => { req.resume(); }, async (server) => {
    const o = hostileOptions(server.url, t.testdir(), { deadline: 2, concurrency: 1, retries: 0 });
    const { result, ms } = await timedRun(t, o);
    // preflight + 2 s + the case in flight + the cleanup list + slack
    t.ok(ms < TIMEOUT + 2000 + TIMEOUT * 2 + TIMEOUT + 2000, `ended soon after the deadline (${Math.round(ms)} ms)`);
    const late = result.cases.filter((c) => c.notRun === 'deadline');
    t.ok(late.length > 20, `${late.length} cases not started, reported`);
    t.ok(late.every((c) => c.status === 'error'), 'cases not started by the deadline are errors (the verdict is incomplete)');
    t.equal(result.summary.interrupted, 'deadline', 'the run is reported as cut short by the deadline');
  });
});

t.test('a server that resets every connection: the preflight says it cannot be reached (usage error, exit 2)', async (t) => {
  await withServer((req) => { req.socket.destroy(); }, async (server) => {
    const o = hostileOptions(server.url, t.testdir());
    const started = performance.now();
    const error = await within(boundMs(o), runConformanceSuite(o).then(() => undefined, (e: unknown) => e), 'runConformanceSuite');
    t.ok(error instanceof UsageError, 'UsageError');
    t.match((error as Error).message, /^cannot reach http:\/\/127\.0\.0\.1:\d+: connection failed \((ECONNRESET|UND_ERR_SOCKET|EPIPE)\)$/, 'one line naming the cause');
    t.notOk((error as Error).message.includes(FAKE_JWT), 'no token in the message');
    t.ok(performance.now() - started < 5000, 'quickly');
    t.notOk(existsSync(join(o.out, 'ledger')), 'no ledger: nothing was attempted');
  });
});

t.test('a server that answers the preflight, then resets every connection: cases error with the reset named', async (t) => {
  let first = true;
  await withServer((req, res) => {
    req.resume();
    if (first && req.method === 'GET') {
      first = false;
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end('{"success":true,"payload":[]}');
      return;
    }
    req.socket.destroy();
  }, async (server) => {
    const o = hostileOptions(server.url, t.testdir());
    const { result } = await timedRun(t, o);
    const ran = ranCases(result);
    t.ok(ran.length > 30, `${ran.length} cases ran`);
    t.same(ran.filter((c) => c.status !== 'error').map((c) => c.id), [], 'every case that ran is an error');
    t.same(ran.filter((c) => !/connection failed \((ECONNRESET|UND_ERR_SOCKET|EPIPE)\)/.test(c.reason ?? '')).map((c) => `${c.id}: ${c.reason}`), [], 'each names the reset');
    assertSkipsAreFixtureSkips(t, result);
  });
});

t.test('a server that answers 200 text/html to everything: the preflight says it is not the API (usage error, exit 2)', async (t) => {
  // Issue 13: one misconfigured base URL used to be blamed on the API hundreds of times.
  let requests = 0;
  await withServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><h1>It works!</h1></body></html>');
  }, async (server) => {
    const o = hostileOptions(server.url, t.testdir());
    const error = await within(boundMs(o), runConformanceSuite(o).then(() => undefined, (e: unknown) => e), 'runConformanceSuite');
    t.ok(error instanceof UsageError, 'UsageError (exit 2)');
    t.match((error as Error).message, /does not look like the SIP Control App API: .* answered 200 text\/html, not JSON; check --base-url/);
    t.ok(requests <= 2, `${requests} requests`);
    t.notOk(existsSync(join(o.out, 'ledger')), 'no ledger: nothing was attempted');
  });
});

t.test('a server that answers 500 to everything: no-server-error failures, no crash', async (t) => {
  await withServer((req, res) => {
    req.resume();
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"success":false,"status":500,"message":"Internal Server Error"}');
  }, async (server) => {
    const o = hostileOptions(server.url, t.testdir());
    const { result } = await timedRun(t, o);
    const ran = ranCases(result);
    t.same(ran.filter((c) => c.status === 'passed').map((c) => c.id), [], 'no case passes against it');
    t.ok(failedChecks(result).has('no-server-error'), 'no-server-error failed');
    const errors = ran.filter((c) => c.status === 'error');
    t.same(errors.filter((c) => !/without an app uuid; cannot go on|no complete answer within/.test(c.reason ?? '')).map((c) => `${c.id}: ${c.reason}`), [], 'errors say why the case could not go on');
    assertSkipsAreFixtureSkips(t, result);
  });
});

t.test('a 100 MB body (maxBody 1 MB): cases error "response body larger than", and the client hangs up early', async (t) => {
  const CHUNK = Buffer.alloc(64 * 1024, 0x20);
  const TOTAL = 100 * 1024 * 1024;
  const sent: number[] = [];
  let open = 0;
  let completed = 0;
  await withServer((req, res) => {
    req.resume();
    open++;
    const index = sent.push(0) - 1;
    let gone = false;
    res.on('close', () => { gone = true; open--; });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"success":true,"payload":"');
    const pump = () => {
      while (!gone && sent[index]! < TOTAL) {
        sent[index]! += CHUNK.length;
        if (!res.write(CHUNK)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!gone) {
        completed++;
        res.end('"}');
      }
    };
    pump();
  }, async (server) => {
    // The size limit is the rule here, not the clock: a timeout long enough that a loaded machine
    // (sixteen 100 MB answers streaming at once) still reaches 1 MB on every answer before it.
    const o = hostileOptions(server.url, t.testdir(), { timeout: 5000 });
    const { result } = await timedRun(t, o);
    const ran = ranCases(result);
    t.same(ran.filter((c) => c.status !== 'error').map((c) => c.id), [], 'every case that ran is an error');
    t.same(ran.filter((c) => !(c.reason ?? '').includes(`response body larger than ${MAX_BODY} bytes`)).map((c) => `${c.id}: ${c.reason}`), [], 'each names the size limit');
    t.equal(completed, 0, 'no 100 MB body was read to the end');
    t.ok(Math.max(...sent) < 32 * 1024 * 1024, `the client hung up early (most sent on one answer: ${(Math.max(...sent) / 1048576).toFixed(1)} MB)`);
    await within(5000, (async () => { while (open > 0) await new Promise((r) => setTimeout(r, 20)); })(), 'connections closing');
    t.equal(open, 0, 'no answer still streaming after the run');
  });
});

t.test('a body dripped one byte per 200 ms: cases error with the timeout named (a total deadline, not an idle one)', async (t) => {
  const BODY = '{"success":true,"payload":[]}';
  await withServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BODY.length) });
    let i = 0;
    const drip = setInterval(() => {
      if (res.destroyed || i >= BODY.length) {
        clearInterval(drip);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(BODY[i++]);
    }, 200);
    res.on('close', () => clearInterval(drip));
  }, async (server) => {
    const o = hostileOptions(server.url, t.testdir());
    const { result } = await timedRun(t, o);
    const ran = ranCases(result);
    t.ok(ran.length > 30, `${ran.length} cases ran`);
    t.same(ran.filter((c) => c.status !== 'error').map((c) => c.id), [], 'every case that ran is an error');
    t.same(ran.filter((c) => !(c.reason ?? '').includes(`no complete answer within ${TIMEOUT} ms`)).map((c) => `${c.id}: ${c.reason}`), [], 'each names the timeout');
    const slowest = Math.max(...result.cases.flatMap((c) => c.exchanges.map((e) => e.durationMs)));
    t.ok(slowest < TIMEOUT + 1500, `the drip did not keep any request alive past the timeout (slowest ${slowest} ms)`);
  });
});

t.test('a 302 to another host: not followed, the token never reaches the other host', async (t) => {
  const seen: Array<string | undefined> = [];
  const other = await listen((req, res) => {
    req.resume();
    seen.push(req.headers['x-auth-token'] as string | undefined);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"payload":[]}');
  }, '127.0.0.2');
  try {
    // The other host is reachable: a token that went there would be seen.
    await fetch(`${other.url}/probe`);
    t.equal(seen.length, 1, 'the other listener receives requests');
    seen.length = 0;
    let answered = 0;
    await withServer((req, res) => {
      req.resume();
      // The preflight's two requests are answered (so the run starts); everything after redirects.
      if (answered++ < 2 && req.method === 'GET' && req.url === '/rest/sip/app') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"payload":[]}');
        return;
      }
      res.writeHead(302, { location: `http://127.0.0.2:${other.port}${req.url}`, 'content-type': 'text/html' }).end('<a href="elsewhere">moved</a>');
    }, async (server) => {
      const o = hostileOptions(server.url, t.testdir());
      const { result } = await timedRun(t, o);
      t.same(seen.filter((token) => token !== undefined), [], 'no request carrying a token reached the other host');
      t.equal(seen.length, 0, 'no request at all reached the other host');
      const elsewhere = result.cases.flatMap((c) => c.exchanges.filter((e) => e.request.url.includes('127.0.0.2')));
      t.same(elsewhere, [], 'no exchange was sent to the other host');
      t.ok(failedChecks(result).has('status-code'), 'the 302s are status-code failures');
      t.same(ranCases(result).filter((c) => c.status === 'passed').map((c) => c.id), [], 'no case passes against it');
    });
  } finally {
    await other.close();
  }
});

t.test('a port that refuses connections: runConformanceSuite throws UsageError "cannot reach"', async (t) => {
  const gone = await listen(() => undefined);
  const url = gone.url;
  await gone.close();
  const o = hostileOptions(url, t.testdir());
  const started = performance.now();
  const error = await within(boundMs(o), runConformanceSuite(o).then(() => undefined, (e: unknown) => e), 'runConformanceSuite');
  t.ok(error instanceof UsageError, 'UsageError (exit 2)');
  t.match((error as Error).message, /^cannot reach http:\/\/127\.0\.0\.1:\d+: connection failed \(ECONNREFUSED\)$/);
  t.ok(performance.now() - started < 5000, 'quickly');
});

t.test('cleanup does not claim success when it could not look for apps whose create got no usable answer', async (t) => {
  await withServer((req, res) => {
    req.resume();
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"success":false,"status":500,"message":"Internal Server Error"}');
  }, async (server) => {
    const o = hostileOptions(server.url, t.testdir());
    const { result } = await runConformanceSuite(o);
    const cleanup = result.cases.at(-1)!;
    t.equal(cleanup.id, 'cleanup.run-resources');
    t.not(cleanup.status, 'passed', 'unconfirmed creates are not a clean cleanup');
    t.match(cleanup.reason, /sipapp-conformance cleanup --base-url \S+ --out \S+ --run sct-/, 'the reason says how to finish the job later');
  });
});

t.test('a server that answers 503 to everything, for good: bounded by one --max-wait, errors naming HTTP 503', async (t) => {
  await withServer((req, res) => {
    req.resume();
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"success":false,"status":503,"message":"Service Unavailable"}');
  }, async (server) => {
    // E70: throttling is waited out, but a server down for good must not cost a --max-wait per request.
    const o = hostileOptions(server.url, t.testdir(), { maxWait: 2 });
    const { result, ms } = await timedRun(t, o);
    const ran = ranCases(result);
    t.ok(ran.length > 30, `${ran.length} cases ran`);
    t.same(ran.filter((c) => c.status !== 'error').map((c) => c.id), [], 'every case that ran is an error, not a failure');
    t.same(ran.filter((c) => !/still throttled \(HTTP 503\)/.test(c.reason ?? '')).map((c) => `${c.id}: ${c.reason}`), [], 'each says it was still throttled');
    t.ok(ms < 15_000, `the whole run took one --max-wait and change (${Math.round(ms)} ms), not one per request`);
    t.match(result.summary.throttling, { gaveUp: Number }, 'the summary counts the requests given up');
  });
});
