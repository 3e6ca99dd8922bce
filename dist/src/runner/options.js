export const DEFAULT_RUN_OPTIONS = {
    tnlease: [],
    reporter: ['console', 'junit', 'json', 'tap', 'html'],
    out: 'reports',
    strict: false,
    readOnly: false,
    timeout: 10_000,
    deadline: 0,
    maxBody: 10 * 1024 * 1024,
    retries: 1,
    maxWait: 60,
    // Measured (README, Benchmarks): 16 beats 8 by a quarter with 20 ms answers on 2 cores; 24 is no faster.
    concurrency: 16,
    rate: 0,
};
/**
 * Cases in flight: --concurrency, but never more than --rate allows to be
 * waiting at once (a case sends at least one request; more cases than requests
 * per second would only queue in the pacer, holding their fixtures).
 */
export function effectiveConcurrency(options) {
    return options.rate > 0 ? Math.max(1, Math.min(options.concurrency, Math.ceil(options.rate))) : options.concurrency;
}
/** A mistake in what the user asked for: one line, exit code 2. */
export class UsageError extends Error {
}
//# sourceMappingURL=options.js.map