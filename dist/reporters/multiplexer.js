/** Default handler: one line on stderr. */
export const stderrReporterError = ({ reporter, phase, error }) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`reporter "${reporter}" failed in ${phase} and was disabled for this run: ${message}\n`);
};
export class ReporterMultiplexer {
    reporters;
    onError;
    name = 'multiplexer';
    /** Every contained failure, in order (for the CLI or tests). */
    failures = [];
    disabled = new Set();
    constructor(reporters, onError = stderrReporterError) {
        this.reporters = reporters;
        this.onError = onError;
    }
    async onBegin(info, plan) {
        for (const r of this.active()) {
            if (r.onBegin)
                await this.guard(r, 'onBegin', () => r.onBegin(structuredClone(info), structuredClone(plan)));
        }
    }
    async onCaseEnd(result) {
        for (const r of this.active()) {
            if (r.onCaseEnd)
                await this.guard(r, 'onCaseEnd', () => r.onCaseEnd(structuredClone(result)));
        }
    }
    /** Runs every reporter's onEnd, then hands the union of files to `onReportFiles`; returns that union. */
    async onEnd(run) {
        const files = [];
        for (const r of this.active()) {
            const written = await this.guard(r, 'onEnd', () => r.onEnd(structuredClone(run)));
            if (Array.isArray(written))
                for (const f of written)
                    if (typeof f === 'string' && !files.includes(f))
                        files.push(f);
        }
        for (const r of this.active()) {
            if (r.onReportFiles)
                await this.guard(r, 'onReportFiles', () => r.onReportFiles([...files]));
        }
        return files;
    }
    active() {
        return this.reporters.filter((r) => !this.disabled.has(r));
    }
    async guard(r, phase, fn) {
        try {
            return await fn();
        }
        catch (error) {
            this.disabled.add(r);
            const failure = { reporter: r.name, phase, error };
            this.failures.push(failure);
            try {
                this.onError(failure);
            }
            catch {
                /* an error handler that throws must not break the run either */
            }
            return undefined;
        }
    }
}
//# sourceMappingURL=multiplexer.js.map