import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { runTokenCommand, TokenSource } from '../../src/runner/token-source.ts';
import { UsageError } from '../../src/runner/options.ts';
import { referenceRunOptions } from '../safety/helpers.ts';

/** A token command against the reference server's renewal endpoint (what a login script is to staging). */
const commandFor = (url: string, account: 'a' | 'b') =>
  `${JSON.stringify(process.execPath)} -e "fetch('${url}/_reference/token?account=${account}').then(r=>r.text()).then(t=>process.stdout.write(t))"`;

t.test('tokens that expire mid-run are renewed and the run passes', async (t) => {
  // Tokens live 3 s (2 to 3 s: JWT times are whole seconds); at 25 requests a second the run takes several lifetimes,
  // and a renewed token outlives a slow token command on a busy machine.
  const server = await startReferenceServer({ tokenLifetimeSeconds: 3 });
  t.teardown(() => server.close());
  const suites = ['get', 'modify', 'isolation', 'auth', 'lifecycle'];

  const stale = await runConformanceSuite(referenceRunOptions(server, t.testdir(), { suite: suites, rate: 25 }));
  t.equal(stale.result.summary.exitCode, 1, 'control: with the static tokens the run fails once they expire');

  const out = t.testdir();
  const { result } = await runConformanceSuite(referenceRunOptions(server, out, {
    suite: suites, rate: 25, reporter: ['json'],
    token: undefined, tokenB: undefined,
    tokenCommand: commandFor(server.url, 'a'), tokenCommandB: commandFor(server.url, 'b'),
  }));
  t.same(result.cases.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => `${c.id}: ${c.reason ?? c.checks.find((k) => k.status === 'failed')?.message}`), [], 'every case passed');
  t.equal(result.summary.exitCode, 0);
  const resent = result.cases.flatMap((c) => c.exchanges).filter((e) => /sent again with a renewed token/.test(e.purpose));
  t.ok(resent.length > 0, `${resent.length} requests were sent again after their token expired`);
  t.ok(resent.every((e) => e.response && e.response.status !== 401), 'and none of them was refused again');
  const auth = result.cases.filter((c) => c.suite === 'auth');
  t.ok(auth.length > 0 && auth.every((c) => c.exchanges.every((e) => !/renewed token/.test(e.purpose) || e.request.headers['x-auth-token'] === '$SIPAPP_TOKEN')), 'forged tokens are never renewed: their 401 stands');
  const text = readFileSync(join(out, 'results.json'), 'utf8');
  t.notMatch(text, /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/, 'no renewed token in the bundle');
  t.match(text, /"tokenCommand": "<set>"/, 'the command itself is not recorded');
});

t.test('which 401s renew the token', async (t) => {
  let runs = 0;
  const source = new TokenSource({ command: 'echo tok-1', option: '--token-command', refreshSeconds: 0, onToken: () => { runs++; } });
  t.equal(await source.start(), 'tok-1');
  t.equal(await source.afterUnauthorized('not-from-the-command'), undefined, 'a token neither issued nor accepted: the 401 stands');
  t.equal(await source.afterUnauthorized('tok-1'), 'tok-1', 'a token just issued is renewed once');
  source.noteResent('tok-1', 401);
  t.equal(await source.afterUnauthorized('tok-1'), undefined, 'refused even after renewal: no more renewals');
  t.equal(runs, 2);
  source.noteAnswer('tok-1', 200);
  const [x, y] = await Promise.all([source.afterUnauthorized('tok-1'), source.afterUnauthorized('tok-1')]);
  t.equal(x, 'tok-1');
  t.equal(y, 'tok-1');
  t.equal(runs, 3, 'concurrent 401s share one run of the command');
  t.equal(source.refreshes, 2);
});

t.test('scheduled refresh runs the command every --token-refresh seconds', async (t) => {
  let runs = 0;
  const source = new TokenSource({ command: 'echo tok', option: '--token-command', refreshSeconds: 0.2, onToken: () => { runs++; } });
  await source.start();
  await new Promise((r) => setTimeout(r, 750));
  source.stop();
  t.ok(runs >= 3, `${runs} runs in 0.75 s`);
});

t.test('a failing or empty command is a usage error that quotes nothing it printed', async (t) => {
  const failed = await runTokenCommand('echo secret-123 >&2; echo secret-456; exit 3', '--token-command').catch((e: unknown) => e);
  t.ok(failed instanceof UsageError, 'a usage error (exit 2)');
  const err = await runTokenCommand('echo secret-123 >&2; exit 3', '--token-command').catch((e: Error) => e);
  t.equal((err as Error).message, '--token-command: the command exited with 3');
  await t.rejects(runTokenCommand('true', '--token-command'), { message: /must print exactly one token/ });
  await t.rejects(runTokenCommand('echo a b', '--token-command'), { message: /several words/ });
  const cli = spawnSync(process.execPath, ['bin/sipapp-conformance.js', 'run', '--base-url', 'http://127.0.0.1:9', '--token-command', 'echo hunter2-secret; exit 1'], { encoding: 'utf8' });
  t.equal(cli.status, 2, 'exit 2');
  t.equal(cli.stderr, 'sipapp-conformance: --token-command: the command exited with 1\n', 'one line, nothing of the output');
});
