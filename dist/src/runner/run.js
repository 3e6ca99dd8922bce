import { packageInfo } from "../package-root.js";
import { join } from 'node:path';
import { ALL_CASES } from "../../suites/index.js";
import { createReporters } from "../../reporters/index.js";
import { summarise } from "../results/summary.js";
import { specSha256, specVersion } from "../spec/load.js";
import { validateResponse } from "../spec/validators.js";
import { describe, executeCases, skippedResult } from "./executor.js";
import { cleanupLedger } from "./cleanup.js";
import { createPacer } from "./environment.js";
import { HttpClient } from "./http.js";
import { Ledger } from "./ledger.js";
import { NameFactory, newRunId } from "./names.js";
import { effectiveConcurrency, UsageError } from "./options.js";
import { resolveTarget } from "./target.js";
import { Redactor } from "./redact.js";
import { selectCases, skipReason } from "./select.js";
import { forgeCredentials } from "./tokens.js";
const PKG = packageInfo();
/**
 * One conformance run: resolve the target (the embedded reference server when
 * no --base-url), plan the selected cases, run them, clean up what the run
 * created, and hand the results to the reporters. Usage and reachability
 * problems throw UsageError before any case runs.
 */
export async function executeRun(options, hooks = {}) {
    const runId = hooks.runId ?? newRunId();
    const target = await resolveTarget(options);
    const redactor = new Redactor().add(target.tokenA, '$SIPAPP_TOKEN').add(target.tokenB, '$SIPAPP_TOKEN_B').add(target.fixtures.expiredToken, '$SIPAPP_EXPIRED_TOKEN');
    const http = new HttpClient({ timeoutMs: options.timeout, maxBodyBytes: options.maxBody, retries: options.retries, maxWaitMs: (options.maxWait ?? 60) * 1000 });
    const startedAt = new Date();
    try {
        // The preflight leaves first; compiling the validators (blocking) overlaps its round trip.
        const reachable = preflight(http, target.baseUrl, target.tokenA, redactor);
        warmUp(options.strict);
        await reachable;
        const ledger = new Ledger(runId, join(options.out, 'ledger'));
        const env = {
            runId,
            baseUrl: target.baseUrl,
            strict: options.strict,
            readOnly: options.readOnly,
            http,
            redactor,
            tokens: { a: target.tokenA, b: target.tokenB },
            forged: await forgeCredentials(target.tokenA, target.fixtures.expiredToken),
            fixtures: target.fixtures,
            ledger,
            names: new NameFactory(runId),
            pace: createPacer(options.rate),
            requestCount: 0,
            deadlineAt: options.deadline > 0 ? startedAt.getTime() + options.deadline * 1000 : undefined,
        };
        const selected = selectCases(ALL_CASES, options);
        if (selected.length === 0)
            throw new UsageError('the selection (--grep/--suite/--tag/--operation/--shard) matches no case; see `sipapp-conformance list`');
        const availability = { tokenB: Boolean(target.tokenB), readOnly: options.readOnly, fixtures: target.fixtures };
        const runnable = selected.filter((c) => !skipReason(c, availability));
        const info = {
            runId,
            tool: { name: PKG.name, version: PKG.version },
            spec: { version: specVersion(), sha256: specSha256() },
            node: process.version,
            target: { baseUrl: target.baseUrl, embedded: target.embedded },
            options: redactor.deep(publicOptions(options)),
            startedAt: startedAt.toISOString(),
            shard: options.shard,
        };
        const reporters = createReporters(options.reporter, { outDir: options.out, stream: hooks.stream, color: options.color, quiet: options.quiet });
        const plan = selected.map((c) => ({ ...describe(c), checks: [...c.checks] }));
        await reporters.onBegin?.(info, plan);
        const skipped = new Map(selected.map((c) => [c.id, skipReason(c, availability)]));
        const results = [];
        for (const c of selected) {
            const reason = skipped.get(c.id);
            if (reason) {
                const r = skippedResult(c, reason);
                results.push(r);
                await reporters.onCaseEnd?.(r);
            }
        }
        const ran = await executeCases(runnable, env, {
            concurrency: effectiveConcurrency(options),
            deadline: options.deadline > 0 ? startedAt.getTime() + options.deadline * 1000 : undefined,
            aborted: hooks.interrupted,
            onCaseEnd: (r) => reporters.onCaseEnd?.(r),
        });
        const cleanup = await cleanupLedger(env, ledger, ledger.outstanding(), { concurrency: effectiveConcurrency(options) });
        await reporters.onCaseEnd?.(cleanup);
        const byId = new Map([...results, ...ran].map((r) => [r.id, r]));
        const cases = [...selected.map((c) => byId.get(c.id)), cleanup];
        const endedAt = new Date();
        const result = {
            info: { ...info, endedAt: endedAt.toISOString() },
            cases,
            summary: summarise(cases, endedAt.getTime() - startedAt.getTime(), env.requestCount, http.throttling),
        };
        const files = await reporters.onEnd(result);
        return { result, files };
    }
    finally {
        await http.close();
        await target.close();
    }
}
/**
 * Compile the spec's validators before the first request: compiling takes a
 * few hundred ms of blocked event loop, which would otherwise be charged to
 * whichever request's timeout happened to be running.
 */
function warmUp(strict) {
    validateResponse('ListSIPControlApps', 200, { success: true, payload: [] });
    // --strict validates against the spec's x-strict variant: compiled separately.
    if (strict)
        validateResponse('ListSIPControlApps', 200, { success: true, payload: [] }, true);
}
/** Before any case: is the target there at all? Unreachable is a usage problem (exit 2), not a conformance failure. */
async function preflight(http, baseUrl, token, redactor) {
    const reply = await http.send({ method: 'GET', url: `${baseUrl}/rest/sip/app`, headers: { accept: 'application/json', 'x-auth-token': token } });
    if (reply.kind === 'transport-error' && reply.errorKind === 'connection') {
        throw new UsageError(redactor.text(`cannot reach ${baseUrl}: ${reply.message}`));
    }
}
function publicOptions(options) {
    const { token, tokenB, expiredToken, color, quiet, ...rest } = options;
    return { ...rest, token: token ? '<set>' : undefined, tokenB: tokenB ? '<set>' : undefined, expiredToken: expiredToken ? '<set>' : undefined };
}
//# sourceMappingURL=run.js.map