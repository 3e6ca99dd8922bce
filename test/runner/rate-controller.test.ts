import t from 'tap';
import { RateController } from '../../src/runner/rate-controller.ts';
import { simulate } from './rate-sim.ts';

// E70: one token bucket for the whole run, its rate learned from the server; driven by a fake clock.
const T0 = 1_700_000_000_000;

/** `n` answers that came through, sent and answered at `at`. */
function passMany(c: RateController, n: number, at: number): void {
  for (let i = 0; i < n; i++) c.passedAt(c.reserve(at), at);
}

t.test('not paced until the server throttles or states a limit', async (t) => {
  const c = new RateController();
  t.ok(Array.from({ length: 100 }, () => c.reserve(T0).sentAt).every((at) => at === T0), '100 requests at once');
  t.equal(c.perSecond, Infinity);
  t.equal(c.origin, undefined);
});

t.test('the first 429 sets the pace from what came through in the second before it', async (t) => {
  const c = new RateController();
  passMany(c, 10, T0 - 1500); // older than the window: not counted
  passMany(c, 25, T0 + 100);
  const rejected = c.reserve(T0 + 100);
  c.throttledAt(rejected, T0 + 120, 1000);
  t.equal(c.origin, 'answers');
  t.ok(c.perSecond > 23 && c.perSecond < 25, `just under 25/s: ${c.perSecond.toFixed(2)}`);
  t.equal(c.reserve(T0 + 200).sentAt, T0 + 1120, 'everyone waits for the Retry-After');
  const a = c.reserve(T0 + 1200).sentAt;
  const b = c.reserve(T0 + 1200).sentAt;
  t.ok(Math.abs(b - a - 1000 / c.perSecond) < 1, 'then requests are spaced at the learned rate');
});

t.test('429s to requests sent before the cut are echoes; answers still arriving from then raise the estimate', async (t) => {
  const c = new RateController();
  passMany(c, 20, T0);
  const inFlight = Array.from({ length: 8 }, () => c.reserve(T0));
  c.throttledAt(inFlight[0]!, T0 + 10, 1000);
  const after = c.perSecond;
  for (const ticket of inFlight.slice(1, 4)) c.throttledAt(ticket, T0 + 12, 1000);
  t.equal(c.perSecond, after, 'no further cut for the same excess');
  for (const ticket of inFlight.slice(4)) c.passedAt(ticket, T0 + 15);
  t.ok(c.perSecond > after, `the late answers count: ${after.toFixed(2)} → ${c.perSecond.toFixed(2)}`);
  passMany(c, 12, T0 + 1500);
  const fresh = c.reserve(T0 + 2000);
  c.throttledAt(fresh, T0 + 2000, 1000);
  t.ok(c.perSecond < after, `a 429 to a request sent after the cut cuts again, to what came through since the pause: ${c.perSecond.toFixed(2)}`);
});

t.test('throttled answers with nothing coming through set no rate: the pause holds the run, a gap spreads what follows', async (t) => {
  const c = new RateController();
  c.throttledAt(c.reserve(T0), T0, 500);
  t.equal(c.perSecond, Infinity);
  t.equal(c.origin, undefined, 'nothing learned, nothing reported');
  const resumed = Array.from({ length: 4 }, () => c.reserve(T0).sentAt);
  t.same(resumed, [T0 + 500, T0 + 520, T0 + 540, T0 + 560], 'the end of the pause does not release everyone at once');
  c.throttledAt(c.reserve(T0 + 600), T0 + 600, 0);
  const wider = c.reserve(T0 + 700).sentAt;
  t.equal(c.reserve(T0 + 700).sentAt - wider, 30, 'wider after another such answer');
  for (let i = 0; i < 200; i++) c.passedAt({ sentAt: T0 + 800 }, T0 + 800);
  const now = T0 + 100_000;
  t.same([c.reserve(now).sentAt, c.reserve(now).sentAt], [now, now], 'gone once answers come through');
});

t.test('the learned rate grows back only while the bucket holds requests back', async (t) => {
  const busy = new RateController();
  passMany(busy, 20, T0);
  busy.throttledAt(busy.reserve(T0), T0, 0);
  const start = busy.perSecond;
  let now = T0;
  for (let i = 0; i < 300; i++) now = busy.reserve(now).sentAt; // always waiting for a slot
  t.ok(busy.perSecond > start && busy.perSecond <= 20, `back towards the limit: ${start.toFixed(2)} → ${busy.perSecond.toFixed(2)}`);
  for (let i = 0; i < 2000; i++) now = busy.reserve(now).sentAt;
  t.ok(busy.perSecond > 20, `and beyond it, probing: ${busy.perSecond.toFixed(2)}`);

  const idle = new RateController();
  passMany(idle, 20, T0);
  idle.throttledAt(idle.reserve(T0), T0, 0);
  const rate = idle.perSecond;
  for (let i = 1; i <= 600; i++) idle.reserve(T0 + i * 1000); // one request a second: the bucket never binds
  t.equal(idle.perSecond, rate, 'an idle run does not build up a rate it never tried');
});

t.test('a stated pace is followed at once, with headroom, and never exceeded; a cut still lowers it', async (t) => {
  const c = new RateController();
  c.heard({ perSecond: 25 }, T0);
  t.equal(c.origin, 'headers');
  t.equal(c.perSecond, 25 * 0.97);
  let now = T0;
  for (let i = 0; i < 5000; i++) now = c.reserve(now).sentAt;
  t.equal(c.perSecond, 25 * 0.97, 'no probing past what the server states');
  passMany(c, 10, now);
  c.throttledAt(c.reserve(now), now, 1000);
  t.equal(c.origin, 'answers');
  t.ok(c.perSecond < 10, `a 429 anyway: the pace the answers show wins (${c.perSecond.toFixed(2)})`);
});

t.test('a spent quota pauses everyone until its reset, unless a pace is stated', async (t) => {
  const c = new RateController();
  c.heard({ waitMs: 3000 }, T0);
  const ticket = c.reserve(T0);
  t.equal(ticket.sentAt, T0 + 3000);
  const stated = new RateController();
  stated.heard({ perSecond: 25, waitMs: 1000 }, T0);
  t.equal(stated.reserve(T0).sentAt, T0, 'whole-second resets would cost most of each window');
});

t.test('a slot reserved before a pause began is taken back', async (t) => {
  const c = new RateController();
  passMany(c, 10, T0);
  c.throttledAt(c.reserve(T0), T0, 0);
  const early = c.reserve(T0 + 50);
  t.ok(c.stillClear(early));
  passMany(c, 0, T0);
  c.throttledAt(c.reserve(T0 + 60), T0 + 60, 1000);
  t.notOk(c.stillClear(early), 'the Retry-After came after the reservation');
});

// The goal of issue 25: a throttled run finishes within 1.2× requests ÷ limit. A simulated run of
// 16 concurrent requesters against a fixed-window limit of 25/s answering 429 with Retry-After: 1.
for (const headers of [false, true]) {
  t.test(`a simulated throttled run settles at the limit (${headers ? 'with' : 'without'} RateLimit headers)`, async (t) => {
    for (const [requests, phase, latencyMs] of [[950, 0, 1], [950, 990, 20], [450, 300, 5]] as const) {
      const run = simulate({ requests, limit: 25, startAt: T0 + phase, latencyMs, headers });
      const ratio = run.ms / ((requests / 25) * 1000);
      t.ok(ratio <= 1.2, `${requests} requests, phase ${phase} ms, latency ${latencyMs} ms: ${(run.ms / 1000).toFixed(1)} s = ${ratio.toFixed(2)}× requests ÷ limit, ${run.throttled} throttled`);
      t.ok(run.controller.perSecond >= 22 && run.controller.perSecond <= 26, `settled at ${run.controller.perSecond.toFixed(1)}/s`);
      if (headers) t.ok(run.controller.perSecond <= 25 * 0.97, 'never past the stated pace (a 429 the first burst caused may lower it further)');
      else t.equal(run.controller.origin, 'answers');
      t.ok(run.throttled <= (headers ? 16 : 40), 'few 429s after the first second');
    }
  });
}
