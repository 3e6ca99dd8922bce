import t from 'tap';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/runner/options.ts';

// A shrunk failure is something a person can act on: a short sequence, numbered steps, and a
// script that replays it against the server on its own (fresh apps, uuids captured with jq).
const hasTools = ['bash', 'curl', 'jq'].every((tool) => spawnSync('which', [tool]).status === 0);

t.test('the model finds a lease that cannot be re-added, shrinks it, and the replay script reproduces it', { skip: hasTools ? false : 'needs bash, curl and jq' }, async (t) => {
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', fault: 'lease-readd-ignored' });
  t.teardown(() => server.close());
  const { a, b } = server.fixtures;
  const out = t.testdir();
  const { result } = await runConformanceSuite({
    // The fixtures the embedded target hands out, so this is `run --fault lease-readd-ignored --suite generated --grep stateful --seed 1 --budget 400`.
    ...DEFAULT_RUN_OPTIONS, baseUrl: server.url, token: a.token, tokenB: b.token, tnlease: a.tnleases.slice(0, 2),
    outboundVoiceProfile: a.outboundVoiceProfile, callUuid: a.calls[0], expiredToken: a.expiredToken,
    reporter: [], out, suite: ['generated'], grep: ['stateful'], seed: 1, budget: { requests: 400 },
  });
  const c = result.cases.find((x) => x.id === 'generated.stateful')!;
  t.equal(c.status, 'failed');
  const failure = c.checks.find((o) => o.status === 'failed')!;
  t.equal(failure.check, 'lease-assignment');
  const steps = failure.message.split('\n').slice(1);
  t.ok(steps.length >= 3 && steps.length <= 8, `shrunk to a short sequence (${steps.length} steps)`);
  t.match(steps[0], /^1\. create app 1/);
  t.match(failure.message, /seed -?\d+ \(run --seed 1\)/, 'names the seed');
  const script = c.exchanges[failure.exchange!].curl;
  t.match(script, /^#!\/usr\/bin\/env bash/);
  t.equal(result.cases.find((x) => x.id === 'cleanup.run-resources')?.status, 'passed', 'cleanup removed what the run created');

  // Replay: the last answer of the script is the lease list that lacks the re-added lease.
  const file = join(out, 'replay.sh');
  writeFileSync(file, script);
  // Asynchronously: the server answering the script lives in this process.
  const run = await promisify(execFile)('bash', [file], { env: { ...process.env, SIPAPP_TOKEN: a.token }, encoding: 'utf8', timeout: 30_000 });
  const answers = run.stdout.trim().split('\n').filter(Boolean);
  const last = JSON.parse(answers.at(-1)!) as { payload: Array<{ uuid: string }> };
  const readded = [...script.matchAll(/"add":\[([^\]]+)\]/g)].at(-1)![1].split(',').map((s) => JSON.parse(s) as string);
  t.ok(readded.some((lease) => !last.payload.some((l) => l.uuid === lease)), 'the replay shows the same failure: a re-added lease is missing');
});
