import t from 'tap';
import { cleanText, excerpt, formatDuration, oneLine, responseExcerpt, seconds } from '../../reporters/format.ts';
import { verdict, outcomeMatrix, cellStatus, operationsOf } from '../../reporters/tallies.ts';
import { containsJwt, scrubDeep, scrubSecrets } from '../../src/results/secrets.ts';
import { RAW_JWT, buildRun } from './fixture.ts';

t.test('scrubSecrets replaces anything that looks like a JWT', async (t) => {
  t.equal(scrubSecrets(`token ${RAW_JWT} end`), 'token <redacted-jwt> end');
  t.equal(scrubSecrets('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'), '<redacted-jwt>', 'unsigned (alg none) token too');
  t.equal(scrubSecrets('$SIPAPP_TOKEN and eyJust.text'), '$SIPAPP_TOKEN and eyJust.text', 'leaves non-tokens alone');
  t.ok(containsJwt(RAW_JWT));
  t.notOk(containsJwt(scrubSecrets(RAW_JWT)));
  const deep = scrubDeep({ a: [RAW_JWT, { [RAW_JWT]: RAW_JWT }], n: 1, b: true, z: null });
  t.notOk(containsJwt(JSON.stringify(deep)));
  t.same(deep, { a: ['<redacted-jwt>', { '<redacted-jwt>': '<redacted-jwt>' }], n: 1, b: true, z: null });
});

t.test('cleanText drops what XML 1.0 forbids and terminal escapes', async (t) => {
  t.equal(cleanText('a\u0000b\u0001c\u001bd\u007fe\u009bf\uFFFEg\uD800h'), 'abcdefgh');
  t.equal(cleanText('tab\tline\r\nnext\rlast'), 'tab\tline\nnext\nlast');
  t.equal(cleanText('é中😀'), 'é中😀', 'keeps unicode, astral included');
  t.equal(oneLine('  a\n\n b\tc  '), 'a b c');
});

t.test('durations and seconds', async (t) => {
  t.equal(formatDuration(0), '0ms');
  t.equal(formatDuration(850.4), '850ms');
  t.equal(formatDuration(1250), '1.25s');
  t.equal(formatDuration(32_276), '32.3s');
  t.equal(formatDuration(123_000), '2m 03s');
  t.equal(formatDuration(Number.NaN), '0ms');
  t.equal(seconds(1830), '1.830');
  t.equal(seconds(-5), '0.000');
});

t.test('excerpt keeps the first lines and says what it left out', async (t) => {
  const text = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
  const e = excerpt(text, { maxLines: 3 });
  t.equal(e, 'line 0\nline 1\nline 2\n… (17 more lines)');
  t.ok(excerpt('x'.repeat(5000), { maxLineChars: 50 }).length <= 50);
});

t.test('responseExcerpt pretty-prints JSON and reports transport errors', async (t) => {
  const run = buildRun();
  const passed = run.cases[0]!;
  t.match(responseExcerpt(passed.exchanges[0]!), /^HTTP 201 \(application\/json; charset=utf-8\)\n\{\n  "success": true/);
  const error = run.cases.find((c) => c.status === 'error')!;
  t.equal(responseExcerpt(error.exchanges[0]!), 'no response: ECONNRESET: socket hang up');
});

t.test('tallies', async (t) => {
  const run = buildRun();
  t.equal(verdict(run.summary), 'FAILED');
  t.equal(verdict({ ...run.summary, exitCode: 0 }), 'PASSED', 'the verdict is the exit code, never re-judged');
  t.equal(operationsOf(run)[0], 'CreateSIPControlApp', 'operations in the page order');
  const m = outcomeMatrix(run);
  t.equal(cellStatus(m.get('CreateSIPControlApp')!.get('status-code')), 'failed');
  t.equal(cellStatus(m.get('CreateSIPControlApp')!.get('error-status-matches')), 'warning');
  t.equal(cellStatus(m.get('GetSIPControlAppByUUID')!.get('auth-required')), 'passed');
  t.equal(cellStatus(m.get('ModifySIPControlApp')!.get('input-validation')), 'none', 'only skipped = not run');
  t.equal(cellStatus(m.get('ListSIPControlApps')!.get('content-type')), 'none');
});
