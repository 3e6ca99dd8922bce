import t from 'tap';
import { acceptable, networkRun } from '../../scripts/network-readings.ts';
import { startReferenceServer } from '../../src/server/index.ts';
import { HttpClient } from '../../src/runner/http.ts';

// Issue 22: a flaky network is never the API's fault. A few seeded runs here; the 10- and 20-run
// figures come from `npm run network-readings` (README, staging safety).

for (const seed of [1, 2]) {
  t.test(`5% of connections reset (seed ${seed}): no failure, nothing left behind, at most one case in error`, async (t) => {
    const r = await networkRun('connection-resets', seed);
    t.ok(acceptable(r), `${r.failed} failed, ${r.errors} in error, ${r.leftovers} left behind:\n${r.problems.join('\n')}`);
    t.equal(r.failed, 0, 'no failure blamed on the API');
    t.equal(r.leftovers, 0, 'nothing left on the target');
    t.ok((r.resent?.requests ?? 0) > 0, `the resets happened and were ridden out: ${JSON.stringify(r.resent)}`);
  });
}

t.test('same seed, same resets: the network reading reproduces', async (t) => {
  // Requests one at a time, none sent again: which ones are lost depends on the seed alone.
  const pattern = async (seed: number): Promise<string> => {
    const server = await startReferenceServer({ reading: 'connection-resets', networkSeed: seed });
    const http = new HttpClient({ timeoutMs: 2000, maxBodyBytes: 1 << 20, retries: 0 });
    try {
      let marks = '';
      for (let i = 0; i < 120; i++) {
        const reply = await http.send({ method: 'GET', url: `${server.url}/rest/sip/app`, headers: { 'x-auth-token': server.fixtures.a.token } });
        marks += reply.kind === 'response' ? '.' : 'x';
      }
      return marks;
    } finally {
      await http.close();
      await server.close();
    }
  };
  const first = await pattern(7);
  t.match(first, /x/, `some requests are reset: ${first}`);
  t.equal(await pattern(7), first, 'the same ones again');
  t.not(await pattern(8), first, 'another seed, other ones');
});

t.test('a bad token answered 401 before the body is read, Connection: close: every case passes', async (t) => {
  const r = await networkRun('auth-before-body', 1);
  t.equal(r.failed + r.errors, 0, r.problems.join('\n'));
  t.equal(r.leftovers, 0);
});
