/** Counts and the verdict of a set of case results: exit 1 when any case failed or could not be evaluated. */
export function summarise(cases, durationMs, requests, throttling) {
    const count = (status) => cases.filter((c) => c.status === status).length;
    const failed = count('failed');
    const errors = count('error');
    return {
        total: cases.length,
        passed: count('passed'),
        failed,
        errors,
        skipped: count('skipped'),
        warnings: cases.reduce((n, c) => n + c.checks.filter((o) => o.status === 'warning').length, 0),
        durationMs,
        requests,
        ...(throttling ? { throttling } : {}),
        exitCode: failed + errors > 0 ? 1 : 0,
    };
}
//# sourceMappingURL=summary.js.map