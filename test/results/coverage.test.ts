import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { startReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { computeCoverage, coverageShortfall } from '../../src/results/coverage.ts';
import { mergeRuns } from '../../src/results/merge.ts';
import { parseResultsBundle } from '../../reporters/json.ts';
import { referenceRunOptions } from '../safety/helpers.ts';

const server = await startReferenceServer();
t.teardown(() => server.close());

t.test('coverage counts match the exchanges in the bundle', async (t) => {
  const out = t.testdir();
  await runConformanceSuite(referenceRunOptions(server, out, { reporter: ['json'], suite: ['get', 'remove', 'auth'] }));
  const bundle = parseResultsBundle(readFileSync(join(out, 'results.json'), 'utf8'));
  const coverage = bundle.coverage!;
  t.ok(coverage, 'the JSON bundle carries the coverage');

  // Recount independently from the raw spec text and the bundle's exchanges.
  const spec = YAML.parse(readFileSync(new URL('../../spec/openapi.yaml', import.meta.url), 'utf8'));
  const documented = coverage.cells.length;
  let expectedCells = 0;
  for (const methods of Object.values<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      if (method === 'parameters') continue;
      expectedCells += Object.keys(op.responses).length; // every documented response has exactly one (JSON) content type
    }
  }
  t.equal(documented, expectedCells, 'one cell per documented operation × status');
  const count = new Map<string, number>();
  for (const c of bundle.cases) for (const e of c.exchanges) {
    if (!e.operation || !e.response) continue;
    const k = `${e.operation} ${e.response.status}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  for (const cell of coverage.cells) {
    t.equal(cell.exercised, count.get(`${cell.operation} ${cell.status}`) ?? 0, `${cell.operation} ${cell.status} exercised`);
    t.equal(cell.state, cell.exercised ? 'covered' : 'not-tested');
  }
  const get404 = coverage.cells.find((c) => c.operation === 'GetSIPControlAppByUUID' && c.status === '404')!;
  t.ok(get404.exercised > 0, 'the get suite exercises Get 404');
  const callflow = coverage.cells.filter((c) => c.operation === 'ExecuteSIPControlAppCallExecuteCallFlow');
  t.ok(callflow.some((c) => c.state === 'not-tested'), 'a suite not selected leaves its operation not tested');
  t.equal(coverage.covered, coverage.cells.filter((c) => c.exercised > 0).length);
  t.equal(coverage.percent, Math.floor((coverage.covered / coverage.documented) * 1000) / 10);
});

t.test('undocumented answers and failed checks are attributed to their cell', async (t) => {
  const exchange = (operation: string, status: number, type: string) => ({
    purpose: 'p', operation, request: { method: 'GET', url: 'u', headers: {} }, durationMs: 1, curl: 'curl',
    response: { status, headers: { 'content-type': type }, bodyExcerpt: '', bodyTruncated: false },
  });
  const cases = [{
    id: 'x.y', title: 't', suite: 'x', operation: 'ListSIPControlApps', tags: [], status: 'failed' as const, durationMs: 1,
    checks: [{ check: 'status-code', status: 'failed' as const, normative: true, rule: 'r', message: 'm', exchange: 1 }],
    exchanges: [exchange('ListSIPControlApps', 200, 'application/json; charset=utf-8'), exchange('ListSIPControlApps', 500, 'text/html'), exchange('ListSIPControlApps', 401, 'text/plain')],
  }];
  const cov = computeCoverage(cases, 50);
  const list200 = cov.cells.find((c) => c.operation === 'ListSIPControlApps' && c.status === '200')!;
  t.match(list200, { exercised: 1, failed: 0, state: 'covered' }, 'a charset parameter still matches application/json');
  t.same(cov.undocumented, [
    { operation: 'ListSIPControlApps', status: '401', contentType: 'text/plain', exercised: 1, failed: 0 },
    { operation: 'ListSIPControlApps', status: '500', contentType: 'text/html', exercised: 1, failed: 1 },
  ], 'statuses and content types the spec does not document, with their failures');
  t.equal(cov.covered, 1);
  t.match(coverageShortfall(cov), /below --min-coverage 50%/);
  t.equal(coverageShortfall(computeCoverage(cases)), undefined, 'no threshold, no shortfall');
});

t.test('--min-coverage fails the run (exit 1) with the reason; merge enforces it over shards', async (t) => {
  const out = t.testdir();
  const low = await runConformanceSuite(referenceRunOptions(server, join(out, 'a'), { suite: ['list'], minCoverage: 90 }));
  t.equal(low.result.cases.filter((c) => c.status === 'failed').length, 0, 'every case passed');
  t.equal(low.result.summary.exitCode, 1, 'yet the run fails on coverage');
  t.match(coverageShortfall(low.result.coverage), /API coverage [\d.]+% .* is below --min-coverage 90%/);

  const shard = await runConformanceSuite(referenceRunOptions(server, join(out, 'b'), { suite: ['list'], minCoverage: 90, shard: { index: 1, total: 1 } }));
  t.equal(shard.result.summary.exitCode, 0, 'a shard does not enforce the threshold');
  const merged = mergeRuns([shard.result]);
  t.equal(merged.coverage?.threshold, 90, 'merge takes the threshold the shards ran with');
  t.equal(merged.summary.exitCode, 1, 'and enforces it');
  t.equal(mergeRuns([shard.result], 0).summary.exitCode, 0, 'an explicit --min-coverage 0 passes');
});
