import t from 'tap';
import { readRateLimitHeaders } from '../../src/runner/rate-limit-headers.ts';

// E70: what a server says about its rate limit, in every form servers send it.
const NOW = Date.parse('2026-12-04T12:00:00Z');
const read = (headers: Record<string, string>) => readRateLimitHeaders(headers, NOW);

t.test('no rate-limit headers: nothing to say', async (t) => {
  t.equal(read({ 'content-type': 'application/json', 'retry-after': '1' }), undefined);
});

t.test('IETF draft -08: RateLimit-Policy states the pace, RateLimit a spent quota', async (t) => {
  t.same(read({ 'ratelimit-policy': '"default";q=25;w=1', ratelimit: '"default";r=7;t=1' }), { perSecond: 25, source: 'RateLimit' });
  t.same(read({ 'ratelimit-policy': '"default";q=100;w=60', ratelimit: '"default";r=0;t=30' }), { perSecond: 100 / 60, waitMs: 30_000, source: 'RateLimit' });
  t.same(read({ 'ratelimit-policy': '"day";q=1000;w=86400, "burst";q=10;w=1' }), { perSecond: 10, source: 'RateLimit' }, 'several policies: the shortest window governs the pace');
  t.same(read({ ratelimit: '"default";r=0;t=2' }), { waitMs: 2000, source: 'RateLimit' }, 'a spent quota without a policy');
  t.same(read({ ratelimit: '"default";r=3;t=2' }), undefined, 'quota left and no policy: nothing to act on');
  t.same(read({ 'ratelimit-policy': '"a;b, c";q=20;w=2' }), { perSecond: 10, source: 'RateLimit' }, 'separators inside a quoted name');
});

t.test('earlier drafts: RateLimit-Policy: 100;w=60, the -07 dictionary, RateLimit-Limit/-Remaining/-Reset', async (t) => {
  t.same(read({ 'ratelimit-policy': '100;w=60' }), { perSecond: 100 / 60, source: 'RateLimit' });
  t.same(read({ ratelimit: 'limit=100, remaining=0, reset=5' }), { waitMs: 5000, source: 'RateLimit' });
  t.same(read({ 'ratelimit-limit': '25, 25;w=1', 'ratelimit-remaining': '3', 'ratelimit-reset': '1' }), { perSecond: 25, source: 'RateLimit-*' });
  t.same(read({ 'ratelimit-limit': '25', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' }), { waitMs: 1000, source: 'RateLimit-*' }, 'a limit without a window states no pace');
});

t.test('X-RateLimit-*: Reset in seconds, epoch seconds or epoch milliseconds', async (t) => {
  t.same(read({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' }), { waitMs: 12_000, source: 'X-RateLimit-*' });
  t.same(read({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 30) }), { waitMs: 30_000, source: 'X-RateLimit-*' });
  t.same(read({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW + 4000) }), { waitMs: 4000, source: 'X-RateLimit-*' });
  t.same(read({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 - 5) }), { waitMs: 0, source: 'X-RateLimit-*' }, 'an epoch already past: no wait');
  t.same(read({ 'x-ratelimit-limit': '25;w=1' }), { perSecond: 25, source: 'X-RateLimit-*' });
});

t.test('values that do not parse are ignored, never thrown', async (t) => {
  for (const value of ['', 'soon', '"x";q=abc;w=1', '"x";q=10;w=0', ';;;', '"unterminated;q=1;w=1', 'q=-5']) {
    t.doesNotThrow(() => read({ 'ratelimit-policy': value, ratelimit: value, 'x-ratelimit-limit': value, 'x-ratelimit-remaining': value, 'x-ratelimit-reset': value }), value);
  }
  t.equal(read({ 'ratelimit-policy': '"x";q=10;w=0' }), undefined, 'a zero window states no pace');
  t.equal(read({ 'x-ratelimit-remaining': '-1', 'x-ratelimit-reset': '5' }), undefined);
});
