import type { CaseResult, CaseStatus, RunResult } from './model.ts';
import { summarise } from './summary.ts';
import { withCoverage } from './coverage.ts';

/**
 * The stated rule for a case id found in more than one bundle (a rerun, the
 * same shard uploaded twice): the worst result wins, so a merge can never
 * turn a failure into a pass whatever order the bundles come in.
 */
export const WORST_FIRST: readonly CaseStatus[] = ['failed', 'error', 'passed', 'skipped'];
const rank = (s: CaseStatus) => {
  const i = WORST_FIRST.indexOf(s);
  return i < 0 ? -1 : WORST_FIRST.length - i;
};

/** Case id within the merge: each shard has its own cleanup case, kept apart by run id. */
const mergeId = (c: CaseResult, run: RunResult) => (c.suite === 'cleanup' ? `${c.id}.${run.info.runId}` : c.id);

/**
 * Combine the bundles of CI shards into one run: every case once (the worst
 * result of a duplicated id), counts and coverage recomputed. The coverage
 * threshold is `minCoverage`, else the one the shards were run with (a shard
 * does not enforce it: it covers a part).
 */
export function mergeRuns(runs: RunResult[], minCoverage?: number): RunResult {
  if (runs.length === 0) throw new Error('nothing to merge');
  const byId = new Map<string, CaseResult>();
  for (const run of runs) {
    for (const c of run.cases) {
      const id = mergeId(c, run);
      const kept = byId.get(id);
      if (!kept || rank(c.status) > rank(kept.status)) byId.set(id, { ...c, id });
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
  const resends = runs.map((r) => r.summary.resent).filter((x) => x !== undefined);
  const resent = resends.length
    ? resends.reduce((a, b) => ({ requests: a.requests + b.requests, attempts: a.attempts + b.attempts, gaveUp: a.gaveUp + b.gaveUp, reconciled: a.reconciled + b.reconciled }))
    : undefined;
  return withCoverage({
    info: { ...runs[0].info, runId: runs.map((r) => r.info.runId).join('+'), startedAt: started, endedAt: ended, shard: undefined },
    cases,
    summary: summarise(cases, Math.max(...runs.map((r) => r.summary.durationMs)), runs.reduce((n, r) => n + r.summary.requests, 0), throttling, undefined, resent),
  }, threshold);
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export interface MergeConcerns {
  /** Case ids present in more than one bundle (resolved by WORST_FIRST). */
  duplicates: string[];
  /** Ways the bundles are not runs of one suite against one target: differing targets, tool versions, spec hashes. */
  mismatches: string[];
}

/**
 * What makes two runs runs of one target: the base URL, except for the embedded reference server,
 * which each run starts on a port of its own: there the server and its fault (if any) are the target.
 */
function targetIdentity(r: RunResult): string {
  if (!r.info.target.embedded) return r.info.target.baseUrl;
  const fault = r.info.options?.fault;
  return `the embedded reference server${typeof fault === 'string' && fault ? ` with --fault ${fault}` : ''}`;
}

/** What the user must hear before trusting a merge: duplicated case ids and bundles that are not comparable. */
export function mergeConcerns(runs: RunResult[], names: string[] = runs.map((r) => r.info.runId)): MergeConcerns {
  const seen = new Map<string, number>();
  for (const run of runs) for (const c of run.cases) seen.set(mergeId(c, run), (seen.get(mergeId(c, run)) ?? 0) + 1);
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  const mismatches: string[] = [];
  const differs = (what: string, value: (r: RunResult) => string) => {
    const values = new Map<string, string[]>();
    runs.forEach((r, i) => values.set(value(r), [...(values.get(value(r)) ?? []), names[i]]));
    if (values.size > 1) mismatches.push(`${what} differ: ${[...values].map(([v, files]) => `${v} (${files.join(', ')})`).join(' vs ')}`);
  };
  differs('targets', targetIdentity);
  differs('tool versions', (r) => `${r.info.tool.name} ${r.info.tool.version}`);
  differs('spec hashes', (r) => r.info.spec.sha256.slice(0, 12));
  return { duplicates, mismatches };
}
