import { CaseContext, CaseStop } from "./case-context.js";
/** Run one case to a result; never throws. */
export async function runCase(c, env) {
    const ctx = new CaseContext(env);
    const started = performance.now();
    let stop;
    let crash;
    try {
        await c.run(ctx);
    }
    catch (error) {
        if (error instanceof CaseStop)
            stop = error;
        else
            crash = env.redactor.text(`the case itself failed: ${error?.stack?.split('\n').slice(0, 3).join(' ') ?? String(error)}`);
    }
    const failed = ctx.outcomes.some((o) => o.status === 'failed');
    const status = crash || stop?.kind === 'error'
        ? 'error'
        : failed
            ? 'failed'
            : stop?.kind === 'skipped' && ctx.outcomes.length === 0
                ? 'skipped'
                : 'passed';
    return {
        ...describe(c),
        status,
        durationMs: Math.round(performance.now() - started),
        reason: crash ?? (stop ? env.redactor.text(stop.message) : undefined),
        checks: ctx.outcomes,
        exchanges: ctx.exchanges,
    };
}
export function describe(c) {
    return { id: c.id, title: c.title, suite: c.suite, operation: c.operation, tags: [...c.tags] };
}
export function skippedResult(c, reason) {
    return { ...describe(c), status: 'skipped', durationMs: 0, reason, checks: [], exchanges: [] };
}
/**
 * Run cases with at most `concurrency` in flight. Cases sharing a `lock` run
 * one after another in definition order (they share fixtures such as leases).
 * Exclusive cases run afterwards, one at a time, with nothing else in flight.
 * Results come back in definition order, whatever order they finished in.
 */
export async function executeCases(cases, env, options) {
    const shared = cases.filter((c) => !c.exclusive);
    const alone = cases.filter((c) => c.exclusive);
    const results = new Map();
    const parallel = await executePool(shared, env, options, options.concurrency);
    shared.forEach((c, i) => results.set(c, parallel[i]));
    const serial = await executePool(alone, env, options, 1);
    alone.forEach((c, i) => results.set(c, serial[i]));
    return cases.map((c) => results.get(c));
}
async function executePool(cases, env, options, concurrency) {
    const results = new Array(cases.length);
    const locks = new Map();
    let next = 0;
    const runAt = async (index) => {
        const c = cases[index];
        const late = options.deadline !== undefined && Date.now() > options.deadline;
        const result = options.aborted?.()
            ? skippedResult(c, 'run interrupted before this case started')
            : late
                ? { ...skippedResult(c, 'run deadline reached before this case started'), status: 'error' }
                : await runCase(c, env);
        results[index] = result;
        await options.onCaseEnd?.(result);
    };
    const worker = async () => {
        while (next < cases.length) {
            const index = next++;
            const lock = cases[index].lock;
            if (!lock) {
                await runAt(index);
                continue;
            }
            const previous = locks.get(lock) ?? Promise.resolve();
            const mine = previous.then(() => runAt(index));
            locks.set(lock, mine.catch(() => undefined));
            await mine;
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, cases.length)) }, worker));
    return results;
}
//# sourceMappingURL=executor.js.map