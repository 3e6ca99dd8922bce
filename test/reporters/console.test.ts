import t from 'tap';
import { ConsoleReporter } from '../../reporters/console.ts';
import { buildRun, collector, drive, JWT_RE } from './fixture.ts';
import { computeCoverage } from '../../src/results/coverage.ts';

const ESC = '\x1b';

t.test('progress, summary, tables, failures with evidence, warnings, report files', async (t) => {
  const out = collector();
  const r = new ConsoleReporter({ stream: out.stream, color: false });
  const run = buildRun();
  await drive(r, run);
  r.onReportFiles(['/tmp/x/junit.xml', '/tmp/x/report.html']);
  const text = out.text();

  t.notOk(text.includes(ESC), 'no ANSI when color is false (and server escapes stripped)');
  t.match(text, /\[1\/8\] ✓ lifecycle-001 Create answers 200\/201 with the app — «é中» \(120ms\)/);
  t.match(text, /\[2\/8\] ✗ lifecycle-002 .*\(1\.83s\) status-code, no-server-error/);
  t.match(text, /\[5\/8\] ! validation-010 .*error: transport: socket hang up/);
  t.match(text, /\[6\/8\] - tnlease-003 Assign a lease skipped: no TN lease fixture/);
  t.match(text, /\[8\/8\] ✓ call-001 Valid call-flow XML is accepted second line/, 'titles on one line');
  t.equal(text.match(/^\[\d\/8\]/gm)?.length, 8, 'one progress line per case');

  t.match(text, /FAILED {2}8 cases: 3 passed, 2 failed, 1 error, 2 skipped, 2 warnings/);
  t.match(text, /By operation\n\s+operation\s+passed\s+failed\s+error\s+skipped\s+total\n\s+CreateSIPControlApp\s+1\s+1\s+0\s+0\s+2/);
  t.match(text, /By check\n\s+check\s+passed\s+failed\s+warning\n/);
  t.match(text, /\n\s+status-code\s+2\s+1\s+0\n/);
  t.match(text, /\n\s+documented-fields\s+0\s+0\s+1\n/);

  const failures = text.slice(text.indexOf('Failures: 3 failed checks in '));
  t.match(failures, /1\) lifecycle-002 Create with a long name is accepted/);
  t.match(failures, /check\s+status-code \(normative\)/);
  t.match(failures, /rule\s+page responses, E12\/E13/);
  t.match(failures, /expected 200 \| 201/);
  t.match(failures, /actual\s+500/);
  t.match(failures, /request\s+POST https:\/\/sip\.example\.test\/rest\/sip\/app/);
  t.match(failures, /response HTTP 500 \(application\/json; charset=utf-8\)/);
  t.match(failures, /curl\s+curl -sS -X POST 'https:\/\/sip\.example\.test\/rest\/sip\/app' -H 'X-Auth-Token: \$SIPAPP_TOKEN'/);
  t.match(text, /Errors: could not be evaluated \(1\)[\s\S]*error\s+transport: socket hang up[\s\S]*response no response: ECONNRESET/);
  t.match(text, /Warnings, advisory \(2\)\n\s+! lifecycle-001 error-status-matches \(E02\)/);
  t.match(text, /Reports\n {2}\/tmp\/x\/junit\.xml\n {2}\/tmp\/x\/report\.html\n$/);
  t.notMatch(text, JWT_RE, 'no raw JWT');
  t.ok(text.split('\n').every((l) => l.length < 400 || l.startsWith('     curl')), 'no runaway lines (long bodies excerpted)');
});

t.test('colour only when asked', async (t) => {
  const out = collector();
  await drive(new ConsoleReporter({ stream: out.stream, color: true }));
  t.ok(out.text().includes(`${ESC}[32m✓${ESC}[0m`), 'green tick');
  t.ok(out.text().includes(`${ESC}[31m✗${ESC}[0m`), 'red cross');
  t.notOk(out.text().includes(`${ESC}[31mred`), 'a server-sent escape sequence is not passed through');
});

t.test('quiet prints only the summary', async (t) => {
  const out = collector();
  await drive(new ConsoleReporter({ stream: out.stream, quiet: true }));
  const text = out.text();
  t.notMatch(text, /\[\d\/8\]/, 'no progress');
  t.notMatch(text, /By operation|Failures \(|curl /, 'no tables or evidence');
  t.match(text, /FAILED {2}8 cases/);
  t.match(text, /✗ lifecycle-002 Create with a long name is accepted status-code, no-server-error/);
  t.match(text, /! validation-010 .* error: transport/);
});

t.test('an all-passing run says PASSED and prints no failure sections', async (t) => {
  const out = collector();
  const passing = buildRun().cases.filter((c) => c.status === 'passed' && c.checks.every((k) => k.status === 'passed'));
  await drive(new ConsoleReporter({ stream: out.stream }), buildRun(passing));
  t.match(out.text(), /PASSED {2}2 cases: 2 passed, 0 failed, 0 errors, 0 skipped, 0 warnings/);
  t.notMatch(out.text(), /Failures|Errors:|Warnings/);
});

t.test('each warning once, the coverage figure once', async (t) => {
  const out = collector();
  const run = buildRun();
  // The same advisory outcome twice in one case (a document sent in two encodings).
  const warned = run.cases.find((c) => c.checks.some((k) => k.status === 'warning'))!;
  const warning = warned.checks.find((k) => k.status === 'warning')!;
  warned.checks.push({ ...warning });
  run.coverage = computeCoverage(run.cases);
  await drive(new ConsoleReporter({ stream: out.stream }), run);
  const text = out.text();
  const lines = text.split('\n').filter((l) => l.includes(warning.message.slice(0, 40)) && l.includes(`! ${warned.id}`));
  t.equal(lines.length, 1, 'one line for the repeated warning');
  t.match(lines[0], /\(×2\)$/, 'saying how many times');
  t.equal(text.match(/API coverage [\d.]+%/g)?.length, 1, 'the coverage headline once');
  t.match(text, /API coverage by answer\n/, 'the table under its own heading');
});
