import t from 'tap';
import { parseBudget, share, propertySeed, describeBudget, parseSeed, resolveSeed, DEFAULT_SEED, RANDOM_SEED } from '../../src/runner/budget.ts';
import { shapingFlags, shapingOf, shapingOfBundle } from '../../src/runner/shaping.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/runner/options.ts';
import { rerunCommand } from '../../src/generate/property.ts';
import { replayScript } from '../../src/generate/replay.ts';
import type { Exchange } from '../../src/results/model.ts';

t.test('--budget: requests or seconds', async (t) => {
  t.same(parseBudget('500'), { requests: 500 });
  t.same(parseBudget(300), { requests: 300 });
  t.same(parseBudget('45s'), { seconds: 45 });
  t.same(parseBudget('1.5s'), { seconds: 1.5 });
  t.equal(parseBudget('0'), undefined);
  t.equal(parseBudget('lots'), undefined);
  t.equal(parseBudget('-3'), undefined);
  t.equal(describeBudget({ seconds: 45 }), '45s');
  t.same(share({ requests: 1000 }, 0.25), { requests: 250, ms: undefined });
  t.same(share({ seconds: 10 }, 0.5), { requests: undefined, ms: 10000 }, 'wall-clock: properties run side by side');
});

t.test('property seeds: deterministic per run seed and case, different across cases', async (t) => {
  t.equal(propertySeed(1, 'generated.a'), propertySeed(1, 'generated.a'));
  t.not(propertySeed(1, 'generated.a'), propertySeed(1, 'generated.b'));
  t.not(propertySeed(1, 'generated.a'), propertySeed(2, 'generated.a'));
});

t.test('replay script: numbered steps, uuids minted during the sequence become variables', async (t) => {
  const uuid = '0b6c2a5e-8a47-4e6f-9d34-1f2b3c4d5e6f';
  const ex = (purpose: string, method: string, url: string, status: number, body: string): Exchange => ({
    purpose, request: { method, url, headers: {} }, response: { status, headers: {}, bodyExcerpt: body, bodyTruncated: false }, durationMs: 1,
    curl: `curl -sS -X ${method} '${url}'`,
  });
  const script = replayScript('title', [
    { label: '1. create app 1', exchanges: [ex('create app 1', 'POST', 'http://h/rest/sip/app', 201, JSON.stringify({ success: true, payload: { uuid } }))] },
    { label: '2. list the leases of app 1', exchanges: [ex('list', 'GET', `http://h/rest/sip/app/${uuid}/tnlease`, 200, '{}')] },
  ]);
  t.match(script, /^#!\/usr\/bin\/env bash/);
  t.match(script, /# 1\. create app 1/);
  t.match(script, /APP1=\$\(curl -sS -X POST 'http:\/\/h\/rest\/sip\/app' \| tee \/dev\/stderr \| jq -r '\.payload\.uuid'\)/);
  t.match(script, /curl -sS -X GET 'http:\/\/h\/rest\/sip\/app\/'"\$\{APP1\}"'\/tnlease'/);
  t.notMatch(script.split('\n').slice(8).join('\n'), new RegExp(uuid), 'the minted uuid is not replayed literally');
});

// Same inputs, same verdict (issue 21.3): no --seed is a fixed seed; `random` is asked for.
t.test('--seed: an int32 or random; without it the fixed default', async (t) => {
  t.equal(parseSeed('42'), 42);
  t.equal(parseSeed(-7), -7);
  t.equal(parseSeed(' Random '), RANDOM_SEED, 'flag, SIPAPP_SEED or config file: any case');
  for (const bad of ['abc', '1.5', 1.5, '99999999999999', 2 ** 31, '', NaN]) t.equal(parseSeed(bad), undefined, `refused: ${String(bad)}`);
  t.same(resolveSeed(undefined), { seed: DEFAULT_SEED, source: 'default' }, 'no --seed: the documented fixed seed');
  t.same(resolveSeed(9), { seed: 9, source: 'given' });
  t.same(resolveSeed(RANDOM_SEED, () => 1234), { seed: 1234, source: 'random' });
});

// Issue 22.3: a hint carries what shaped the run; a bundle carries it too, and gives it back.
t.test('shaping: the flags a rerun needs, read back from a bundle', async (t) => {
  const options = { ...DEFAULT_RUN_OPTIONS, fault: 'lease-readd-ignored', strict: true, budget: { requests: 400 }, excludeCheck: ['content-type'] };
  const flags = shapingFlags(shapingOf(options, 7));
  t.same(flags, ['--fault', 'lease-readd-ignored', '--seed', '7', '--budget', '400', '--strict', '--exclude-check', 'content-type']);
  t.same(shapingFlags(shapingOf(DEFAULT_RUN_OPTIONS, DEFAULT_SEED)), ['--seed', String(DEFAULT_SEED), '--budget', String(DEFAULT_RUN_OPTIONS.budget.requests)], 'seed and budget always, the rest when not default');
  const info = { options: { ...options, budget: '400 requests' }, generation: { seed: 7, budget: '400 requests' } };
  t.same(shapingFlags(shapingOfBundle(info)), flags, 'the bundle gives back the same shape');
  t.same(shapingOfBundle({ options: {} }), {}, 'an older bundle: nothing, the caller\'s options stand');
  t.equal(rerunCommand('generated.stateful-2', ['--seed', '7']), "sipapp-conformance run --seed 7 --grep '^generated\\.stateful-2$'");
});
