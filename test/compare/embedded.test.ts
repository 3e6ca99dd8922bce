import t from 'tap';
import { createServer, request, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byName, compareCatalogue, type CatalogueCandidate } from '../../scripts/compare-catalogue.ts';
import { startReferenceServer } from '../../src/server/index.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/runner/options.ts';
import { compareTargets } from '../../src/session/compare.ts';

// compare with the embedded server on both sides, kept affordable on shared cores: one
// recorded pair of reference runs serves every candidate of a seed, the generated budget is
// small, and the catalogue is sampled (scripts/compare-catalogue.ts sweeps all of it).
const SMALL = { budget: { requests: 40 }, timeout: 10_000 };
const FAULT_SAMPLE = ['create-202', 'error-without-message', 'patch-resets-omitted', 'cross-account-get'];
const READING_SAMPLE = ['create-200', 'relations-null', 'timestamps-millis-offset', 'list-newest-first', 'rate-limited-429'];

/** A loopback proxy that holds every answer 0–25 ms at random: a latency-jittered side. */
async function jitterProxy(target: string): Promise<{ url: string; server: Server }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      setTimeout(() => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }, Math.random() * 25);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, server };
}

t.test('seed 1: identical, jittered, faulty and conforming candidates against one reference pair', async (t) => {
  const behind = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  const proxy = await jitterProxy(behind.url);
  t.teardown(async () => {
    proxy.server.close();
    await behind.close();
  });
  const { a, b } = behind.fixtures;
  const jittered: CatalogueCandidate = {
    name: 'jittered',
    options: { baseUrl: proxy.url, token: a.token, tokenB: b.token, expiredToken: a.expiredToken, tnlease: a.tnleases.slice(0, 2), outboundVoiceProfile: a.outboundVoiceProfile, callUuid: a.calls[0] },
  };
  const candidates = [{ name: 'identical', options: {} }, jittered, ...FAULT_SAMPLE.map(byName), ...READING_SAMPLE.map((r) => byName(`reading:${r}`))];
  const rows = await compareCatalogue(candidates, { ...SMALL, seed: 1 });
  const row = (name: string) => rows.find((r) => r.name === name)!;
  t.equal(row('identical').differences, 0, 'the same implementation: no difference after noise cancellation');
  t.equal(row('jittered').differences, 0, 'a latency-jittered candidate (through a proxy, as a --base-url target): no difference');
  for (const fault of FAULT_SAMPLE) {
    const r = row(fault);
    t.ok(r.runCatches, `${fault}: run catches it`);
    t.ok(r.spec > 0, `${fault}: ${r.spec} difference(s) break the spec (${r.errata} errata, ${r.unexplained} unexplained)`);
  }
  for (const reading of READING_SAMPLE) {
    const r = row(`reading:${reading}`);
    t.equal(r.spec, 0, `${reading}: nothing breaks the spec (${r.errata} errata, ${r.unexplained} unexplained)`);
  }
  t.ok(row('reading:create-200').errata > 0, 'create answering 200 is a difference the errata allow (E12)');
  t.equal(row('reading:rate-limited-429').differences, 0, 'a rate-limited candidate (429 + Retry-After, waited out): no difference');
});

t.test('seed 2: compare as the library runs it, reports written, exit code by --fail-on', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-compare-test-'));
  t.teardown(() => rmSync(out, { recursive: true, force: true }));
  const chunks: string[] = [];
  const stream = { write: (s: string) => chunks.push(s) } as unknown as NodeJS.WritableStream;
  const { result, files } = await compareTargets({ ...DEFAULT_RUN_OPTIONS, ...SMALL, seed: 2, out, reporter: ['console', 'json', 'html', 'junit'], fault: 'create-202', reference: { url: 'embedded', tnlease: [] }, failOn: 'unexplained' }, { stream });
  t.equal(result.summary.exitCode, 1, 'a faulty candidate fails the comparison');
  t.ok(result.summary.byClass.spec > 0, 'its differences break the spec');
  t.ok(result.differences.some((d) => d.class === 'spec' && d.kind === 'status' && d.candidate === '202' && d.checks?.some((c) => c.check === 'status-code')), 'create answering 202 is named with the check run names');
  const spec = result.differences.find((d) => d.class === 'spec' && d.kind === 'status')!;
  t.match(spec.candidateExchange?.curl ?? '', /curl/, 'the candidate exchange carries its curl');
  t.match(spec.referenceExchange?.curl ?? '', /curl/, 'and so does the reference one');
  t.same(files.map((f) => f.slice(out.length + 1)).sort(), ['compare-junit.xml', 'compare.html', 'compare.json']);
  t.same(JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')).summary.byClass, result.summary.byClass);
  t.match(readFileSync(join(out, 'compare-junit.xml'), 'utf8'), /<failure message="[^"]*CreateSIPControlApp|<failure/);
  t.match(readFileSync(join(out, 'compare.html'), 'utf8'), /<mark>/, 'the differing parts are highlighted');
  t.match(chunks.join(''), /BREAKS THE SPEC/);
  t.notOk(existsSync(join(out, 'candidate', 'ledger', `${result.info.candidate.runId}.jsonl`)), "the candidate run cleaned up after itself (its ledger is gone)");
});

t.test('seed 3: the same implementation on both sides gives no difference, and exit 0', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-compare-test-'));
  t.teardown(() => rmSync(out, { recursive: true, force: true }));
  const { result } = await compareTargets({ ...DEFAULT_RUN_OPTIONS, ...SMALL, seed: 3, out, reporter: [], reference: { url: 'embedded', tnlease: [] }, failOn: 'any' });
  t.equal(result.summary.differences, 0, describe(result.differences.slice(0, 3)));
  t.equal(result.summary.exitCode, 0);
  t.ok(result.summary.exchangesCompared > 200, `${result.summary.exchangesCompared} exchanges compared`);
});

function describe(differences: Array<{ caseId: string; path: string; candidate: string; reference: string }>): string {
  return differences.length ? differences.map((d) => `${d.caseId} ${d.path}: ${d.candidate} vs ${d.reference}`).join('; ') : 'no difference';
}
