import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

/**
 * How the suite's HTTP connections are made, apart from what is sent:
 * - through HTTP_PROXY / HTTPS_PROXY unless NO_PROXY names the host (undici's
 *   EnvHttpProxyAgent reads them, as curl, Newman and CI tools do; without
 *   them it connects directly, like a plain Agent);
 * - with the headers of --header added to every request (a staging gateway's
 *   key). They are added here, below the case code; the record of each request
 *   lists them (headersSent), secret values as placeholders (redact.ts).
 */
export interface DispatcherOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  /** Extra request headers (--header); never override the suite's own. */
  headers?: Record<string, string>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const agent = new EnvHttpProxyAgent({
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    maxResponseSize: options.maxBodyBytes,
    connectTimeout: Math.min(options.timeoutMs, 10_000),
    keepAliveTimeout: 4_000,
  });
  const extra = Object.entries(options.headers ?? {});
  if (extra.length === 0) return agent;
  return agent.compose((dispatch) => (opts, handler) => dispatch({ ...opts, headers: withHeaders(opts.headers, extra) }, handler));
}

type Headers = Dispatcher.DispatchOptions['headers'];

/** The headers a request goes out with once the --header ones are added (for the record of it). */
export function headersSent(own: Record<string, string>, extra: Record<string, string> | undefined): Record<string, string> {
  return extra ? (withHeaders(own, Object.entries(extra)) as Record<string, string>) : own;
}

/** The request's headers plus the extra ones it does not already set (the suite's own headers win). */
function withHeaders(headers: Headers, extra: Array<[string, string]>): Headers {
  if (Array.isArray(headers)) {
    const flat = headers as string[];
    const names = new Set(flat.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()));
    return [...flat, ...extra.filter(([n]) => !names.has(n.toLowerCase())).flat()];
  }
  const own = (headers ?? {}) as Record<string, string | string[] | undefined>;
  const names = new Set(Object.keys(own).map((n) => n.toLowerCase()));
  return { ...Object.fromEntries(extra.filter(([n]) => !names.has(n.toLowerCase()))), ...own };
}

/** Names the suite sets itself: --header may not replace them (a token goes in --token). */
const RESERVED = new Set(['x-auth-token', 'accept', 'content-type', 'content-length', 'host', 'transfer-encoding', 'connection']);

/** Parse `Name: value` strings (--header, repeatable); returns an error message for the first bad one. */
export function parseHeaders(values: readonly string[]): { headers: Record<string, string> } | { error: string } {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/.exec(value);
    if (!match) return { error: `--header must be 'Name: value', got ${JSON.stringify(value.replace(/:.*/s, ': …'))}` };
    const [, name, v] = match;
    if (RESERVED.has(name.toLowerCase())) return { error: `--header ${name} is set by the suite itself${name.toLowerCase() === 'x-auth-token' ? ' (give the token with SIPAPP_TOKEN or --token)' : ''}; allowed: any other header` };
    if (/[\r\n\0]/.test(v)) return { error: `--header ${name}: the value holds a line break or NUL` };
    headers[name] = v;
  }
  return { headers };
}
