import t from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonReporter, RESULTS_FORMAT, readResultsBundle, renderResultsBundle, parseResultsBundle } from '../../reporters/json.ts';
import { scrubDeep } from '../../src/results/secrets.ts';
import type { RunResult } from '../../src/results/model.ts';
import { buildRun, drive, JWT_RE } from './fixture.ts';

/** The same data with every object's keys inserted in reverse order. */
function reversedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reversedKeys) as T;
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)])) as T;
  }
  return v;
}

t.test('results.json is a results bundle that reads back', async (t) => {
  const dir = t.testdir();
  const run = buildRun();
  const [file] = await drive(new JsonReporter({ outDir: dir }), run);
  t.equal(file, join(dir, 'results.json'));
  const text = readFileSync(file!, 'utf8');
  t.match(text, /^\{\n  "format": "sipapp-conformance\/results@1",\n  "info": \{\n    "runId": /, 'format first, 2-space indent');
  t.ok(text.endsWith('}\n'));
  t.notMatch(text, JWT_RE, 'no raw JWT');
  const keys = Object.keys(JSON.parse(text));
  t.same(keys, ['format', 'info', 'summary', 'cases']);

  const back = readResultsBundle(file!);
  t.same(back, scrubDeep(run), 'round trip: the run, JWTs scrubbed');
  t.notOk('format' in back, 'the marker is not part of the RunResult');
  t.equal(back.summary.exitCode, 1);
});

t.test('key order is stable: independent of how objects were built', async (t) => {
  const run = buildRun();
  const a = renderResultsBundle(run);
  const b = renderResultsBundle(reversedKeys(run));
  t.equal(a, b);
  const firstCase = JSON.parse(a).cases[1];
  t.same(Object.keys(firstCase), ['id', 'title', 'suite', 'operation', 'tags', 'status', 'durationMs', 'checks', 'exchanges']);
  t.same(Object.keys(firstCase.checks[0]), ['check', 'status', 'normative', 'rule', 'message', 'expected', 'actual', 'exchange']);
  t.same(Object.keys(firstCase.exchanges[0].request.headers), ['content-type', 'x-auth-token'], 'header maps alphabetical');
});

t.test('readResultsBundle refuses what is not a bundle', async (t) => {
  const dir = t.testdir();
  const write = (name: string, data: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
    return p;
  };
  const run = buildRun();
  t.throws(() => readResultsBundle(write('nomarker.json', run)), /expected format "sipapp-conformance\/results@1", found no format marker/);
  t.throws(() => readResultsBundle(write('v2.json', { ...run, format: 'sipapp-conformance/results@2' })), /found "sipapp-conformance\/results@2" \(a different version/);
  t.throws(() => readResultsBundle(write('bad.json', '{not json')), /not JSON/);
  t.throws(() => readResultsBundle(write('arr.json', [])), /expected a JSON object/);
  t.throws(() => parseResultsBundle(JSON.stringify({ format: RESULTS_FORMAT, info: run.info, summary: run.summary })), /"cases" is not an array/);
  t.throws(() => parseResultsBundle(JSON.stringify({ format: RESULTS_FORMAT, info: run.info, summary: run.summary, cases: [{ id: 'x' }] })), /cases\[0\]/);
  const ok: RunResult = parseResultsBundle(JSON.stringify({ format: RESULTS_FORMAT, ...run }));
  t.equal(ok.cases.length, 8);
});
