import { type FormData } from 'undici';
import { type ThrottleStats } from './throttle.ts';
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
    truncated: false;
    durationMs: number;
    throttled?: ThrottleNote;
}
/** `throttled`: still 429/503 when --max-wait or the deadline ran out (an error, not a failure). */
export type TransportErrorKind = 'timeout' | 'connection' | 'too-large' | 'protocol' | 'throttled';
export interface HttpFailure {
    kind: 'transport-error';
    errorKind: TransportErrorKind;
    message: string;
    durationMs: number;
    throttled?: ThrottleNote;
}
export interface HttpClientOptions {
    timeoutMs: number;
    maxBodyBytes: number;
    /** Retries for connection failures of idempotent requests only. */
    retries: number;
    /**
     * Longest wait for throttling (429/503) per request, ms (E70); default 60 s.
     * 0 = do not wait: such answers are judged like any other.
     */
    maxWaitMs?: number;
}
export declare const DEFAULT_MAX_WAIT_MS = 60000;
export declare class HttpClient {
    private readonly options;
    private readonly agent;
    private readonly throttle;
    constructor(options: HttpClientOptions);
    /** 429/503 answers waited out so far, by every request of this client (for the run summary). */
    get throttling(): ThrottleStats;
    /**
     * Send a request; throttling answers (429/503) are waited out and the request sent again,
     * idempotent or not (the server says it did not process it), within --max-wait and the deadline.
     */
    send(req: HttpRequest): Promise<HttpReply | HttpFailure>;
    private sendRetryingConnections;
    private sendOnce;
    close(): Promise<void>;
}
