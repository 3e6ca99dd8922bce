import t from 'tap';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runConformanceSuite } from '../../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS, UsageError, type RunOptions } from '../../src/runner/options.ts';
import { EXAMPLES_FORMAT, ExamplesFile, targetKey, type SavedExample } from '../../src/runner/examples-file.ts';
import type { RunResult } from '../../src/results/model.ts';

// A failure a --seed random run finds is saved, and every later run against that target replays it
// first until it passes (issue 21.3), like Hypothesis's example database.

t.setTimeout(5 * 60_000);

const FAULT = 'combining-name-500'; // a 5xx on combining marks in a name: only generated names have them
const CASE = 'generated.create-valid';

async function run(out: string, extra: Partial<RunOptions>) {
  const text: string[] = [];
  const notices = new PassThrough().on('data', (d: Buffer) => text.push(d.toString()));
  const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: [], out, grep: [`^${CASE.replace('.', '\\.')}$`], budget: { requests: 60 }, ...extra }, { notices });
  return { result, notices: text.join('') };
}

const saved = (out: string): SavedExample[] => (JSON.parse(readFileSync(join(out, 'examples.json'), 'utf8')) as { examples: SavedExample[] }).examples;
const messages = (r: RunResult) => r.cases.find((c) => c.id === CASE)!.checks.map((o) => o.message).join('\n');

t.test('a failure is saved, replayed first by the next run against that target, and dropped once it passes', async (t) => {
  const out = t.testdir();
  const found = await run(out, { fault: FAULT, seed: 'random' });
  t.equal(found.result.summary.exitCode, 1, 'the fault is found');
  t.match(found.notices, /--seed random drew \d+/, 'the drawn seed is announced');
  const entries = saved(out);
  t.equal(entries.length, 1, 'one failing example saved');
  t.match(entries[0], { target: `embedded --fault ${FAULT}`, caseId: CASE, strict: false, runSeed: found.result.info.generation!.seed, failure: /^no-server-error: / });
  t.match(found.notices, /saved 1 failing example\(s\) \(generated\.create-valid\) to .*examples\.json/);

  const again = await run(out, { fault: FAULT, seed: 'random' });
  t.equal(again.result.summary.exitCode, 1);
  t.match(messages(again.result), /replayed from the examples file \(found \d{4}-\d\d-\d\d by a run with --seed \d+/, 'the failure is reported as replayed');
  t.match(again.notices, /replayed 1 saved failing example\(s\) .* 1 still fail/);
  t.same(saved(out), entries, 'still failing: kept as it was (not saved twice)');

  // Another target (the conforming server) does not replay it, and leaves it in the file.
  const other = await run(out, {});
  t.equal(other.result.summary.exitCode, 0);
  t.notMatch(messages(other.result), /examples file/);
  t.same(saved(out), entries, 'another target leaves the entry alone');

  // The same entry on the conforming server's key: it passes there, so it is dropped (and the empty file removed).
  writeFileSync(join(out, 'examples.json'), JSON.stringify({ format: EXAMPLES_FORMAT, examples: entries.map((e) => ({ ...e, target: 'embedded' })) }));
  const fixed = await run(out, {});
  t.equal(fixed.result.summary.exitCode, 0);
  t.match(messages(fixed.result), /first replayed 1 saved failing example\(s\) from the examples file .*: they pass now and are dropped/);
  t.match(fixed.notices, /1 pass\(es\) now and was dropped/);
  t.notOk(existsSync(join(out, 'examples.json')), 'nothing left: no empty examples file');
});

t.test('--examples-file none: nothing read or written', async (t) => {
  const out = t.testdir();
  const r = await run(out, { fault: FAULT, examplesFile: false });
  t.equal(r.result.summary.exitCode, 1);
  t.notOk(existsSync(join(out, 'examples.json')));
});

t.test('the file: keyed by target and strictness, merged with what another run saved meanwhile, refused when it is not one', async (t) => {
  const dir = t.testdir({ 'bad.json': '{"examples": 1}' });
  const path = join(dir, 'examples.json');
  t.equal(targetKey({ baseUrl: 'https://API.example/', embedded: false }), 'https://api.example');
  t.equal(targetKey({ baseUrl: 'http://127.0.0.1:1234', embedded: true }), 'embedded', 'the embedded server has no port in its key');
  t.equal(targetKey({ baseUrl: 'http://127.0.0.1:1234', embedded: true }, 'x'), 'embedded --fault x');

  const example = { caseId: 'generated.a', strict: true, seed: 1, index: 2, withExamples: true, runSeed: 3, budget: '150 requests', failure: 'x' };
  const first = ExamplesFile.open(path, 'embedded');
  first.failed(example);
  const second = ExamplesFile.open(path, 'embedded'); // opened before the first saved
  second.failed({ ...example, caseId: 'generated.b' });
  first.save();
  second.save();
  const reread = ExamplesFile.open(path, 'embedded');
  t.same(reread.forCase('generated.a', false), [], 'a --strict failure is not replayed by a default run');
  t.equal(reread.forCase('generated.a', true).length, 1);
  t.equal(reread.forCase('generated.b', true).length, 1, 'both runs\' failures are kept');
  t.same(ExamplesFile.open(path, 'https://other').forCase('generated.a', true), [], 'another target sees none');

  const refusal = (() => {
    try {
      ExamplesFile.open(join(dir, 'bad.json'), 'embedded');
    } catch (error) {
      return error;
    }
  })();
  t.ok(refusal instanceof UsageError, 'a usage error: one line, exit 2');
  t.match(String(refusal), /bad\.json is not a sipapp-conformance examples file.*--examples-file/);
});
