import type { CaseDefinition } from './case.ts';
import type { CaseResult, CheckOutcome, Exchange } from '../results/model.ts';
import { CaseContext, CaseStop } from './case-context.ts';
import type { RunEnvironment } from './environment.ts';

export interface ExecuteOptions {
  concurrency: number;
  /** Epoch ms after which no new case starts (the run deadline). */
  deadline?: number;
  /** Stop starting new cases (a signal arrived). */
  aborted?: () => boolean;
  onCaseEnd?: (result: CaseResult, created: readonly string[]) => void | Promise<void>;
  /** Awaited after the parallel cases, before the exclusive ones start (which need the account to themselves). */
  beforeExclusive?: () => Promise<void>;
}

/** Run one case to a result; never throws. */
export async function runCase(c: CaseDefinition, env: RunEnvironment): Promise<CaseResult> {
  const ctx = new CaseContext(env);
  const started = performance.now();
  let stop: CaseStop | undefined;
  let crash: string | undefined;
  try {
    await c.run(ctx);
  } catch (error) {
    if (error instanceof CaseStop) stop = error;
    else crash = env.redactor.text(`the case itself failed: ${(error as Error)?.stack?.split('\n').slice(0, 3).join(' ') ?? String(error)}`);
  }
  const failed = ctx.outcomes.some((o) => o.status === 'failed');
  const status: CaseResult['status'] = crash || stop?.kind === 'error'
    ? 'error'
    : failed
      ? 'failed'
      : stop?.kind === 'skipped' && ctx.outcomes.length === 0
        ? 'skipped'
        : 'passed';
  // What went out but decides nothing (a passing generated example is not adopted by the case).
  const listed = new Set(ctx.exchanges);
  const unlisted = (env.wire ?? []).filter((e) => !listed.has(e));
  return {
    ...describe(c),
    status,
    durationMs: Math.round(performance.now() - started),
    reason: crash ?? (stop ? env.redactor.text(stop.message) : undefined),
    checks: ctx.outcomes,
    exchanges: ctx.exchanges,
    ...(ctx.transitions ? { transitions: ctx.transitions } : {}),
    ...(unlisted.length ? { unlistedExchanges: unlisted } : {}),
    ...(env.transcript ? { transcript: env.transcript } : {}),
  };
}

export function describe(c: CaseDefinition) {
  return { id: c.id, title: c.title, suite: c.suite, operation: c.operation, tags: [...c.tags] };
}

export function skippedResult(c: CaseDefinition, reason: string): CaseResult {
  return { ...describe(c), status: 'skipped', durationMs: 0, reason, checks: [] as CheckOutcome[], exchanges: [] };
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
 * a case needing both leases is not starved by single-lease ones; cases marked
 * `startFirst` (long chains) go ahead of all others.
 * Exclusive cases run afterwards, one at a time, with nothing else in flight.
 * Results come back in definition order, whatever order they finished in.
 */
export async function executeCases(cases: CaseDefinition[], env: RunEnvironment, options: ExecuteOptions): Promise<CaseResult[]> {
  const shared = cases.filter((c) => !c.exclusive);
  const alone = cases.filter((c) => c.exclusive);
  const results = new Map<CaseDefinition, CaseResult>();
  const parallel = await executePool(shared, env, options, options.concurrency);
  shared.forEach((c, i) => results.set(c, parallel[i]));
  if (alone.length) await options.beforeExclusive?.();
  // An exclusive case has the account to itself: what it creates is not removed beside the next one.
  const serial = await executePool(alone, env, { ...options, onCaseEnd: options.onCaseEnd && ((r) => options.onCaseEnd!(r, [])) }, 1);
  alone.forEach((c, i) => results.set(c, serial[i]));
  return cases.map((c) => results.get(c)!);
}

/** The lock name of cases that assign the account's leases (a pool, not one lock). */
export const LEASE_POOL_LOCK = 'tnleases';

/** How many of the pool's leases a case holds while it runs. */
export function leaseDemand(c: CaseDefinition, poolSize: number): number {
  if (c.lock !== LEASE_POOL_LOCK) return 0;
  const wanted = typeof c.leaseShare === 'number' ? c.leaseShare : c.needs?.includes('twoTnleases') ? 2 : c.needs?.includes('tnlease') || c.leaseShare === 'one' ? 1 : poolSize;
  return Math.min(wanted, poolSize);
}

/** The run's environment as one case sees it: only the leases it holds (if any), its own list of apps created and of exchanges sent. */
function caseView(env: RunEnvironment, tnleases: string[] | undefined, created: string[], wire: Exchange[]): RunEnvironment {
  const fixtures = tnleases ? { ...env.fixtures, tnleases } : env.fixtures;
  // compare's transcript is the same list as the wire, named so only when the run records transcripts.
  const own: Partial<RunEnvironment> = { fixtures, created, wire, ...(env.recordTranscripts ? { transcript: wire } : {}) };
  // A proxy, not a copy: the case still counts its requests into the run's environment.
  return new Proxy(env, { get: (target, key) => (key in own ? own[key as keyof RunEnvironment] : Reflect.get(target, key)) });
}

async function executePool(cases: CaseDefinition[], env: RunEnvironment, options: ExecuteOptions, concurrency: number): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  // Long chains first (a stable order otherwise): the run then ends when its longest chain does.
  const pending = cases.map((_, index) => index).sort((x, y) => Number(Boolean(cases[y].startFirst)) - Number(Boolean(cases[x].startFirst)));
  const heldLocks = new Set<string>();
  const freeLeases = [...env.fixtures.tnleases];
  const limit = Math.max(1, concurrency);
  let running = 0;

  const runAt = async (index: number, leases: string[] | undefined): Promise<void> => {
    const c = cases[index];
    const late = options.deadline !== undefined && Date.now() > options.deadline;
    const created: string[] = [];
    const result: CaseResult = options.aborted?.()
      ? { ...skippedResult(c, 'not run: the run was interrupted before this case started'), notRun: 'interrupted' }
      : late
        ? { ...skippedResult(c, 'not run: the run deadline was reached before this case started'), status: 'error', notRun: 'deadline' }
        : await runCase(c, caseView(env, leases, created, []));
    results[index] = result;
    await options.onCaseEnd?.(result, created);
  };

  return new Promise<CaseResult[]>((resolve, reject) => {
    let failed = false;
    const pump = () => {
      if (failed) return;
      // Fixtures an earlier waiting case is queued for: later cases may not overtake it on them.
      const queuedLocks = new Set<string>();
      let leasesQueued = false;
      for (let p = 0; p < pending.length && running < limit; ) {
        const index = pending[p];
        const c = cases[index];
        const demand = leaseDemand(c, env.fixtures.tnleases.length);
        const lock = c.lock && c.lock !== LEASE_POOL_LOCK ? c.lock : undefined;
        const lockFree = !lock || (!heldLocks.has(lock) && !queuedLocks.has(lock));
        const leasesFree = demand === 0 || (!leasesQueued && freeLeases.length >= demand);
        if (!lockFree || !leasesFree) {
          if (lock) queuedLocks.add(lock);
          if (demand > 0) leasesQueued = true;
          p++;
          continue;
        }
        pending.splice(p, 1);
        if (lock) heldLocks.add(lock);
        const leases = c.lock === LEASE_POOL_LOCK ? freeLeases.splice(0, demand) : undefined;
        running++;
        runAt(index, leases).then(
          () => {
            running--;
            if (lock) heldLocks.delete(lock);
            if (leases) freeLeases.push(...leases);
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
      if (pending.length === 0 && running === 0) resolve(results);
    };
    pump();
  });
}
