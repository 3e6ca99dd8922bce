import { Agent, request, errors as undiciErrors, type FormData } from 'undici';
import type { Dispatcher } from 'undici';

/**
 * The one place the suite talks HTTP. Hostile servers are expected: every
 * request has a total deadline (a server dripping one byte a second defeats
 * idle timeouts), a body-size cap, and redirects are never followed (the token
 * must not travel to another origin). Failures come back as data, never throws.
 */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer | FormData;
}

export interface HttpReply {
  kind: 'response';
  status: number;
  headers: Record<string, string>;
  text: string;
  durationMs: number;
}

export type TransportErrorKind = 'timeout' | 'connection' | 'too-large' | 'protocol';

export interface HttpFailure {
  kind: 'transport-error';
  errorKind: TransportErrorKind;
  message: string;
  durationMs: number;
}

export interface HttpClientOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  /** Retries for connection failures of idempotent requests only. */
  retries: number;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export class HttpClient {
  private readonly agent: Agent;

  constructor(private readonly options: HttpClientOptions) {
    this.agent = new Agent({
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      maxResponseSize: options.maxBodyBytes,
      connectTimeout: Math.min(options.timeoutMs, 10_000),
      keepAliveTimeout: 4_000,
    });
  }

  async send(req: HttpRequest): Promise<HttpReply | HttpFailure> {
    const attempts = IDEMPOTENT.has(req.method) ? this.options.retries + 1 : 1;
    let last: HttpFailure | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const outcome = await this.sendOnce(req);
      if (outcome.kind === 'response' || outcome.errorKind !== 'connection') return outcome;
      last = outcome;
    }
    return last!;
  }

  private async sendOnce(req: HttpRequest): Promise<HttpReply | HttpFailure> {
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body as Dispatcher.DispatchOptions['body'],
        dispatcher: this.agent,
        signal,
        maxRedirections: 0,
      } as Parameters<typeof request>[1]);
      // A declared length over the cap is refused before reading a byte of it.
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > this.options.maxBodyBytes) {
        res.body.destroy();
        return { kind: 'transport-error', errorKind: 'too-large', message: `response body larger than ${this.options.maxBodyBytes} bytes (Content-Length: ${declared})`, durationMs: elapsed() };
      }
      const text = await res.body.text();
      return {
        kind: 'response',
        status: res.statusCode,
        headers: flattenHeaders(res.headers),
        text,
        durationMs: elapsed(),
      };
    } catch (error) {
      return { kind: 'transport-error', ...classify(error, this.options), durationMs: elapsed() };
    }
  }

  async close(): Promise<void> {
    await this.agent.destroy().catch(() => undefined);
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function classify(error: unknown, options: HttpClientOptions): { errorKind: TransportErrorKind; message: string } {
  const err = error as Error & { code?: string; name?: string };
  const name = err?.name ?? '';
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    err?.code === 'UND_ERR_CONNECT_TIMEOUT'
  ) {
    return { errorKind: 'timeout', message: `no complete answer within ${options.timeoutMs} ms` };
  }
  if (err instanceof undiciErrors.ResponseExceededMaxSizeError || err?.code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return { errorKind: 'too-large', message: `response body larger than ${options.maxBodyBytes} bytes` };
  }
  const code = err?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  if (code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/.test(code)) {
    return { errorKind: 'connection', message: `connection failed (${code})` };
  }
  return { errorKind: 'protocol', message: `${name || 'error'}: ${err?.message ?? String(error)}`.slice(0, 300) };
}
