import t from 'tap';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_NAMES } from '../../src/checks/catalogue.ts';
import { fillPlaceholderUuids, readStoredExample } from '../../src/spec/page-examples.ts';
import { runCli, spawnCli, linesOf } from './helpers.ts';

const caseLines = (out: string) => linesOf(out).filter((l) => !/^\d+ case\(s\)$/.test(l));
const caseIds = (out: string) => caseLines(out).map((l) => l.split(/\s+/)[0]);

t.test('--help (the real bin) lists the commands and the options', async (t) => {
  const r = spawnCli(['--help']);
  t.equal(r.code, 0);
  t.equal(r.err, '');
  for (const command of ['run', 'list', 'checks', 'validate', 'serve', 'cleanup']) t.match(r.out, new RegExp(`sipapp-conformance ${command}\\b`), `command ${command}`);
  t.match(r.out, /SIPAPP_BASE_URL/);
  t.match(r.out, /--config/);
  t.match(r.out.replace(/\s+/g, ' '), /Exit codes: 0 .* 1 .* 2 usage or configuration error, 130 interrupted/);

  const run = spawnCli(['run', '--help']);
  t.equal(run.code, 0);
  for (const option of ['--base-url', '--token', '--token-b', '--tnlease', '--outbound-voice-profile', '--call-uuid', '--expired-token', '--reporter', '--out',
    '--strict', '--timeout', '--deadline', '--max-body', '--retries', '--concurrency', '--rate', '--fault', '--grep', '--suite', '--tag', '--operation', '--shard', '--read-only']) {
    t.match(run.out, new RegExp(`${option}\\b`), `run --help names ${option}`);
  }
  const version = spawnCli(['--version']);
  t.equal(version.code, 0);
  t.match(version.out, /^\d+\.\d+\.\d+/);
});

t.test('checks prints every check name', async (t) => {
  const r = await runCli(['checks']);
  t.equal(r.code, 0);
  t.equal(r.err, '');
  const names = linesOf(r.out).map((l) => l.split(/\s+/)[0]);
  t.same(names, CHECK_NAMES);
  t.match(r.out, /^no-secrets-exposed\s+advisory /m);
  t.match(r.out, /^status-code\s+normative /m);
});

t.test('list --suite auth prints 8 cases', async (t) => {
  const r = await runCli(['list', '--suite', 'auth']);
  t.equal(r.code, 0);
  t.equal(r.err, '');
  t.equal(caseLines(r.out).length, 8);
  t.match(r.out, /\n8 case\(s\)\n$/);
  t.ok(caseIds(r.out).every((id) => id.startsWith('auth.')));

  const json = await runCli(['list', '--suite', 'auth', '--json']);
  t.equal(json.code, 0);
  t.equal(JSON.parse(json.out).length, 8);

  const ro = await runCli(['list', '--suite', 'list', '--read-only']);
  t.match(ro.out, /list\.contains-created.*\(skipped in --read-only\)/);
  t.notMatch(ro.out, /list\.shape.*skipped/);
});

t.test('list: shards partition the cases', async (t) => {
  const all = caseIds((await runCli(['list'])).out);
  const parts = [];
  for (const i of [1, 2, 3]) parts.push(...caseIds((await runCli(['list', '--shard', `${i}/3`])).out));
  t.same([...parts].sort(), [...all].sort());
  t.equal(new Set(parts).size, parts.length);
});

t.test('a --config YAML file provides options', async (t) => {
  const dir = t.testdir({
    'grep.yaml': 'grep:\n  - list\\.shape\n',
    'suite.yaml': 'suite: auth\noperation: [ListSIPControlApps, GetSIPControlAppByUUID]\n',
    'suite.json': JSON.stringify({ suite: ['auth'], tag: ['security'] }),
    'empty.yaml': '',
    'bad.yaml': 'grep: [unclosed\n',
    'list.yaml': '- a\n- b\n',
  });
  const grep = await runCli(['list', '--config', join(dir, 'grep.yaml')]);
  t.equal(grep.code, 0, grep.err);
  t.same(caseIds(grep.out), ['list.shape']);

  const two = await runCli(['list', '--config', join(dir, 'suite.yaml')]);
  t.same(caseIds(two.out), ['auth.ListSIPControlApps', 'auth.GetSIPControlAppByUUID']);
  t.equal(caseIds((await runCli(['list', '--config', join(dir, 'suite.json')])).out).length, 8, 'JSON is YAML');

  const flagWins = await runCli(['list', '--config', join(dir, 'suite.yaml'), '--operation', 'CreateSIPControlApp']);
  t.same(caseIds(flagWins.out), ['auth.CreateSIPControlApp'], 'a flag overrides the file');

  t.equal((await runCli(['list', '--config', join(dir, 'empty.yaml')])).code, 0, 'an empty file is no options');
  for (const [file, what] of [['bad.yaml', /is not valid YAML\/JSON/], ['list.yaml', /must hold a mapping/]] as const) {
    const r = await runCli(['list', '--config', join(dir, file)]);
    t.equal(r.code, 2, file);
    t.equal(linesOf(r.err).length, 1);
    t.match(r.err, what);
  }
});

t.test('SIPAPP_* environment variables provide options', async (t) => {
  const grep = await runCli(['list'], { SIPAPP_GREP: 'list\\.shape' });
  t.equal(grep.code, 0, grep.err);
  t.same(caseIds(grep.out), ['list.shape']);
  const suite = await runCli(['list'], { SIPAPP_SUITE: 'auth' });
  t.equal(caseLines(suite.out).length, 8);
  const flagWins = await runCli(['list', '--grep', 'auth\\.List'], { SIPAPP_GREP: 'list\\.shape' });
  t.same(caseIds(flagWins.out), ['auth.ListSIPControlApps'], 'a flag overrides the variable');
  const shard = await runCli(['list'], { SIPAPP_SHARD: '4/3' });
  t.equal(shard.code, 2, 'variables are validated like flags');
  t.match(shard.err, /--shard must be i\/n/);
  const run = await runCli(['run', '--token', 'x'], { SIPAPP_BASE_URL: 'not-a-url' });
  t.equal(run.code, 2);
  t.match(run.err, /--base-url is not a URL: not-a-url/);
});

t.test('SIPAPP_TOKEN / SIPAPP_BASE_URL exported for `run` do not break the other commands',
  async (t) => {
    const env = { SIPAPP_TOKEN: 'a-token-of-some-length', SIPAPP_BASE_URL: 'https://api.example' };
    const list = await runCli(['list', '--suite', 'auth'], env);
    t.equal(list.code, 0, list.err);
    t.equal(caseLines(list.out).length, 8);
    const checks = await runCli(['checks'], env);
    t.equal(checks.code, 0, checks.err);
    const dir = t.testdir({ 'ok.json': JSON.stringify({ success: true, payload: [] }) });
    const validate = await runCli(['validate', 'ListSIPControlApps', '200', join(dir, 'ok.json')], env);
    t.equal(validate.code, 0, validate.err);
  });

t.test('a shared --config file with target options does not break `list`',
  async (t) => {
    const dir = t.testdir({ 'shared.yaml': 'base-url: https://api.example\ntoken: a-token-of-some-length\ngrep: [list\\.shape]\n' });
    const r = await runCli(['list', '--config', join(dir, 'shared.yaml')]);
    t.equal(r.code, 0, r.err);
    t.same(caseIds(r.out), ['list.shape']);
  });

t.test('SIPAPP_DEBUG=1, which the internal-error message recommends, is not taken for an option',
  async (t) => {
    const r = await runCli(['checks'], { SIPAPP_DEBUG: '1' });
    t.equal(r.code, 0, r.err);
    t.equal(linesOf(r.out).length, CHECK_NAMES.length);
  });

t.test('validate ListSIPControlApps 200 <file>', async (t) => {
  const valid = fillPlaceholderUuids(readStoredExample('responses/ListSIPControlApps.200.json'));
  const dir = t.testdir({
    'valid.json': JSON.stringify(valid),
    'empty-list.json': JSON.stringify({ success: true, payload: [] }),
    'invalid.json': JSON.stringify({ success: true, payload: {} }),
    'not-json.json': '<html>',
    'empty-object.json': '{}',
  });
  const ok = await runCli(['validate', 'ListSIPControlApps', '200', join(dir, 'valid.json')]);
  t.equal(ok.code, 0, ok.out + ok.err);
  t.match(ok.out, /✓ .*valid\.json is a valid ListSIPControlApps 200 body/);
  t.equal((await runCli(['validate', 'ListSIPControlApps', '200', join(dir, 'empty-list.json')])).code, 0);

  const bad = await runCli(['validate', 'ListSIPControlApps', '200', join(dir, 'invalid.json')]);
  t.equal(bad.code, 1);
  t.match(bad.out, /✗ .*invalid\.json is not a valid ListSIPControlApps 200 body/);
  t.match(bad.out, /\/payload: must be array/);
  t.equal(bad.err, '');

  // A status the operation is not documented to answer: no body is valid for it (not even `{}`).
  const undocumented = await runCli(['validate', 'ListSIPControlApps', '201', join(dir, 'empty-object.json')]);
  t.equal(undocumented.code, 1, undocumented.out);
  t.match(undocumented.out, /✗ .*empty-object\.json: ListSIPControlApps never answers 201 \(the spec documents 200, .* for ListSIPControlApps\)/);
  const undocumentedError = await runCli(['validate', 'ListSIPControlApps', '503', join(dir, 'empty-object.json')]);
  t.equal(undocumentedError.code, 1, 'an undocumented error status is still held to the error envelope');
  t.match(undocumentedError.out, /checked as an error envelope/);

  const notJson = await runCli(['validate', 'ListSIPControlApps', '200', join(dir, 'not-json.json')]);
  t.equal(notJson.code, 1);
  t.match(notJson.out, /not JSON/);

  for (const [args, what] of [
    [['validate', 'Nope', '200', join(dir, 'valid.json')], /unknown operation Nope; one of CreateSIPControlApp/],
    [['validate', 'ListSIPControlApps', '200', join(dir, 'missing.json')], /cannot read .*missing\.json: ENOENT/],
    [['validate', 'ListSIPControlApps', '99', join(dir, 'valid.json')], /<status> must be an HTTP status code from 100 to 599, got "99"/],
    [['validate', 'ListSIPControlApps', 'abc', join(dir, 'valid.json')], /<status> must be an HTTP status code from 100 to 599, got "abc"/],
    [['validate', 'ListSIPControlApps', '200'], /Not enough non-option arguments/],
  ] as const) {
    const r = await runCli([...args]);
    t.equal(r.code, 2, args.join(' '));
    t.equal(linesOf(r.err).length, 1);
    t.match(r.err, what);
    t.notMatch(r.err, /^\s*at /m);
  }
});

t.test('run --suite list against the embedded server: exit 0, results.json written', async (t) => {
  const out = t.testdir();
  const r = await runCli(['run', '--suite', 'list', '--reporter', 'json', '--out', out]);
  t.equal(r.code, 0, r.err);
  t.equal(r.err, '');
  const file = join(out, 'results.json');
  t.ok(existsSync(file));
  const bundle = JSON.parse(readFileSync(file, 'utf8'));
  t.equal(bundle.format, 'sipapp-conformance/results@1');
  t.equal(bundle.summary.exitCode, 0);
  t.equal(bundle.summary.failed, 0);
  t.ok(bundle.cases.some((c: { id: string; status: string }) => c.id === 'list.shape' && c.status === 'passed'));
  t.ok(bundle.info.target.embedded);
  // Issue 13: a clean run's ledger (everything removed) is deleted; the folder keeps only work for `cleanup`.
  t.notOk(existsSync(join(out, 'ledger')), 'the clean run\'s ledger is removed, and the folder it was alone in');
  t.notMatch(readFileSync(file, 'utf8'), /eyJ[A-Za-z0-9_-]+\.eyJ/, 'no raw JWT in the results');
});

t.test('run --fault list-500 --suite list: exit 1', async (t) => {
  const out = t.testdir();
  const r = await runCli(['run', '--fault', 'list-500', '--suite', 'list', '--reporter', 'json', '--out', out]);
  t.equal(r.code, 1, r.err);
  const bundle = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  t.equal(bundle.summary.exitCode, 1);
  t.ok(bundle.summary.failed + bundle.summary.errors > 0);
  t.match(JSON.stringify(bundle.cases), /no-server-error/);
});

t.test('run from the real bin: exit codes 0 and 1', async (t) => {
  const out = t.testdir();
  const ok = spawnCli(['run', '--suite', 'list', '--reporter', 'json', '--out', join(out, 'ok')]);
  t.equal(ok.code, 0, ok.err);
  t.ok(existsSync(join(out, 'ok', 'results.json')));
  const bad = spawnCli(['run', '--fault', 'list-500', '--suite', 'list', '--reporter', 'json', '--out', join(out, 'bad')]);
  t.equal(bad.code, 1, bad.err);
  const envOk = spawnCli(['run', '--reporter', 'json'], { SIPAPP_SUITE: 'list', SIPAPP_OUT: join(out, 'env') });
  t.equal(envOk.code, 0, envOk.err);
  t.ok(existsSync(join(out, 'env', 'results.json')), 'SIPAPP_OUT honoured');
});

t.test('config-file run: options from YAML reach the run', async (t) => {
  const dir = t.testdir();
  writeFileSync(join(dir, 'c.yaml'), `suite: [list]\nreporter: [json]\nout: ${JSON.stringify(join(dir, 'reports'))}\n`);
  const r = await runCli(['run', '--config', join(dir, 'c.yaml')]);
  t.equal(r.code, 0, r.err);
  const bundle = JSON.parse(readFileSync(join(dir, 'reports', 'results.json'), 'utf8'));
  t.ok(bundle.cases.every((c: { id: string }) => c.id.startsWith('list.') || c.id.startsWith('cleanup.')), 'only the list suite (and cleanup) ran');
  t.ok(bundle.cases.some((c: { id: string }) => c.id === 'list.shape'));
});

t.test('an empty SIPAPP_TOKEN against the embedded server is treated as unset (or refused), not sent',
  async (t) => {
    const out = t.testdir();
    const r = await runCli(['run', '--suite', 'list', '--reporter', 'json', '--out', out], { SIPAPP_TOKEN: '' });
    t.not(r.code, 1, 'either the embedded token is used (0) or the empty token is refused (2)');
  });
