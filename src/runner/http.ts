import { request, errors as undiciErrors, type FormData } from 'undici';
import { createDispatcher } from './dispatcher.ts';
import type { Dispatcher } from 'undici';
import { THROTTLE_STATUSES, Throttle, backoffMs, retryAfterMs, type ThrottleStats } from './throttle.ts';

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
  /** Epoch ms (the run deadline): waiting out throttling never goes past it. */
  notAfter?: number;
  /**
   * May the request be sent again when its connection failed before any answer byte arrived,
   * though the server may have applied it (case-context.ts `resendable` decides)? Default: idempotent methods only.
   * GET and HEAD are sent again after any connection failure.
   */
  resend?: boolean;
}

/** Set on an answer that came after 429/503 answers were waited out (E70). */
export interface ThrottleNote {
  answers: number;
  waitedMs: number;
}

export interface HttpReply {
  kind: 'response';
  status: number;
  headers: Record<string, string>;
  text: string;
  durationMs: number;
  throttled?: ThrottleNote;
  /** Attempts whose connection failed before any answer byte, sent again before this answer came. */
  lostAnswers?: number;
}

/** `throttled`: still 429/503 when --max-wait or the deadline ran out (an error, not a failure). */
export type TransportErrorKind = 'timeout' | 'connection' | 'too-large' | 'protocol' | 'throttled';

export interface HttpFailure {
  kind: 'transport-error';
  errorKind: TransportErrorKind;
  message: string;
  durationMs: number;
  throttled?: ThrottleNote;
  /** The connection failed (reset, closed) before any answer byte arrived: the server may or may not have applied the request. */
  beforeAnswer?: boolean;
  /** Attempts sent (the last one included) when the request was sent again after lost answers. */
  attempts?: number;
}

export interface HttpClientOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  /** How often a request is sent again after a connection failure (GET always; others as `HttpRequest.resend` says). */
  retries: number;
  /** Extra headers for every request (--header), added below the recorded request. */
  headers?: Record<string, string>;
  /**
   * Longest wait for throttling (429/503) per request, ms (E70); default 60 s.
   * 0 = do not wait: such answers are judged like any other.
   */
  maxWaitMs?: number;
}

export const DEFAULT_MAX_WAIT_MS = 60_000;

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Reading requests: sent again after any connection failure, answer started or not. */
const SAFE = new Set(['GET', 'HEAD']);
/** Pause before sending again after a connection failure: 100 ms, 200 ms, 400 ms … at most 2 s. */
const RESEND_FIRST_MS = 100;
const RESEND_CAP_MS = 2_000;

/** Real networks reset connections: what the run did about it (never the API's fault), for the summary. */
export interface ResendStats {
  /** Requests sent again after their connection failed. */
  requests: number;
  /** Extra attempts in all. */
  attempts: number;
  /** Requests still without an answer after the last attempt. */
  gaveUp: number;
  /** Creates whose answer was lost, settled by looking the app up by its unique name (adopted or created again). */
  reconciled: number;
}

export class HttpClient {
  private readonly agent: Dispatcher;
  private readonly throttle = new Throttle();
  private readonly resends: ResendStats = { requests: 0, attempts: 0, gaveUp: 0, reconciled: 0 };

  constructor(private readonly options: HttpClientOptions) {
    // Proxies from the environment and --header: see dispatcher.ts.
    this.agent = createDispatcher(options);
  }

  /** 429/503 answers waited out so far, by every request of this client, and the pace it settled on (for the run summary). */
  get throttling(): ThrottleStats {
    return this.throttle.summary();
  }

  /** Requests sent again after connection failures so far (for the run summary). */
  get resent(): ResendStats {
    return { ...this.resends };
  }

  /** A create whose answer was lost was settled by its name (counted with the resends). */
  noteReconciled(): void {
    this.resends.reconciled++;
  }

  /**
   * Send a request; throttling answers (429/503) are waited out and the request sent again,
   * idempotent or not (the server says it did not process it), within --max-wait and the deadline.
   */
  async send(req: HttpRequest): Promise<HttpReply | HttpFailure> {
    const maxWaitMs = this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    let answers = 0;
    let waitedMs = 0;
    for (let attempt = 0; ; attempt++) {
      const ticket = await this.throttle.gate();
      const outcome = await this.sendRetryingConnections(req);
      if (outcome.kind === 'response') this.throttle.heard(outcome.headers);
      if (outcome.kind !== 'response' || !THROTTLE_STATUSES.has(outcome.status) || maxWaitMs <= 0) {
        if (outcome.kind === 'response') this.throttle.answered(ticket);
        return answers ? { ...outcome, throttled: { answers, waitedMs } } : outcome;
      }
      if (answers++ === 0) this.throttle.stats.requests++;
      const retryAfter = retryAfterMs(outcome.headers['retry-after']);
      const wait = backoffMs(retryAfter, attempt);
      const pastDeadline = req.notAfter !== undefined && Date.now() + wait > req.notAfter;
      const pastMaxWait = waitedMs + wait > maxWaitMs;
      if (pastMaxWait || pastDeadline || this.throttle.exhausted) {
        // Not waited for: counted, but nobody else is paused on its account.
        this.throttle.stats.answers++;
        this.throttle.stats.gaveUp++;
        if (pastMaxWait && !pastDeadline) this.throttle.exhausted = true;
        const asked = retryAfter !== undefined ? `; Retry-After asked for ${Math.round(retryAfter / 1000)} s more` : '';
        const limit = pastDeadline
          ? 'the run deadline'
          : pastMaxWait ? `--max-wait ${Math.round(maxWaitMs / 1000)} s` : 'once: an earlier request already waited --max-wait in vain and nothing has come through since';
        return {
          kind: 'transport-error',
          errorKind: 'throttled',
          message: `still throttled (HTTP ${outcome.status}) after ${answers} answer(s) and ${(waitedMs / 1000).toFixed(1)} s of waiting${asked}; gave up at ${limit}`,
          durationMs: outcome.durationMs,
          throttled: { answers, waitedMs },
        };
      }
      this.throttle.throttled(wait, ticket);
      await this.throttle.wait(wait);
      waitedMs += wait;
    }
  }

  /**
   * Send, and send again after a connection failure when that is safe: GET and HEAD after any,
   * others (`resend`) only when no answer byte had arrived — the server may have applied the first
   * attempt, and the caller's judgement knows it (`lostAnswers` on the reply). Bounded: --retries
   * attempts more, with a growing pause, never past the deadline.
   */
  private async sendRetryingConnections(req: HttpRequest): Promise<HttpReply | HttpFailure> {
    const safe = SAFE.has(req.method);
    const resend = req.resend ?? IDEMPOTENT.has(req.method);
    let lost = 0;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.sendOnce(req);
      if (outcome.kind === 'response') return lost ? { ...outcome, lostAnswers: lost } : outcome;
      const again = outcome.errorKind === 'connection' && (safe || (resend && outcome.beforeAnswer === true));
      const pause = Math.min(RESEND_CAP_MS, RESEND_FIRST_MS * 2 ** attempt);
      const pastDeadline = req.notAfter !== undefined && Date.now() + pause > req.notAfter;
      if (!again || attempt >= this.options.retries || pastDeadline) {
        if (lost) this.resends.gaveUp++;
        return lost ? { ...outcome, attempts: attempt + 1 } : outcome;
      }
      if (lost++ === 0) this.resends.requests++;
      this.resends.attempts++;
      await sleep(pause);
    }
  }

  private async sendOnce(req: HttpRequest): Promise<HttpReply | HttpFailure> {
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let answered = false;
    try {
      const res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body as Dispatcher.DispatchOptions['body'],
        dispatcher: this.agent,
        signal,
        maxRedirections: 0,
      } as Parameters<typeof request>[1]);
      answered = true;
      // A declared length over the cap is refused before reading a byte of it.
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > this.options.maxBodyBytes) {
        res.body.destroy();
        return { kind: 'transport-error', errorKind: 'too-large', message: `response body larger than ${this.options.maxBodyBytes} bytes (Content-Length: ${declared})`, durationMs: elapsed() };
      }
      const text = await readBody(res, declared);
      return {
        kind: 'response',
        status: res.statusCode,
        headers: flattenHeaders(res.headers),
        text,
        durationMs: elapsed(),
      };
    } catch (error) {
      // Undici hands back the answer once its head is in (an early 401 included, even when writing the
      // body failed): a connection failure before that means no answer byte was read. A timeout is
      // not one: the server may still be working on the request (and may still answer it).
      const failure = classify(error, this.options);
      const lost = !answered && failure.errorKind === 'connection';
      return { kind: 'transport-error', ...failure, durationMs: elapsed(), ...(lost ? { beforeAnswer: true } : {}) };
    }
  }

  async close(): Promise<void> {
    await this.agent.destroy().catch(() => undefined);
  }
}

/**
 * The body, as text. A server may answer before it has read the request (a 401 before the
 * upload) and close the connection; the write of the rest of the body then fails (EPIPE,
 * ECONNRESET) while the answer is already here. When every byte the answer declared has
 * arrived, the answer is the result of the exchange, not the socket error.
 */
async function readBody(res: { body: AsyncIterable<unknown> }, declared: number): Promise<string> {
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of res.body) {
      chunks.push(chunk as Buffer);
      received += (chunk as Buffer).length;
    }
  } catch (error) {
    const complete = Number.isFinite(declared) && received === declared;
    if (!complete || !isConnectionError(error)) throw error;
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const CONNECTION_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/;

function errorCode(error: unknown): string | undefined {
  const err = error as { code?: string; cause?: { code?: string } };
  return err?.code ?? err?.cause?.code;
}

function isConnectionError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && CONNECTION_CODES.test(code);
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
  const code = errorCode(error);
  if (code && CONNECTION_CODES.test(code)) {
    return { errorKind: 'connection', message: `connection failed (${code})` };
  }
  return { errorKind: 'protocol', message: `${name || 'error'}: ${err?.message ?? String(error)}`.slice(0, 300) };
}
