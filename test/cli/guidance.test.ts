import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli, linesOf, BIN, ROOT, type CliOutcome } from './helpers.ts';
import { COMMAND_NAMES } from '../../src/cli/main.ts';
import { nearest } from '../../src/cli/usage.ts';

/** Issue 13 (4–7): a CLI that says what is wrong and what to do. */

function usageError(t: Test, r: CliOutcome, what: RegExp): void {
  t.equal(r.code, 2, 'exit 2');
  const lines = linesOf(r.err);
  t.equal(lines.length, 1, `one stderr line: ${JSON.stringify(r.err)}`);
  t.match(lines[0], what);
  t.notMatch(r.err, /^\s*at /m, 'no stack frames');
}

const invalid: Array<[string, string[], Record<string, string>, RegExp]> = [
  ['--reporter nonsense', ['run', '--reporter', 'nonsense'], {}, /--reporter: "nonsense" is not one of console, junit, tap, json, html\b/],
  ['--reporter jsno (a typo)', ['run', '--reporter', 'jsno'], {}, /--reporter: "jsno" is not one of .*; did you mean json\?$/],
  ['--check nosuch', ['run', '--check', 'nosuch'], {}, /--check: "nosuch" is not one of no-server-error, status-code, .*call-uuid-matches/],
  ['--operation Nope', ['list', '--operation', 'Nope'], {}, /--operation: "Nope" is not one of CreateSIPControlApp, /],
  ['SIPAPP_REPORTER=nonsense', ['run'], { SIPAPP_REPORTER: 'nonsense' }, /--reporter \(from SIPAPP_REPORTER\): "nonsense" is not one of console, /],
  ['--timeout abc', ['run', '--timeout', 'abc'], {}, /--timeout must be a number ≥ 1, got "abc"$/],
  ['--timeout=abc', ['run', '--timeout=abc'], {}, /--timeout must be a number ≥ 1, got "abc"$/],
  ['a command typo: rn', ['rn'], {}, /Unknown argument: rn; did you mean the command run\?$/],
  ['a command typo: lsit', ['lsit'], {}, /Unknown argument: lsit; did you mean the command list\?$/],
  ['a command typo: rpelay', ['rpelay'], {}, /Unknown argument: rpelay; did you mean the command replay\?$/],
  ['a command typo: rnu (run, not replay)', ['rnu'], {}, /Unknown argument: rnu; did you mean the command run\?$/],
  ['an option typo: --reportr', ['run', '--reportr', 'json'], {}, /Unknown argument: reportr; did you mean --reporter\?$/],
  ['list with a selection matching nothing', ['list', '--tag', 'nosuch'], {}, /matches no case/],
  ['--token against the embedded server', ['run', '--token', 'x', '--suite', 'list'], {}, /--token applies to --base-url targets; the embedded reference server uses its own accounts/],
];
for (const [title, args, env, what] of invalid) {
  t.test(`usage error names the value and the choices: ${title}`, async (t) => usageError(t, await runCli(args, env), what));
}

t.test('every command, its 2nd and 3rd letters swapped or its last one dropped, is suggested as itself', async (t) => {
  t.ok(COMMAND_NAMES.includes('replay'), 'replay is a command');
  for (const name of COMMAND_NAMES) {
    const swapped = name[0] + name[2] + name[1] + name.slice(3);
    t.equal(nearest(swapped, COMMAND_NAMES), name, `${swapped} → ${name}`);
    if (name.length > 3) t.equal(nearest(name.slice(0, -1), COMMAND_NAMES), name, `${name.slice(0, -1)} → ${name}`);
  }
  t.equal(nearest('xyzzy', COMMAND_NAMES), undefined, 'nothing close: no suggestion');
});

t.test('an unknown SIPAPP_* variable is a warning, not an abort', async (t) => {
  const r = await runCli(['checks'], { SIPAPP_BOGUS: '1', SIPAPP_REPORTR: 'json' });
  t.equal(r.code, 0, 'the command runs');
  t.match(r.err, /warning: ignoring unknown environment variable SIPAPP_BOGUS\n/);
  t.match(r.err, /warning: ignoring unknown environment variable SIPAPP_REPORTR \(did you mean SIPAPP_REPORTER\?\)/);
});

t.test('run and list agree on an empty selection: both exit 2', async (t) => {
  const out = t.testdir();
  const run = await runCli(['run', '--tag', 'nosuch', '--reporter', 'json', '--out', out]);
  const list = await runCli(['list', '--tag', 'nosuch']);
  t.equal(run.code, 2);
  t.equal(list.code, 2);
  t.equal(run.err, list.err, 'the same line');
});

t.test('serve on a port in use: a usage error naming the port', async (t) => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  t.teardown(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  const port = (blocker.address() as AddressInfo).port;
  usageError(t, await runCli(['serve', '--port', String(port)]), new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use; choose another with --port`));
});

t.test('validate OP STATUS - reads the body from stdin, as the README says', async (t) => {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIPAPP_'))), NO_COLOR: '1' };
  const ok = spawnSync(process.execPath, [BIN, 'validate', 'ListSIPControlApps', '200', '-'], { cwd: ROOT, env, input: '{"success":true,"payload":[]}', encoding: 'utf8' });
  t.equal(ok.status, 0, ok.stderr);
  t.match(ok.stdout, /✓ - is a valid ListSIPControlApps 200 body/);
  const bad = spawnSync(process.execPath, [BIN, 'validate', 'ListSIPControlApps', '200', '-'], { cwd: ROOT, env, input: '{"success":true,"payload":{}}', encoding: 'utf8' });
  t.equal(bad.status, 1);
});

t.test('npm start with SIPAPP_TOKEN exported: the embedded run ignores it (one notice) and passes', async (t) => {
  const out = t.testdir();
  const r = await runCli(['run', '--reporter', 'json', '--out', out], { SIPAPP_TOKEN: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGFnaW5nIn0.c3RhZ2luZy1zaWduYXR1cmU', SIPAPP_TOKEN_B: 'another-staging-token' });
  t.equal(r.code, 0, 'passes');
  t.match(r.err, /notice: SIPAPP_TOKEN is ignored: no --base-url/);
  t.match(r.err, /notice: SIPAPP_TOKEN_B is ignored/);
  t.equal(linesOf(r.err).length, 2, 'one notice line each');
});

t.test('a run removes the files of reporters it did not run, and the ledger of a clean run', async (t) => {
  const out = t.testdir();
  for (const f of ['junit.xml', 'report.html', 'results.tap']) writeFileSync(join(out, f), 'from an earlier run');
  const r = await runCli(['run', '--suite', 'lifecycle', '--reporter', 'json', '--out', out]);
  t.equal(r.code, 0, r.err);
  t.same(readdirSync(out).filter((f) => !f.startsWith('.')).sort(), ['results.json'], 'only this run\'s report: the clean run\'s ledger is removed, and its empty folder');
  t.ok(existsSync(join(out, 'results.json')));
});

t.test("verify's default contracts are the package's own, wherever it is run from", async (t) => {
  const { PACKAGE_PACTS } = await import('../../src/cli/commands/verify.ts');
  t.ok(PACKAGE_PACTS.startsWith('/') && PACKAGE_PACTS.endsWith(join('contracts', 'pacts')), PACKAGE_PACTS);
  t.equal(PACKAGE_PACTS, join(ROOT, 'contracts', 'pacts'), 'resolved from the package, not the working directory');
  t.ok(readdirSync(PACKAGE_PACTS).some((f) => f.endsWith('.json')), 'holds the pact');
});
