/**
 * Throttling is not a conformance failure (ERRATA E70). A 429 or 503 says the request was
 * not processed and when to come back (`Retry-After`, seconds or an HTTP date), so the client
 * waits and sends it again — idempotent or not — up to a ceiling per request (`--max-wait`)
 * and never past the run deadline. After a throttled answer every request of the run pauses
 * until the server's retry time and later requests are spaced out (widening the gap on each
 * throttled answer, narrowing it slowly while answers come through), so a run against a
 * rate-limited server settles at the server's pace instead of hammering it.
 */

/** Statuses that mean "not now, come back later". */
export const THROTTLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Without Retry-After: 0.5 s, 1 s, 2 s … capped at 8 s. */
const BACKOFF_FIRST_MS = 500;
const BACKOFF_CAP_MS = 8_000;
/**
 * The adaptive gap between request starts: 20 ms after the first throttled answer, half as
 * much again after each further one, at most 200 ms (5 requests a second); 3% narrower after
 * each answer that came through.
 */
const SPACING_MIN_MS = 20;
const SPACING_MAX_MS = 200;
const SPACING_GROWTH = 1.5;
const SPACING_DECAY = 0.97;

export interface ThrottleStats {
  /** 429/503 answers waited out. */
  answers: number;
  /** Requests that got at least one of them. */
  requests: number;
  /** Time spent waiting before retries, summed over requests (concurrent waits add up). */
  waitedMs: number;
  /** Requests given up after the ceiling or the deadline. */
  gaveUp: number;
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (!/[a-z]/i.test(text) || Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** How long to wait before attempt `attempt + 1` (attempt counts from 0). */
export function backoffMs(retryAfter: number | undefined, attempt: number): number {
  // An HTTP date has one-second resolution: a date already reached still deserves a short pause.
  if (retryAfter !== undefined) return Math.max(retryAfter, 100);
  return Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * 2 ** attempt);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One per HTTP client: shared by every request the run sends. */
export class Throttle {
  readonly stats: ThrottleStats = { answers: 0, requests: 0, waitedMs: 0, gaveUp: 0 };
  /** No request starts before this (epoch ms): the latest retry time a server gave. */
  private pausedUntil = 0;
  /** The gap between request starts, 0 until the server first throttles. */
  private spacingMs = 0;
  private nextStart = 0;
  /**
   * Set when a request waited the whole --max-wait in vain; until an answer comes through, the
   * next throttled answers are not waited for (a server down for good must not cost every
   * request of the run a full --max-wait: the run stays bounded).
   */
  exhausted = false;

  /** Wait for the pause and the spacing before a request goes out. */
  async gate(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.pausedUntil, this.spacingMs > 0 ? this.nextStart : 0);
    this.nextStart = at + this.spacingMs;
    if (at > now) await sleep(at - now);
  }

  /** A throttled answer: pause everyone until the retry time and widen the gap. */
  throttled(waitMs: number): void {
    this.stats.answers++;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
    this.spacingMs = Math.min(SPACING_MAX_MS, Math.max(SPACING_MIN_MS, this.spacingMs * SPACING_GROWTH));
  }

  /** An answer that was not throttled: narrow the gap again, slowly. */
  answered(): void {
    this.exhausted = false;
    if (this.spacingMs === 0) return;
    this.spacingMs = this.spacingMs * SPACING_DECAY;
    if (this.spacingMs < 1) this.spacingMs = 0;
  }

  async wait(ms: number): Promise<void> {
    this.stats.waitedMs += ms;
    await sleep(ms);
  }
}
