import type { CaseResult, RunResult } from './model.ts';

/** Combine the bundles of CI shards into one run: every case once, counts recomputed. */
export function mergeRuns(runs: RunResult[]): RunResult {
  if (runs.length === 0) throw new Error('nothing to merge');
  const byId = new Map<string, CaseResult>();
  for (const run of runs) {
    for (const c of run.cases) {
      // Each shard has its own cleanup case; keep them all, distinguished by run id.
      const id = c.suite === 'cleanup' ? `${c.id}.${run.info.runId}` : c.id;
      if (!byId.has(id)) byId.set(id, { ...c, id });
    }
  }
  const cases = [...byId.values()];
  const started = runs.map((r) => r.info.startedAt).sort()[0];
  const ended = runs.map((r) => r.info.endedAt ?? r.info.startedAt).sort().at(-1);
  const count = (s: CaseResult['status']) => cases.filter((c) => c.status === s).length;
  const failed = count('failed');
  const errors = count('error');
  return {
    info: { ...runs[0].info, runId: runs.map((r) => r.info.runId).join('+'), startedAt: started, endedAt: ended, shard: undefined },
    cases,
    summary: {
      total: cases.length,
      passed: count('passed'),
      failed,
      errors,
      skipped: count('skipped'),
      warnings: cases.reduce((n, c) => n + c.checks.filter((o) => o.status === 'warning').length, 0),
      durationMs: Math.max(...runs.map((r) => r.summary.durationMs)),
      requests: runs.reduce((n, r) => n + r.summary.requests, 0),
      exitCode: failed + errors > 0 ? 1 : 0,
    },
  };
}
