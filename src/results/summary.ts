import type { CaseResult, Interruption, RunSummary } from './model.ts';

/**
 * Counts and the verdict of a set of case results: exit 1 when any case failed
 * or could not be evaluated; 130 when a signal cut the run short, whatever ran
 * before it (a gate must never read PASSED for work that was not done).
 */
export function summarise(cases: CaseResult[], durationMs: number, requests: number, throttling?: RunSummary['throttling'], interrupted?: Interruption, resent?: RunSummary['resent']): RunSummary {
  const count = (status: CaseResult['status']) => cases.filter((c) => c.status === status).length;
  const failed = count('failed');
  const errors = count('error');
  const notRun = cases.filter((c) => c.notRun).length;
  const cut = interrupted ?? (cases.some((c) => c.notRun === 'interrupted') ? 'signal' : cases.some((c) => c.notRun === 'deadline') ? 'deadline' : undefined);
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
    ...(resent && (resent.requests || resent.reconciled) ? { resent } : {}),
    notRun,
    ...(cut ? { interrupted: cut } : {}),
    exitCode: cut === 'signal' ? 130 : failed + errors > 0 || cut === 'deadline' ? 1 : 0,
  };
}
