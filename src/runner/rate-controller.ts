/**
 * The pace of a run against a rate-limited server (E70): one token bucket shared by every request
 * of the run, concurrent ones included, whose rate is learned from the server.
 *
 * - Until the server throttles or states a limit, requests are not paced at all.
 * - A pace the server states (RateLimit-Policy, …: rate-limit-headers.ts) is followed at once,
 *   with a little headroom, and never exceeded; without one, a quota reported spent pauses every
 *   request until its reset.
 * - Otherwise the rate is learned from the 429/503 answers themselves, AIMD-style. A throttled
 *   answer says the server's quota is spent: the answers that came through in the second before
 *   it (since the last pause, if shorter; plus those still arriving from requests sent before it)
 *   are its limit as far as the run can tell, never more than the rate that just proved too fast.
 *   The rate is cut to BETA of HEADROOM of that, then grows back along a cubic (as TCP CUBIC
 *   does): quickly back towards HEADROOM of the limit, slowly around it, faster again beyond it
 *   (to find a limit that rose); so a run spends most of its
 *   time just under the limit and probes past it rarely (each probe costs one Retry-After pause).
 *   It grows only while the bucket is what holds requests back: an idle run does not build up a
 *   rate it never tried.
 * - Throttled answers to requests sent before the last cut (or before a stated pace was heard) are
 *   echoes of the same excess (they were in flight when it was answered): they do not cut again.
 * - The Retry-After of the throttled answer that made a cut pauses every request until then (the
 *   server asked), as before; an echo's pauses only its own request (the HTTP client waits it).
 *   Throttled answers with nothing through before them teach no rate: the pause holds the run,
 *   and a small gap between requests (GAP_*) spreads what follows it.
 *
 * Pure: times are passed in (epoch ms), so the tests drive it with a fake clock.
 */

/** A throttled answer cuts the rate to this share of the limit it revealed… */
const BETA = 0.97;
/** The cubic's time scale: a cut is made good after RECOVERY_S·∛(1−BETA) seconds (19 s) of paced sending. */
const RECOVERY_S = 60;
/**
 * … and it grows back towards this share of that limit, where it stays a while before probing past
 * it; a stated pace is followed at this share of it. Requests start evenly, answers do not arrive so.
 */
const HEADROOM = 0.97;
/** The slowest pace it goes down to (a server with a tighter limit is held off by its Retry-After). */
const MIN_PER_SECOND = 0.1;
/** Answers that came through are counted over this window to estimate the limit at a cut. */
const WINDOW_MS = 1000;
/**
 * While throttled answers say nothing about a rate (nothing came through before them), requests
 * are still spaced, so that the end of a pause does not release them all at once: 20 ms after the
 * first such answer, half as much again after each further one, at most 200 ms; 3% narrower after
 * each answer that comes through.
 */
const GAP_MIN_MS = 20;
const GAP_MAX_MS = 200;
const GAP_GROWTH = 1.5;
const GAP_DECAY = 0.97;

export type RateOrigin = 'answers' | 'headers';

/** Handed out with each slot, handed back with its answer. */
export interface Ticket {
  /** When the request was let go (epoch ms). */
  sentAt: number;
}

export class RateController {
  /** The learned rate's anchor: HEADROOM of the limit the last cut revealed (requests/s); Infinity until one came. */
  private ceiling = Infinity;
  /** Seconds of paced sending since the last cut: the cubic's clock. */
  private grownS = 0;
  /** When the pace last changed for a reason the server gave (a cut, a stated pace): throttled answers to requests sent before it are echoes. */
  private cutAt = -Infinity;
  /** The pace the server states, requests/s. */
  private stated = Infinity;
  private pausedUntil = 0;
  private nextSlot = 0;
  /** The spacing kept while no rate is known (GAP_*), ms; 0 when none. */
  private gapMs = 0;
  /** When answers that came through arrived, at least the last WINDOW_MS of them. */
  private passed: number[] = [];
  /** The last cut's estimate: answers that came through in the window before it, and since from requests sent before it. */
  private window?: { cutAt: number; count: number; cap: number };
  /** Requests per second the bucket lets through now; Infinity when not pacing. */
  get perSecond(): number {
    return Math.min(this.stated, this.learned());
  }

  /** What the current rate comes from; undefined when not pacing. */
  get origin(): RateOrigin | undefined {
    if (this.perSecond === Infinity) return undefined;
    return this.learned() < this.stated ? 'answers' : 'headers';
  }

  private learned(): number {
    if (this.ceiling === Infinity) return Infinity;
    // CUBIC: r(t) = c·(1 + ((t − K)/S)³), r(0) = β·c, r(K) = c.
    const k = RECOVERY_S * Math.cbrt(1 - BETA);
    const rate = this.ceiling * (1 + ((this.grownS - k) / RECOVERY_S) ** 3);
    return Math.max(MIN_PER_SECOND, rate);
  }

  /**
   * When the next request may go (epoch ms, ≥ now), its slot reserved. The caller sleeps until then
   * and asks `stillClear` before sending: a pause set meanwhile (a Retry-After) takes the slot back.
   */
  reserve(now: number): Ticket {
    const rateInterval = 1000 / this.perSecond;
    const interval = Math.max(rateInterval, this.gapMs);
    let at = Math.max(now, this.pausedUntil);
    if (interval > 0) {
      if (this.nextSlot > at) {
        // The bucket holds this request back: that is when the learned rate may grow.
        if (rateInterval >= this.gapMs) this.grownS += interval / 1000;
        at = this.nextSlot;
      }
      this.nextSlot = at + interval;
    }
    return { sentAt: at };
  }

  /** False when a pause began after the slot was reserved: the request must reserve again. */
  stillClear(ticket: Ticket): boolean {
    return ticket.sentAt >= this.pausedUntil;
  }

  /** An answer that came through. */
  passedAt(ticket: Ticket, now: number): void {
    const w = this.window;
    if (w && ticket.sentAt < w.cutAt && w.count < w.cap) {
      // Sent before the last cut, answered after it: the server let it through with the others.
      w.count++;
      this.ceiling = Math.max(this.ceiling, (w.count / (WINDOW_MS / 1000)) * HEADROOM);
    }
    if (this.gapMs > 0) this.gapMs = this.gapMs * GAP_DECAY < 1 ? 0 : this.gapMs * GAP_DECAY;
    this.passed.push(now);
    // Drop what left the window, in bulk: this runs for every answer of the run.
    if (this.passed.length > 64 && this.passed[32]! < now - WINDOW_MS) this.passed = this.passed.filter((t) => t >= now - WINDOW_MS);
  }

  /** A throttled answer; `waitMs` is what the server asked for (or the back-off), everyone waits it. */
  throttledAt(ticket: Ticket, now: number, waitMs: number): void {
    // An echo of the excess already answered: its request waits its own Retry-After (the caller
    // does), the others already paused for the answer that made the cut.
    if (ticket.sentAt < this.cutAt) return;
    const lastPauseEnd = this.pausedUntil;
    this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
    // The server let through what passed in the last window (or since the last pause, when that
    // is shorter: a window straddling two of the server's own would count two quotas): that is
    // its limit, as far as this run can tell; never more than the rate that just proved too fast.
    const rate = this.perSecond;
    const from = Math.max(now - WINDOW_MS, lastPauseEnd);
    const count = this.passed.filter((t) => t >= from).length;
    // Nothing came through: the answers say nothing about a rate (a server down, or throttling
    // everything); the pause holds the run back, and the gap spreads what follows it.
    if (count === 0) {
      this.gapMs = Math.min(GAP_MAX_MS, Math.max(GAP_MIN_MS, this.gapMs * GAP_GROWTH));
      return;
    }
    const cap = rate === Infinity ? Infinity : rate * (WINDOW_MS / 1000);
    this.window = { cutAt: now, count: Math.min(count, cap), cap };
    this.ceiling = Math.max(MIN_PER_SECOND, (Math.min(count, cap) / (WINDOW_MS / 1000)) * HEADROOM);
    this.passed = [];
    this.grownS = 0;
    this.cutAt = now;
  }

  /** What an answer's RateLimit headers said (a pace, a spent quota). */
  heard(hint: { perSecond?: number; waitMs?: number }, now: number): void {
    if (hint.perSecond !== undefined && hint.perSecond > 0) {
      const stated = Math.max(MIN_PER_SECOND, hint.perSecond * HEADROOM);
      // 429s to requests sent before the pace was known answer the old pace: echoes, like a cut's.
      if (stated !== this.stated) this.cutAt = Math.max(this.cutAt, now);
      this.stated = stated;
    }
    // A spent quota pauses everyone until its reset, unless a pace is stated: resets come in whole
    // seconds (`t=1` at the end of a one-second window), so pausing on each would cost most of a
    // window; the stated pace keeps under the quota and a 429 that comes anyway still cuts the rate.
    if (hint.waitMs !== undefined && this.stated === Infinity) this.pausedUntil = Math.max(this.pausedUntil, now + hint.waitMs);
  }
}
