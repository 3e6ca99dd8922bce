import t from 'tap';
import { parseBudget, share, propertySeed, describeBudget } from '../../src/runner/budget.ts';
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
