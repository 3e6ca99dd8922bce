import { type FormData } from 'undici';
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
    truncated: false;
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
export declare class HttpClient {
    private readonly options;
    private readonly agent;
    constructor(options: HttpClientOptions);
    send(req: HttpRequest): Promise<HttpReply | HttpFailure>;
    private sendOnce;
    close(): Promise<void>;
}
