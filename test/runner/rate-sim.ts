/**
 * A discrete-event simulation of a run against a rate-limited server, on a fake clock: `workers`
 * concurrent requesters share one RateController, as the HTTP client's requests do; the server
 * lets `limit` requests through per calendar second (fixed window, like the reading
 * rate-limited-429) and answers the rest 429 with Retry-After: 1. Used by the controller's tests.
 */
import { RateController, type Ticket } from '../../src/runner/rate-controller.ts';
import { readRateLimitHeaders } from '../../src/runner/rate-limit-headers.ts';

export interface SimOptions {
  requests: number;
  limit: number;
  workers?: number;
  latencyMs?: number;
  /** Epoch ms the run starts at (its phase within the server's second). */
  startAt?: number;
  /** Send RateLimit-Policy/RateLimit headers with every answer. */
  headers?: boolean;
  /** Retry-After, seconds. */
  retryAfterS?: number;
}

export interface SimResult {
  ms: number;
  throttled: number;
  controller: RateController;
}

export function simulate(o: SimOptions): SimResult {
  const c = new RateController();
  const latency = o.latencyMs ?? 2;
  const retryAfter = (o.retryAfterS ?? 1) * 1000;
  let now = o.startAt ?? 1_700_000_000_000;
  const started = now;
  // The server: a fixed window per calendar second.
  let window = -1;
  let used = 0;
  const serve = (at: number): { ok: boolean; headers: Record<string, string> } => {
    const second = Math.floor(at / 1000);
    if (second !== window) { window = second; used = 0; }
    const ok = ++used <= o.limit;
    const headers: Record<string, string> = {};
    if (o.headers) {
      headers['ratelimit-policy'] = `"default";q=${o.limit};w=1`;
      headers['ratelimit'] = `"default";r=${Math.max(0, o.limit - used)};t=1`;
    }
    return { ok, headers };
  };
  type Event = { at: number; run: () => void };
  const queue: Event[] = [];
  const schedule = (at: number, run: () => void) => {
    queue.push({ at, run });
  };
  let left = o.requests;
  let done = 0;
  let throttled = 0;
  const worker = () => {
    if (left === 0) return;
    left--;
    attempt();
  };
  const attempt = () => {
    const ticket: Ticket = c.reserve(now);
    schedule(ticket.sentAt, () => {
      if (!c.stillClear(ticket)) { attempt(); return; }
      const answer = serve(now);
      schedule(now + latency, () => {
        const hint = readRateLimitHeaders(answer.headers, now);
        if (hint) c.heard(hint, now);
        if (answer.ok) {
          c.passedAt(ticket, now);
          done++;
          worker();
        } else {
          throttled++;
          c.throttledAt(ticket, now, retryAfter);
          schedule(now + retryAfter, attempt);
        }
      });
    });
  };
  for (let i = 0; i < (o.workers ?? 16); i++) worker();
  while (queue.length) {
    let i = 0;
    for (let j = 1; j < queue.length; j++) if (queue[j]!.at < queue[i]!.at) i = j;
    const [e] = queue.splice(i, 1);
    now = Math.max(now, e!.at);
    e!.run();
  }
  if (done !== o.requests) throw new Error(`simulated ${done} of ${o.requests}`);
  return { ms: now - started, throttled, controller: c };
}
