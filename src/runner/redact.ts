import { scrubSecrets } from '../results/secrets.ts';

/**
 * Secrets never leave the process: every string that reaches a report, the
 * console, the ledger or an error message passes through a Redactor first.
 * Known tokens become `$SIPAPP_TOKEN` / `$SIPAPP_TOKEN_B` (so a copied curl
 * works after `export SIPAPP_TOKEN=…`); anything else shaped like a JWT — forged
 * variants carry the real signature or claims — becomes `<redacted-jwt>`.
 */
const SECRET_HEADERS = new Set(['x-auth-token', 'authorization', 'cookie', 'proxy-authorization']);

/** Header names that say "credential" (a gateway's key, a session, a signature). */
const SECRET_NAME = /auth|key|token|secret|session|cookie|sign|pass|credential|bearer/i;
/** A value shaped like a credential whatever its name: a long run of letters and digits, or a bearer. */
const SECRET_VALUE = /^(bearer\s+\S+|(?=.*[a-z])(?=.*\d)[\w+/=.~-]{20,})$/i;

/**
 * The shell variable a --header value stands behind in reports and curl lines when it is (or looks)
 * secret, e.g. `$SIPAPP_HEADER_X_GATEWAY_KEY`; undefined for a plain value (`X-Env: staging`), which
 * reports show as sent.
 */
export function headerPlaceholder(name: string, value: string): string | undefined {
  if (!SECRET_NAME.test(name) && !SECRET_VALUE.test(value)) return undefined;
  return `$SIPAPP_HEADER_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export class Redactor {
  private readonly secrets: Array<[string, string]> = [];
  /** Lower-case header name → placeholder, for the secret --header values. */
  private readonly secretHeaders = new Map<string, string>();

  /** Register a secret and the shell variable that stands in for it. */
  add(secret: string | undefined, placeholder: string): this {
    if (secret && secret.length >= 8) {
      this.secrets.push([secret, placeholder]);
      this.secrets.sort((a, b) => b[0].length - a[0].length);
    }
    return this;
  }

  text(value: string): string {
    let out = value;
    // includes() first: most strings hold no secret, and split/join copies them whatever it finds.
    for (const [secret, placeholder] of this.secrets) if (out.includes(secret)) out = out.split(secret).join(placeholder);
    return scrubSecrets(out);
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      out[name] = this.secretHeaders.get(lower) ?? (SECRET_HEADERS.has(lower) ? this.headerValue(value) : this.text(value));
    }
    return out;
  }

  /** Secret headers keep a known placeholder, or say what kind of value was sent. */
  private headerValue(value: string): string {
    const replaced = this.text(value);
    if (replaced !== value) return replaced;
    return value.length === 0 ? '' : `<redacted ${value.length} chars>`;
  }

  /**
   * Register the secret ones of the --header values (see headerPlaceholder): the header always shows
   * its placeholder, and the value (when long enough to be told from ordinary text) nowhere else.
   */
  addHeaders(headers: Record<string, string> | undefined): this {
    for (const [name, value] of Object.entries(headers ?? {})) {
      const placeholder = headerPlaceholder(name, value);
      if (!placeholder || this.secretHeaders.has(name.toLowerCase())) continue;
      this.secretHeaders.set(name.toLowerCase(), placeholder);
      this.add(value, placeholder);
    }
    return this;
  }

  /** Deep-copy any JSON-able value with every string redacted (for options, messages). */
  deep<T>(value: T): T {
    return JSON.parse(this.text(JSON.stringify(value ?? null))) as T;
  }
}
