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
  return text.replace(JWT_PATTERN, replacement);
}

/** True when `text` still holds something that looks like a raw JWT. */
export function containsJwt(text: string): boolean {
  JWT_PATTERN.lastIndex = 0;
  const found = JWT_PATTERN.test(text);
  JWT_PATTERN.lastIndex = 0;
  return found;
}

/** A deep copy of `value` with every string (and object key) scrubbed. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[scrubSecrets(k)] = scrubDeep(v);
    return out as T;
  }
  return value;
}
