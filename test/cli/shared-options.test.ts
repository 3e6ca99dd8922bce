import t from 'tap';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReferenceServer } from '../../src/server/index.ts';
import { listen } from '../safety/helpers.ts';
import { runCli } from './helpers.ts';

/**
 * `cleanup` and `verify` take the target options `run` takes, with the same definitions
 * (src/cli/options.ts): --header on every request, and for cleanup --token-command.
 */

/** A gateway in front of the reference server that records the headers of every request it forwards. */
async function gateway(target: string) {
  const seen: Array<Record<string, string | string[] | undefined>> = [];
  const upstream = new URL(target);
  const g = await listen((req, res) => {
    seen.push(req.headers);
    const fwd = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(fwd);
  });
  return { ...g, seen };
}

const RUN_ID = 'sct-20261204160000-abcdef';

t.test('cleanup --token-command --header: the token from the command, the header on every request', async (t) => {
  const server = await startReferenceServer({ port: 0 });
  t.teardown(() => server.close());
  const gw = await gateway(server.url);
  t.teardown(() => gw.close());
  const token = server.fixtures.a.token;
  // An app an aborted run left, and its ledger.
  const body = { name: `${RUN_ID}-app-1`, subdomain: `${RUN_ID}-s1` };
  const created = await fetch(`${server.url}/rest/sip/app`, { method: 'POST', headers: { 'x-auth-token': token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const uuid = ((await created.json()) as { payload: { uuid: string } }).payload.uuid;
  t.ok(uuid, 'an app to clean up');
  const out = t.testdir();
  mkdirSync(join(out, 'ledger'));
  const at = new Date().toISOString();
  writeFileSync(join(out, 'ledger', `${RUN_ID}.jsonl`), [
    { at, runId: RUN_ID, event: 'intent', key: 'app-1', name: body.name, subdomain: body.subdomain },
    { at, runId: RUN_ID, event: 'created', key: 'app-1', uuid },
  ].map((e) => JSON.stringify(e)).join('\n') + '\n');

  const r = await runCli(['cleanup', '--base-url', gw.url, '--out', out, '--run', RUN_ID, '--token-command', `printf %s ${token}`, '--header', 'X-Gateway-Key: gw-key-1']);
  t.equal(r.code, 0, r.out + r.err);
  t.match(r.out, new RegExp(`${RUN_ID}: ✓`));
  const after = await fetch(`${server.url}/rest/sip/app/${uuid}`, { headers: { 'x-auth-token': token } });
  t.equal(after.status, 404, 'the app is gone');
  t.ok(gw.seen.length > 0, 'requests went through the gateway');
  t.ok(gw.seen.every((h) => h['x-gateway-key'] === 'gw-key-1'), '--header on every request');
  t.ok(gw.seen.every((h) => h['x-auth-token'] === token), "the command's token on every request");

  const failing = await runCli(['cleanup', '--base-url', gw.url, '--out', out, '--run', RUN_ID, '--token-command', 'exit 3']);
  t.equal(failing.code, 2, 'a failing token command is a usage error');
  t.match(failing.err, /^sipapp-conformance: --token-command: the command exited with 3\n$/);
});

t.test('verify --header: on the state set-ups and the relayed interactions alike', async (t) => {
  const server = await startReferenceServer({ port: 0 });
  t.teardown(() => server.close());
  const gw = await gateway(server.url);
  t.teardown(() => gw.close());
  const { a } = server.fixtures;
  const r = await runCli([
    'verify', '--base-url', gw.url, '--reporter', 'json', '--out', t.testdir(), '--header', 'X-Gateway-Key: gw-key-2',
    '--tnlease', a.tnleases[0]!, '--tnlease', a.tnleases[1]!, '--call-uuid', a.calls[0]!, '--outbound-voice-profile', a.outboundVoiceProfile,
  ], { SIPAPP_TOKEN: a.token });
  t.equal(r.code, 0, r.out + r.err);
  t.ok(gw.seen.length > 20, `every interaction went through the gateway (${gw.seen.length} requests)`);
  t.same(gw.seen.filter((h) => h['x-gateway-key'] !== 'gw-key-2').length, 0, '--header on every request');
});
