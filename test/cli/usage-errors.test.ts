import t, { type Test } from 'tap';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli, spawnCli, linesOf, type CliOutcome } from './helpers.ts';

/** A usage error: exit 2, exactly one stderr line naming the problem, no stack frames, nothing on stdout. */
function usageError(t: Test, r: CliOutcome, what: RegExp): void {
  t.equal(r.code, 2, 'exit code 2');
  const lines = linesOf(r.err);
  t.equal(lines.length, 1, `exactly one stderr line: ${JSON.stringify(r.err)}`);
  t.match(lines[0], /^sipapp-conformance: /);
  t.match(lines[0], what);
  t.notMatch(r.err, /^\s*at /m, 'no stack frames');
  t.notMatch(r.err, /internal error/);
}

const cases: Array<[string, string[], RegExp]> = [
  ['base url that is not a URL', ['run', '--base-url', 'not-a-url', '--token', 'x'], /--base-url is not a URL: not-a-url/],
  ['base url that is not http(s)', ['run', '--base-url', 'ftp://example.org', '--token', 'x'], /--base-url must be http\(s\)/],
  ['nothing listening', ['run', '--base-url', 'http://127.0.0.1:9', '--token', 'x', '--reporter', 'json', '--out', '/nonexistent-never-written'], /cannot reach http:\/\/127\.0\.0\.1:9/],
  ['a dead URL without a token: the URL first', ['run', '--base-url', 'http://127.0.0.1:9'], /^sipapp-conformance: cannot reach http:\/\/127\.0\.0\.1:9: .*check --base-url/],
  ['--tnlease not a uuid', ['run', '--tnlease', 'NOTUUID'], /--tnlease must be a lower-case uuid, got "NOTUUID"/],
  ['--tnlease upper-case uuid', ['run', '--tnlease', '123E4567-E89B-12D3-A456-426614174000'], /--tnlease must be a lower-case uuid/],
  ['--outbound-voice-profile not a uuid', ['run', '--outbound-voice-profile', 'x'], /--outbound-voice-profile must be a lower-case uuid/],
  ['--shard 4/3', ['run', '--shard', '4/3'], /--shard must be i\/n with 1 ≤ i ≤ n, got "4\/3"/],
  ['--shard 0/3', ['run', '--shard', '0/3'], /--shard must be i\/n/],
  ['--shard garbage', ['run', '--shard', 'half'], /--shard must be i\/n/],
  ['list --shard 4/3', ['list', '--shard', '4/3'], /--shard must be i\/n/],
  ['--suite nope', ['run', '--suite', 'nope'], /unknown --suite nope; suites: create, list/],
  ['--grep invalid regexp', ['run', '--grep', '(['], /--grep is not a valid regular expression/],
  ['--timeout 0', ['run', '--timeout', '0'], /--timeout must be a number ≥ 1, got 0/],
  ['--concurrency not a number', ['run', '--concurrency', 'many'], /--concurrency must be a number/],
  ['--max-body too small', ['run', '--max-body', '10'], /--max-body must be a number ≥ 1024/],
  ['--operation not an operation', ['run', '--operation', 'Nope'], /--operation: "Nope" is not one of CreateSIPControlApp, .*, workflow/],
  ['--reporter unknown', ['run', '--reporter', 'pdf'], /--reporter: "pdf" is not one of console, junit, tap, json, html/],
  ['--fault with --base-url', ['run', '--base-url', 'http://127.0.0.1:9', '--token', 'x', '--fault', 'list-500'], /--fault and --latency apply to the embedded reference server only/],
  ['selection matching nothing', ['run', '--grep', 'no-such-case-anywhere', '--reporter', 'json', '--out', '/nonexistent-never-written'], /matches no case/],
  ['--budget garbage', ['run', '--budget', 'lots'], /--budget must be a positive number of requests \(e\.g\. 500\) or of seconds/],
  ['--budget 0', ['run', '--budget', '0'], /--budget must be a positive number of requests \(e\.g\. 500\) or of seconds \(e\.g\. 60s\), got "0"/],
  ['--seed not an integer', ['run', '--seed', '1.5'], /--seed must be an integer from -2147483648 to 2147483647, or random, got "1\.5"/],
  ['--seed not a number', ['run', '--seed', 'abc'], /--seed must be an integer from -2147483648 to 2147483647, or random, got "abc"/],
  ['--seed out of range', ['run', '--seed', '99999999999999'], /--seed must be an integer from -2147483648 to 2147483647, or random, got "99999999999999"/],
  ['--concurrency not whole', ['run', '--concurrency', '1.5'], /--concurrency must be a whole number ≥ 1, got 1\.5/],
  ['--retries not whole', ['run', '--retries', '0.5'], /--retries must be a whole number ≥ 0, got 0\.5/],
  ['--base-ur (a typo)', ['run', '--base-ur', 'http://x'], /^sipapp-conformance: Unknown argument: base-ur; did you mean --base-url\?$/],
  ['list --suite with a typo', ['list', '--suite', 'creat'], /unknown --suite creat; suites: create, list/],
  ['list --grep invalid regexp', ['list', '--grep', '(['], /--grep is not a valid regular expression/],
  ['validate with a status that is not a number', ['validate', 'ListSIPControlApps', 'abc', 'x.json'], /<status> must be an HTTP status code from 100 to 599, got "abc"/],
  ['unknown option', ['run', '--bogus'], /Unknown argument: bogus/],
  ['unknown command', ['frobnicate'], /Unknown argument: frobnicate/],
  ['missing config file', ['list', '--config', '/nonexistent/sipapp.yaml'], /cannot read config file \/nonexistent\/sipapp\.yaml: ENOENT/],
];

for (const [title, args, what] of cases) {
  t.test(`usage error (in-process): ${title}`, async (t) => usageError(t, await runCli(args), what));
}

t.test('usage errors from the real bin: exit 2, one line', async (t) => {
  usageError(t, spawnCli(['run', '--base-url', 'not-a-url', '--token', 'x']), /--base-url is not a URL/);
  usageError(t, spawnCli(['run', '--base-url', 'http://127.0.0.1:9', '--token', 'x']), /cannot reach http:\/\/127\.0\.0\.1:9/);
  usageError(t, spawnCli(['run', '--shard', '4/3']), /--shard must be i\/n/);
  usageError(t, spawnCli(['run', '--bogus']), /Unknown argument: bogus/);
  usageError(t, spawnCli(['validate', 'Nope', '200', 'x.json']), /unknown operation Nope/);
});

t.test('a token given on the command line never reaches stderr', async (t) => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
  const r = await runCli(['run', '--base-url', `http://127.0.0.1:9/${token}`, '--token', token]);
  usageError(t, r, /cannot reach/);
  t.notMatch(r.err, token);
});

t.test('a dead URL with a token: cannot reach it (not the token)', async (t) => {
  usageError(t, await runCli(['run', '--base-url', 'http://127.0.0.1:9', '--token', 'x', '--reporter', 'json', '--out', '/nonexistent-never-written']), /cannot reach http:\/\/127\.0\.0\.1:9/);
});

t.test('a reachable URL without a token: the token is asked for', async (t) => {
  const server = createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  usageError(t, await runCli(['run', '--base-url', url, '--token-b', 'y']), /--token or --token-command \(or SIPAPP_TOKEN \/ SIPAPP_TOKEN_COMMAND\) is required with --base-url/);
});

t.test('--out naming a file, or a path under one', async (t) => {
  const dir = t.testdir({ 'a-file': 'x' });
  const file = join(dir, 'a-file');
  usageError(t, await runCli(['run', '--out', file, '--reporter', 'json']), new RegExp(`--out ${file} is a file, not a directory`));
  usageError(t, await runCli(['run', '--out', join(file, 'sub'), '--reporter', 'json']), new RegExp(`--out ${file}/sub: ${file} is a file, not a directory`));
});

t.test('a bad key in the config file names the file', async (t) => {
  const dir = t.testdir({ 'cfg.yaml': 'base-ur: http://x\n', 'other.yaml': 'bogus-key: 1\n' });
  usageError(t, await runCli(['list', '--config', join(dir, 'cfg.yaml')]), new RegExp(`config file ${join(dir, 'cfg.yaml')}: unknown key base-ur; did you mean base-url\\?`));
  usageError(t, await runCli(['list', '--config', join(dir, 'other.yaml')]), new RegExp(`config file ${join(dir, 'other.yaml')}: unknown key bogus-key; see --help`));
  // A typo on the command line is still the command line's, even with a config file.
  usageError(t, await runCli(['list', '--config', join(dir, 'other.yaml'), '--bogus']), /Unknown argument|config file/);
});

t.test('--seed random is a seed', async (t) => {
  const r = await runCli(['list', '--seed', 'random', '--suite', 'create']);
  t.equal(r.code, 0, r.err);
});
