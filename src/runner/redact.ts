import { scrubSecrets } from '../results/secrets.ts';

/**
 * Secrets never leave the process: every string that reaches a report, the
 * console, the ledger or an error message passes through a Redactor first.
 * Known tokens become `$SIPAPP_TOKEN` / `$SIPAPP_TOKEN_B` (so a copied curl
 * works after `export SIPAPP_TOKEN=…`); anything else shaped like a JWT — forged
 * variants carry the real signature or claims — becomes `<redacted-jwt>`.
 */
const SECRET_HEADERS = new Set(['x-auth-token', 'authorization', 'cookie', 'proxy-authorization']);

export class Redactor {
  private readonly secrets: Array<[string, string]> = [];

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
      out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? this.headerValue(value) : this.text(value);
    }
    return out;
  }

  /** Secret headers keep a known placeholder, or say what kind of value was sent. */
  private headerValue(value: string): string {
    const replaced = this.text(value);
    if (replaced !== value) return replaced;
    return value.length === 0 ? '' : `<redacted ${value.length} chars>`;
  }

  /** Deep-copy any JSON-able value with every string redacted (for options, messages). */
  deep<T>(value: T): T {
    return JSON.parse(this.text(JSON.stringify(value ?? null))) as T;
  }
}
