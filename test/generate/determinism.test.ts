import t from 'tap';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { startReferenceServer, type RunningReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../../src/runner/options.ts';
import { DEFAULT_SEED } from '../../src/runner/budget.ts';
import type { RunResult } from '../../src/results/model.ts';
import { describeFailures } from '../mutation/kill-matrix.ts';

// Same inputs, same verdict (issue 21.3): without --seed, two runs of the same build against the
// same server send the same requests and reach the same verdict. The requests are recorded on the
// wire, by a proxy between the suite and the reference server, so nothing the suite reports about
// itself is taken on trust.

t.setTimeout(5 * 60_000);

/** Uuids, and the malformed ones the suites derive from random uuids (no dashes, cut short, upper case): their form is kept. */
const UUID = /\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{11,12}\b/gi;
const uuidForm = (u: string) => `<uuid${u.length === 36 ? '' : `:${u.length}`}${/[A-F]/.test(u) ? ':upper' : ''}>`;
const RUN_ID = /sct-\d{14}-[0-9a-f]{6}/g;

/**
 * What may differ between two runs by design: the run id (in names), uuids the server mints or
 * the suite draws for "unknown" ones, the counter of the run's name factory (cases start in the
 * order the scheduler picks), a hand-written subdomain too short to carry the run id (drawn per run
 * for the same reason the run id is: unique on the account; src/runner/names.ts), multipart
 * boundaries. The rest — method, path, body — must not.
 */
function normalise(text: string): string {
  return text
    .replace(RUN_ID, '<run>')
    .replace(UUID, uuidForm)
    .replace(/<run>-([a-z0-9-]*?)-?\d+\b/g, '<run>-$1-<n>')
    .replace(/-*formdata-undici-\d+-*/g, '<boundary>')
    .replace(/"subdomain":"[0-9a-f]{1,15}"/g, (m) => `"subdomain":"<short:${m.length - 14}>"`);
}

function shape(method: string, url: string, headers: IncomingHttpHeaders, body: string): string {
  return `${method} ${normalise(url)} ${normalise(String(headers['content-type'] ?? ''))} ${normalise(body)}`;
}

/** A recording proxy in front of the reference server: every request as `METHOD path content-type body`, normalised. */
async function recordingProxy(upstream: string): Promise<{ url: string; take(): string[]; close(): Promise<void> }> {
  let seen: string[] = [];
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push(shape(req.method ?? '', req.url ?? '', req.headers, body.toString('utf8')));
      const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take: () => {
      const all = seen.sort();
      seen = [];
      return all;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The run against the proxy, as the embedded target would be set up: the server's own accounts and fixtures. */
function throughProxy(proxy: string, server: RunningReferenceServer): Partial<RunOptions> {
  const { a, b } = server.fixtures;
  return {
    baseUrl: proxy, token: a.token, tokenB: b.token, tnlease: a.tnleases.slice(0, 2), outboundVoiceProfile: a.outboundVoiceProfile,
    callUuid: a.calls[0], expiredToken: a.expiredToken,
  };
}

/** What one list has that the other has not, counting repeats (a few lines each way, cut to a readable length). */
function difference(actual: string[], expected: string[]) {
  const count = (list: string[]) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const [a, e] = [count(actual), count(expected)];
  const over = (x: Map<string, number>, y: Map<string, number>) => [...x].filter(([k, n]) => n > (y.get(k) ?? 0)).map(([k]) => k.slice(0, 300)).slice(0, 8);
  return { missing: over(e, a), extra: over(a, e) };
}

const verdict = (r: RunResult) => ({ exitCode: r.summary.exitCode, cases: r.cases.map((c) => `${c.id} ${c.status}`) });

t.test('two default runs against the same server send the same requests and give the same verdict', async (t) => {
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  const proxy = await recordingProxy(server.url);
  t.teardown(async () => {
    await proxy.close();
    await server.close();
  });
  const run = async (extra: Partial<RunOptions> = {}) => {
    const notices = new PassThrough().resume(); // the drawn seed's notice: not this test's output
    // A generous per-request timeout: on a loaded machine a timed-out request (not the generator) would change what is sent.
    const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, timeout: 30_000, reporter: [], out: t.testdir(), ...throughProxy(proxy.url, server), ...extra }, { notices });
    return { result, requests: proxy.take() };
  };

  const first = await run();
  const second = await run();
  t.equal(first.result.info.generation?.seed, DEFAULT_SEED, 'no --seed: the documented default seed');
  t.ok(first.requests.length > 300, `${first.requests.length} requests recorded`);
  t.equal(first.result.summary.exitCode, 0, `the conforming server passes: ${describeFailures(first.result)}`);
  t.same(difference(second.requests, first.requests), { missing: [], extra: [] }, 'the same requests (method, path, body), up to run id, uuids and name counters');
  t.same(verdict(second.result), verdict(first.result), 'the same verdict, case by case');

  // The comparison has teeth: a drawn seed sends other requests.
  const random = await run({ seed: 'random' });
  t.not(random.result.info.generation?.seed, DEFAULT_SEED);
  t.equal(random.result.info.generation?.random, true, 'the bundle says the seed was drawn');
  t.notSame(random.requests, first.requests, '--seed random explores other requests');
});
