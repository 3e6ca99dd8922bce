import type { Selection } from './select.ts';
/** Everything `run` accepts, after the CLI (flags, SIPAPP_* variables, config file) has merged it. */
export interface RunOptions extends Selection {
    baseUrl?: string;
    token?: string;
    tokenB?: string;
    tnlease: string[];
    outboundVoiceProfile?: string;
    callUuid?: string;
    expiredToken?: string;
    reporter: string[];
    out: string;
    strict: boolean;
    readOnly: boolean;
    /** Per-request timeout, ms. */
    timeout: number;
    /** Whole-run deadline, seconds (0 = none). */
    deadline: number;
    /** Largest response body read, bytes. */
    maxBody: number;
    retries: number;
    /** Longest wait for a throttled (429/503) request, seconds (E70); 0 = judge such answers as they are. */
    maxWait: number;
    concurrency: number;
    /** Requests per second (0 = unlimited). */
    rate: number;
    /** Embedded server only: a named fault of the reference server (for proving checks). */
    fault?: string;
    /** Embedded server only: latency added to every answer, ms (for benchmarks). */
    latency?: number;
    color?: boolean;
    quiet?: boolean;
}
export declare const DEFAULT_RUN_OPTIONS: RunOptions;
/**
 * Cases in flight: --concurrency, but never more than --rate allows to be
 * waiting at once (a case sends at least one request; more cases than requests
 * per second would only queue in the pacer, holding their fixtures).
 */
export declare function effectiveConcurrency(options: Pick<RunOptions, 'concurrency' | 'rate'>): number;
/** A mistake in what the user asked for: one line, exit code 2. */
export declare class UsageError extends Error {
}
