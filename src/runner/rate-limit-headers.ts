/**
 * What a server says about its rate limit, read from the headers of any answer (E70):
 * - the IETF draft (httpapi-ratelimit-headers, -08 on): `RateLimit-Policy: "default";q=100;w=60`
 *   (quota q per window w seconds) and `RateLimit: "default";r=0;t=30` (r left, t seconds to reset);
 * - its earlier forms: `RateLimit-Limit/-Remaining/-Reset` (the limit may carry `;w=`), the
 *   dictionary `RateLimit: limit=100, remaining=0, reset=30`, and `RateLimit-Policy: 100;w=60`;
 * - the de facto `X-RateLimit-Limit/-Remaining/-Reset` (Reset in seconds, or an epoch time).
 *
 * Two things are taken from them: the pace the server states (quota ÷ window; with several
 * policies, the one with the shortest window: that is the one a run meets first) and a quota
 * already spent (remaining 0: nothing more until the reset). A limit without a window states no
 * pace (its window is unknown); the pace is then learned from the 429s (rate-controller.ts).
 * Values that do not parse are ignored: a header never makes a run fail.
 *
 * The fields are read with a small tolerant reader rather than a strict RFC 9651 parser: servers
 * send every draft's form and some that are not structured fields at all, and one bad member must
 * not hide the others.
 */

export type RateLimitSource = 'RateLimit' | 'RateLimit-*' | 'X-RateLimit-*';

export interface RateLimitHint {
  /** The pace the server states, requests per second (quota ÷ window). */
  perSecond?: number;
  /** The quota is spent: no request for this long (ms from now). */
  waitMs?: number;
  /** Which header family said so, for the report. */
  source: RateLimitSource;
}

interface Policy {
  quota?: number;
  windowS?: number;
  remaining?: number;
  resetS?: number;
}

/** A structured-field list member: its bare item and its parameters (numbers only; others are dropped). */
interface Member {
  item: string;
  params: Map<string, number>;
}

/** Split on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (ch === sep && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** `"name";q=10;w=1, 20;w=60` → members; `limit=100, remaining=0` reads as members named by their keys. */
function members(value: string): Member[] {
  return splitOutsideQuotes(value, ',').map((raw) => {
    const [head, ...rest] = splitOutsideQuotes(raw, ';');
    const params = new Map<string, number>();
    for (const p of rest) {
      const [k, v] = p.split('=');
      const n = Number(v);
      if (k && v !== undefined && v.trim() !== '' && Number.isFinite(n)) params.set(k.trim().toLowerCase(), n);
    }
    return { item: (head ?? '').replace(/^"|"$/g, ''), params };
  });
}

const count = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** The first number of a list header (`25` or `25, 25;w=1`), with its window when it carries one. */
function limitWithWindow(value: string | undefined): Policy {
  if (value === undefined) return {};
  const [first, ...more] = members(value);
  const quota = count(first?.item);
  const windowS = [first, ...more].map((m) => m?.params.get('w')).find((w) => w !== undefined);
  return { quota, windowS };
}

/**
 * Reset as seconds from now: delta-seconds, or an epoch time in seconds (GitHub) or milliseconds.
 * An epoch already past reads as 0.
 */
function resetSeconds(value: number | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  if (value > 1e12) return Math.max(0, (value - now) / 1000);
  if (value > 1e9) return Math.max(0, value - now / 1000);
  return value;
}

/**
 * The draft -08 form (`"name";q=;w=` policies, `"name";r=;t=` states), the earlier `100;w=60`
 * policy and the -07 dictionary `limit=…, remaining=…, reset=…`. Policies and states need not be
 * paired by name: a pace comes from any policy, a spent quota from any state.
 */
function ietfPolicies(policyHeader: string | undefined, stateHeader: string | undefined): Policy[] {
  const policies: Policy[] = members(policyHeader ?? '').map((m) => ({ quota: m.params.get('q') ?? count(m.item), windowS: m.params.get('w') }));
  const state = members(stateHeader ?? '');
  const dictionary = new Map(state.map((m) => m.item.split('=', 2)).map(([k, v]) => [k!.trim().toLowerCase(), count(v)]));
  if (dictionary.has('remaining') || dictionary.has('reset')) {
    policies.push({ quota: dictionary.get('limit'), remaining: dictionary.get('remaining'), resetS: dictionary.get('reset') });
  } else {
    for (const m of state) policies.push({ remaining: m.params.get('r'), resetS: m.params.get('t') });
  }
  return policies;
}

const RATE_LIMIT_NAMES = ['ratelimit', 'ratelimit-policy', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

/** What the headers of one answer say about the rate limit; undefined when they say nothing usable. */
export function readRateLimitHeaders(headers: Record<string, string>, now = Date.now()): RateLimitHint | undefined {
  if (!RATE_LIMIT_NAMES.some((name) => name in headers)) return undefined; // most answers: nothing to parse
  const families: Array<[RateLimitSource, Policy[]]> = [
    ['RateLimit', ietfPolicies(headers['ratelimit-policy'], headers['ratelimit'])],
    ['RateLimit-*', [{ ...limitWithWindow(headers['ratelimit-limit']), remaining: count(headers['ratelimit-remaining']), resetS: resetSeconds(count(headers['ratelimit-reset']), now) }]],
    ['X-RateLimit-*', [{ ...limitWithWindow(headers['x-ratelimit-limit']), remaining: count(headers['x-ratelimit-remaining']), resetS: resetSeconds(count(headers['x-ratelimit-reset']), now) }]],
  ];
  for (const [source, policies] of families) {
    const paced = policies.filter((p) => p.quota !== undefined && p.quota > 0 && p.windowS !== undefined && p.windowS > 0);
    const governing = paced.sort((a, b) => a.windowS! - b.windowS!)[0];
    const spent = policies.filter((p) => p.remaining === 0 && p.resetS !== undefined).map((p) => p.resetS! * 1000);
    if (!governing && spent.length === 0) continue;
    return {
      ...(governing ? { perSecond: governing.quota! / governing.windowS! } : {}),
      ...(spent.length ? { waitMs: Math.max(...spent) } : {}),
      source,
    };
  }
  return undefined;
}
