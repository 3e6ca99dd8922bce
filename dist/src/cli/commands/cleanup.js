import { join } from 'node:path';
import { RUN_ID_PATTERN } from "../../runner/names.js";
import { UsageError } from "../../runner/options.js";
/** `cleanup`: remove what earlier (crashed or interrupted) runs left, by their ledgers, and nothing else. */
export function cleanupCommand(setExitCode) {
    return {
        command: 'cleanup',
        describe: 'Remove resources earlier runs created and left behind (read from their ledgers in <out>/ledger)',
        builder: (y) => y
            .option('base-url', { type: 'string', demandOption: true, describe: 'API root the runs targeted' })
            .option('token', { type: 'string', describe: 'JWT of the account (or SIPAPP_TOKEN)' })
            .option('out', { type: 'string', default: 'reports', describe: 'Directory holding ledger/' })
            .option('run', { type: 'string', describe: 'Clean up this run id only' })
            .option('all-runs', { type: 'boolean', default: false, describe: 'Clean up every run in the ledger directory' })
            .option('timeout', { type: 'number', default: 10_000, describe: 'Per-request timeout, ms' })
            .option('max-wait', { type: 'number', default: 60, describe: 'Longest wait for a throttled (429/503) request, seconds' }),
        handler: async (args) => {
            if (!args.run && !args['all-runs'])
                throw new UsageError('name a run with --run ID, or pass --all-runs');
            const runId = args.run;
            if (runId !== undefined && !RUN_ID_PATTERN.test(runId))
                throw new UsageError(`--run must be a run id like sct-20261126233617-58bd35, got ${JSON.stringify(runId)}`);
            const token = args.token;
            if (!token)
                throw new UsageError('--token (or SIPAPP_TOKEN) is required');
            // The HTTP client and the cleanup load only when there is something to clean.
            const [{ readLedgers, Ledger }, { cleanupLedger }, { HttpClient }, { Redactor }, { NameFactory }] = await Promise.all([
                import("../../runner/ledger.js"), import("../../runner/cleanup.js"), import("../../runner/http.js"), import("../../runner/redact.js"), import("../../runner/names.js"),
            ]);
            const dir = join(String(args.out), 'ledger');
            const entries = readLedgers(dir, runId).filter((e) => !e.removed);
            const redactor = new Redactor().add(token, '$SIPAPP_TOKEN');
            const maxWait = Number(args['max-wait']);
            if (!Number.isFinite(maxWait) || maxWait < 0)
                throw new UsageError(`--max-wait must be a number ≥ 0, got ${JSON.stringify(args['max-wait'])}`);
            const http = new HttpClient({ timeoutMs: Number(args.timeout), maxBodyBytes: 10 * 1024 * 1024, retries: 1, maxWaitMs: maxWait * 1000 });
            let failures = 0;
            try {
                // A named run is also swept by its prefix, even when its ledger is missing.
                const runIds = [...new Set([...entries.map((e) => e.runId), ...(runId ? [runId] : [])])];
                for (const runId of runIds) {
                    const ledger = new Ledger(runId, dir);
                    const env = {
                        runId, baseUrl: String(args['base-url']).replace(/\/+$/, ''), strict: false, readOnly: false, http, redactor,
                        tokens: { a: token }, forged: [], fixtures: { tnleases: [] }, ledger, names: new NameFactory(runId),
                        pace: async () => undefined, requestCount: 0,
                    };
                    const result = await cleanupLedger(env, ledger, entries.filter((e) => e.runId === runId), { sweepPrefix: Boolean(args.run) });
                    process.stdout.write(`${runId}: ${result.status === 'error' ? '✗' : '✓'} ${result.reason}\n`);
                    if (result.status === 'error')
                        failures++;
                }
                const throttled = http.throttling;
                if (throttled.answers)
                    process.stdout.write(`throttled: ${throttled.answers} answer(s) 429/503 on ${throttled.requests} request(s), waited ${(throttled.waitedMs / 1000).toFixed(1)} s\n`);
                if (runIds.length === 0)
                    process.stdout.write('nothing to clean up\n');
            }
            finally {
                await http.close();
            }
            setExitCode(failures ? 1 : 0);
        },
    };
}
//# sourceMappingURL=cleanup.js.map