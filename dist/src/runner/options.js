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
    concurrency: 8,
    rate: 0,
};
/** A mistake in what the user asked for: one line, exit code 2. */
export class UsageError extends Error {
}
//# sourceMappingURL=options.js.map