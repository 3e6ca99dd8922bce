/**
 * Throttling is not a conformance failure (ERRATA E70). A 429 or 503 says the request was
 * not processed and when to come back (`Retry-After`, seconds or an HTTP date), so the client
 * waits and sends it again — idempotent or not — up to a ceiling per request (`--max-wait`)
 * and never past the run deadline. After a throttled answer every request of the run pauses
 * until the server's retry time, and from then on the run is paced by one token bucket whose
 * rate is learned from the server (rate-controller.ts: the pace its RateLimit headers state,
 * else the rate its 429s allow), so a run against a rate-limited server settles just under its
 * limit instead of waiting on its own back-off (before: 2.8× the time requests ÷ limit).
 */

import { RateController, type RateOrigin, type Ticket } from './rate-controller.ts';
import { readRateLimitHeaders } from './rate-limit-headers.ts';

/** Statuses that mean "not now, come back later". */
export const THROTTLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Without Retry-After: 0.5 s, 1 s, 2 s … capped at 8 s. */
const BACKOFF_FIRST_MS = 500;
const BACKOFF_CAP_MS = 8_000;

export interface ThrottleStats {
  /** 429/503 answers waited out. */
  answers: number;
  /** Requests that got at least one of them. */
  requests: number;
  /** Time spent waiting before retries, summed over requests (concurrent waits add up). */
  waitedMs: number;
  /** Requests given up after the ceiling or the deadline. */
  gaveUp: number;
  /** The pace the run settled on, requests per second (one decimal); absent when it was never paced. */
  settledRate?: number;
  /** What that pace was learned from: the 429/503 answers, or the server's RateLimit headers. */
  rateFrom?: RateOrigin;
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
  private readonly rate = new RateController();
  /**
   * Set when a request waited the whole --max-wait in vain; until an answer comes through, the
   * next throttled answers are not waited for (a server down for good must not cost every
   * request of the run a full --max-wait: the run stays bounded).
   */
  exhausted = false;

  /** The counts, and the pace the run settled on, for the report. */
  summary(): ThrottleStats {
    const origin = this.rate.origin;
    if (origin === undefined) return { ...this.stats };
    return { ...this.stats, settledRate: Math.round(this.rate.perSecond * 10) / 10, rateFrom: origin };
  }

  /** Wait for a pause and for the request's slot in the bucket; the ticket goes back with the answer. */
  async gate(): Promise<Ticket> {
    for (;;) {
      const now = Date.now();
      const ticket = this.rate.reserve(now);
      if (ticket.sentAt > now) await sleep(ticket.sentAt - now);
      if (this.rate.stillClear(ticket)) return ticket;
    }
  }

  /** An answer (any status): what its RateLimit headers say, if anything. */
  heard(headers: Record<string, string>): void {
    const hint = readRateLimitHeaders(headers);
    if (hint) this.rate.heard(hint, Date.now());
  }

  /** A throttled answer that will be waited out: pause everyone until the retry time, slow the pace. */
  throttled(waitMs: number, ticket: Ticket): void {
    this.stats.answers++;
    this.rate.throttledAt(ticket, Date.now(), waitMs);
  }

  /** An answer that was not throttled. */
  answered(ticket: Ticket): void {
    this.exhausted = false;
    this.rate.passedAt(ticket, Date.now());
  }

  async wait(ms: number): Promise<void> {
    this.stats.waitedMs += ms;
    await sleep(ms);
  }
}
