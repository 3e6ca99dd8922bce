import type { CaseResult, RunResult } from './model.ts';
import { summarise } from './summary.ts';
import { withCoverage } from './coverage.ts';

/**
 * Combine the bundles of CI shards into one run: every case once, counts and
 * coverage recomputed. The coverage threshold is `minCoverage`, else the one
 * the shards were run with (a shard does not enforce it: it covers a part).
 */
export function mergeRuns(runs: RunResult[], minCoverage?: number): RunResult {
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
  const threshold = minCoverage ?? numberOrUndefined(runs[0].info.options?.minCoverage);
  // Throttling counts add up across shards (absent from bundles that had none to report).
  const throttled = runs.map((r) => r.summary.throttling).filter((x) => x !== undefined);
  const throttling = throttled.length
    ? throttled.reduce((a, b) => ({ answers: a.answers + b.answers, requests: a.requests + b.requests, waitedMs: a.waitedMs + b.waitedMs, gaveUp: a.gaveUp + b.gaveUp }))
    : undefined;
  return withCoverage({
    info: { ...runs[0].info, runId: runs.map((r) => r.info.runId).join('+'), startedAt: started, endedAt: ended, shard: undefined },
    cases,
    summary: summarise(cases, Math.max(...runs.map((r) => r.summary.durationMs)), runs.reduce((n, r) => n + r.summary.requests, 0), throttling),
  }, threshold);
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
