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
 * Run cases with at most `concurrency` in flight, each starting as soon as a
 * slot and the fixtures it needs are free: a case waiting for a fixture never
 * holds a slot, so independent cases never wait for each other.
 *
 * Fixtures are held as finely as they are shared:
 * - `lock: 'tnleases'`: the case assigns the account's TN leases. It takes as
 *   many leases as it needs (two for `needs: ['twoTnleases']`, else one) from
 *   the run's pool and sees only those in `env.fixtures.tnleases`: cases on
 *   different leases run side by side, two cases never share a lease.
 * - any other lock (e.g. 'call', the one live call): one case at a time.
 * Waiting cases are served in definition order per fixture (no overtaking), so
 * a case needing both leases is not starved by single-lease ones.
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
/** The lock name of cases that assign the account's leases (a pool, not one lock). */
export const LEASE_POOL_LOCK = 'tnleases';
/** How many of the pool's leases a case holds while it runs. */
export function leaseDemand(c, poolSize) {
    if (c.lock !== LEASE_POOL_LOCK)
        return 0;
    const wanted = c.needs?.includes('twoTnleases') ? 2 : c.needs?.includes('tnlease') ? 1 : poolSize;
    return Math.min(wanted, poolSize);
}
/** The run's environment as one case sees it: only the leases it holds. */
function withLeases(env, tnleases) {
    const fixtures = { ...env.fixtures, tnleases };
    // A proxy, not a copy: the case still counts its requests into the run's environment.
    return new Proxy(env, { get: (target, key) => (key === 'fixtures' ? fixtures : Reflect.get(target, key)) });
}
async function executePool(cases, env, options, concurrency) {
    const results = new Array(cases.length);
    const pending = cases.map((_, index) => index);
    const heldLocks = new Set();
    const freeLeases = [...env.fixtures.tnleases];
    const limit = Math.max(1, concurrency);
    let running = 0;
    const runAt = async (index, leases) => {
        const c = cases[index];
        const late = options.deadline !== undefined && Date.now() > options.deadline;
        const result = options.aborted?.()
            ? skippedResult(c, 'run interrupted before this case started')
            : late
                ? { ...skippedResult(c, 'run deadline reached before this case started'), status: 'error' }
                : await runCase(c, leases ? withLeases(env, leases) : env);
        results[index] = result;
        await options.onCaseEnd?.(result);
    };
    return new Promise((resolve, reject) => {
        let failed = false;
        const pump = () => {
            if (failed)
                return;
            // Fixtures an earlier waiting case is queued for: later cases may not overtake it on them.
            const queuedLocks = new Set();
            let leasesQueued = false;
            for (let p = 0; p < pending.length && running < limit;) {
                const index = pending[p];
                const c = cases[index];
                const demand = leaseDemand(c, env.fixtures.tnleases.length);
                const lock = c.lock && c.lock !== LEASE_POOL_LOCK ? c.lock : undefined;
                const lockFree = !lock || (!heldLocks.has(lock) && !queuedLocks.has(lock));
                const leasesFree = demand === 0 || (!leasesQueued && freeLeases.length >= demand);
                if (!lockFree || !leasesFree) {
                    if (lock)
                        queuedLocks.add(lock);
                    if (demand > 0)
                        leasesQueued = true;
                    p++;
                    continue;
                }
                pending.splice(p, 1);
                if (lock)
                    heldLocks.add(lock);
                const leases = c.lock === LEASE_POOL_LOCK ? freeLeases.splice(0, demand) : undefined;
                running++;
                runAt(index, leases).then(() => {
                    running--;
                    if (lock)
                        heldLocks.delete(lock);
                    if (leases)
                        freeLeases.push(...leases);
                    pump();
                }, (error) => {
                    failed = true;
                    reject(error);
                });
            }
            if (pending.length === 0 && running === 0)
                resolve(results);
        };
        pump();
    });
}
//# sourceMappingURL=executor.js.map