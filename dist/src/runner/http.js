import { Agent, request, errors as undiciErrors } from 'undici';
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
export class HttpClient {
    options;
    agent;
    constructor(options) {
        this.options = options;
        this.agent = new Agent({
            headersTimeout: options.timeoutMs,
            bodyTimeout: options.timeoutMs,
            maxResponseSize: options.maxBodyBytes,
            connectTimeout: Math.min(options.timeoutMs, 10_000),
            keepAliveTimeout: 4_000,
        });
    }
    async send(req) {
        const attempts = IDEMPOTENT.has(req.method) ? this.options.retries + 1 : 1;
        let last;
        for (let attempt = 0; attempt < attempts; attempt++) {
            const outcome = await this.sendOnce(req);
            if (outcome.kind === 'response' || outcome.errorKind !== 'connection')
                return outcome;
            last = outcome;
        }
        return last;
    }
    async sendOnce(req) {
        const started = performance.now();
        const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
        const signal = AbortSignal.timeout(this.options.timeoutMs);
        try {
            const res = await request(req.url, {
                method: req.method,
                headers: req.headers,
                body: req.body,
                dispatcher: this.agent,
                signal,
                maxRedirections: 0,
            });
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
                truncated: false,
                durationMs: elapsed(),
            };
        }
        catch (error) {
            return { kind: 'transport-error', ...classify(error, this.options), durationMs: elapsed() };
        }
    }
    async close() {
        await this.agent.destroy().catch(() => undefined);
    }
}
function flattenHeaders(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return out;
}
function classify(error, options) {
    const err = error;
    const name = err?.name ?? '';
    if (name === 'TimeoutError' ||
        name === 'AbortError' ||
        err instanceof undiciErrors.HeadersTimeoutError ||
        err instanceof undiciErrors.BodyTimeoutError ||
        err?.code === 'UND_ERR_CONNECT_TIMEOUT') {
        return { errorKind: 'timeout', message: `no complete answer within ${options.timeoutMs} ms` };
    }
    if (err instanceof undiciErrors.ResponseExceededMaxSizeError || err?.code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
        return { errorKind: 'too-large', message: `response body larger than ${options.maxBodyBytes} bytes` };
    }
    const code = err?.code ?? err?.cause?.code;
    if (code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/.test(code)) {
        return { errorKind: 'connection', message: `connection failed (${code})` };
    }
    return { errorKind: 'protocol', message: `${name || 'error'}: ${err?.message ?? String(error)}`.slice(0, 300) };
}
//# sourceMappingURL=http.js.map