/**
 * Raw JWTs never reach a report: the runner's Redactor (src/runner/redact.ts) replaces known
 * tokens by their placeholders and anything JWT-shaped by `<redacted-jwt>`; the reporters scrub
 * once more, with the same pattern, as the last line of defence before a file is written.
 */
/**
 * What a JWT looks like: base64url JSON header `eyJ…`, then payload and (possibly empty)
 * signature. One pattern for the runner's Redactor and the reporters' last-line scrub.
 */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
export const REDACTED_JWT = '<redacted-jwt>';

/** Replace anything that looks like a raw JWT. Defensive: exchanges are redacted upstream already. */
export function scrubSecrets(text: string, replacement: string = REDACTED_JWT): string {
  // Every JWT starts with `eyJ`: a plain search spares the regex on the many strings without one.
  return text.includes('eyJ') ? text.replace(JWT_PATTERN, replacement) : text;
}

/** True when `text` still holds something that looks like a raw JWT. */
export function containsJwt(text: string): boolean {
  JWT_PATTERN.lastIndex = 0;
  const found = JWT_PATTERN.test(text);
  JWT_PATTERN.lastIndex = 0;
  return found;
}

/** Values scrubbed and frozen by `scrubbedAndFrozen`: scrubbing them again would change nothing. */
const SCRUBBED = new WeakSet<object>();

/** A deep copy of `value` with every string (and object key) scrubbed (the value itself if it is already). */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && SCRUBBED.has(value)) return value;
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[scrubSecrets(k)] = scrubDeep(v);
    return out as T;
  }
  return value;
}

/**
 * A scrubbed deep copy that nobody can change: what the reporters' multiplexer hands every
 * reporter (one copy for all of them instead of a clone each; a reporter that tried to
 * change it would throw, and be disabled like any failing reporter).
 */
export function scrubbedAndFrozen<T>(value: T): T {
  const out = deepFreeze(scrubDeep(value));
  if (typeof out === 'object' && out !== null) SCRUBBED.add(out);
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
