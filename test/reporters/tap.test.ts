import t from 'tap';
import { readFileSync } from 'node:fs';
import { Parser } from 'tap-parser';
import type { FinalResults } from 'tap-parser';
import { TapReporter, renderTap } from '../../reporters/tap.ts';
import { buildRun, drive, JWT_RE } from './fixture.ts';

function parse(text: string): Promise<{ final: FinalResults; asserts: any[] }> {
  return new Promise((resolve) => {
    const p = new Parser();
    const asserts: any[] = [];
    p.on('assert', (a) => asserts.push(a));
    p.on('complete', (final: FinalResults) => resolve({ final, asserts }));
    p.end(text);
  });
}

t.test('results.tap parses back with the same plan and counts', async (t) => {
  const dir = t.testdir();
  const run = buildRun();
  const [file] = await drive(new TapReporter({ outDir: dir }), run);
  const text = readFileSync(file!, 'utf8');
  t.match(text, /^TAP version 14\n1\.\.8\n/);
  t.notMatch(text, JWT_RE);

  const { final, asserts } = await parse(text);
  t.same(final.plan, { start: 1, end: 8, skipAll: false, skipReason: '', comment: '' }, 'plan 1..8');
  t.equal(final.count, run.summary.total);
  t.equal(final.fail, run.summary.failed + run.summary.errors, 'failed and error cases are not ok');
  t.equal(final.skip, run.summary.skipped);
  t.equal(final.pass, run.summary.passed + run.summary.skipped, 'skips count as ok in TAP');
  t.equal(final.ok, false);
  t.equal(final.failures.filter((f) => f.tapError).length, 0, 'no TAP syntax errors');

  const failed = asserts.find((a) => a.name.startsWith('lifecycle-002'));
  t.equal(failed.ok, false);
  t.equal(failed.diag.status, 'failed');
  t.equal(failed.diag.failures[0].check, 'status-code');
  t.equal(failed.diag.failures[0].rule, 'page responses, E12/E13');
  t.equal(failed.diag.failures[0].expected, '200 | 201');
  t.equal(failed.diag.failures[0].actual, '500');
  t.match(failed.diag.failures[0].curl, /^curl -sS -X POST .*\$SIPAPP_TOKEN/);
  t.equal(failed.diag.failures[1].check, 'no-server-error');

  const hash = asserts.find((a) => a.name.startsWith('auth-004'));
  t.equal(hash.name, 'auth-004: List with a forged token # is refused', 'a # in a title is escaped, not a directive');
  t.notOk(hash.skip);

  const error = asserts.find((a) => a.name.startsWith('validation-010'));
  t.equal(error.ok, false);
  t.equal(error.diag.status, 'error');
  t.match(error.diag.message, /^error: transport: socket hang up/);

  const skipped = asserts.find((a) => a.name.startsWith('tnlease-003'));
  t.equal(skipped.ok, true);
  t.equal(skipped.skip, 'no TN lease fixture (--lease not given) # needs one');
  t.equal(asserts.find((a) => a.name.startsWith('tnlease-004')).skip, '--read-only');
});

t.test('an all-passing run is ok', async (t) => {
  const passing = buildRun().cases.filter((c) => c.status === 'passed');
  const { final } = await parse(renderTap(buildRun(passing)));
  t.equal(final.ok, true);
  t.equal(final.count, 3);
});
