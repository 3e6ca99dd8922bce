import type { CaseDefinition } from '../../suites/case.ts';
import type { CaseResult, CheckOutcome } from '../results/model.ts';
import { CaseContext, CaseStop } from './case-context.ts';
import type { RunEnvironment } from './environment.ts';

export interface ExecuteOptions {
  concurrency: number;
  /** Epoch ms after which no new case starts (the run deadline). */
  deadline?: number;
  /** Stop starting new cases (a signal arrived). */
  aborted?: () => boolean;
  onCaseEnd?: (result: CaseResult) => void | Promise<void>;
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
  return {
    ...describe(c),
    status,
    durationMs: Math.round(performance.now() - started),
    reason: crash ?? (stop ? env.redactor.text(stop.message) : undefined),
    checks: ctx.outcomes,
    exchanges: ctx.exchanges,
  };
}

export function describe(c: CaseDefinition) {
  return { id: c.id, title: c.title, suite: c.suite, operation: c.operation, tags: [...c.tags] };
}

export function skippedResult(c: CaseDefinition, reason: string): CaseResult {
  return { ...describe(c), status: 'skipped', durationMs: 0, reason, checks: [] as CheckOutcome[], exchanges: [] };
}

/**
 * Run cases with at most `concurrency` in flight. Cases sharing a `lock` run
 * one after another in definition order (they share fixtures such as leases).
 * Exclusive cases run afterwards, one at a time, with nothing else in flight.
 * Results come back in definition order, whatever order they finished in.
 */
export async function executeCases(cases: CaseDefinition[], env: RunEnvironment, options: ExecuteOptions): Promise<CaseResult[]> {
  const shared = cases.filter((c) => !c.exclusive);
  const alone = cases.filter((c) => c.exclusive);
  const results = new Map<CaseDefinition, CaseResult>();
  const parallel = await executePool(shared, env, options, options.concurrency);
  shared.forEach((c, i) => results.set(c, parallel[i]));
  const serial = await executePool(alone, env, options, 1);
  alone.forEach((c, i) => results.set(c, serial[i]));
  return cases.map((c) => results.get(c)!);
}

async function executePool(cases: CaseDefinition[], env: RunEnvironment, options: ExecuteOptions, concurrency: number): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  const locks = new Map<string, Promise<void>>();
  let next = 0;

  const runAt = async (index: number) => {
    const c = cases[index];
    const late = options.deadline !== undefined && Date.now() > options.deadline;
    const result: CaseResult = options.aborted?.()
      ? { ...skippedResult(c, 'not run: the run was interrupted before this case started'), notRun: 'interrupted' }
      : late
        ? { ...skippedResult(c, 'not run: the run deadline was reached before this case started'), status: 'error', notRun: 'deadline' }
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
