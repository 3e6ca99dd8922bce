/**
 * `replay`: run again the cases that failed (or could not be evaluated) in a
 * results bundle — against the same target, another --base-url, or the
 * embedded server — and say of each whether it is FIXED, STILL FAILING or an
 * ERROR now. Cases are found by id in today's suites: a replay re-derives
 * every request (fresh names, fresh apps) instead of re-sending recorded
 * bytes, so it can neither touch what the first run created nor depend on it.
 */
import type { CaseResult, RunResult } from '../results/model.ts';
import { ALL_CASES } from '../../suites/index.ts';
import type { RunOptions } from '../runner/options.ts';
import { UsageError } from '../runner/options.ts';
import type { RunHooks } from '../runner/run.ts';
import { runConformanceSuite } from './run.ts';
import { SHAPING_FLAGS, shapingFlags, shapingOfBundle, type Shaping } from '../runner/shaping.ts';
import { RANDOM_SEED } from '../runner/budget.ts';

export type ReplayVerdict = 'FIXED' | 'STILL FAILING' | 'ERROR';

export interface ReplayRow {
  id: string;
  title: string;
  before: CaseResult['status'];
  verdict: ReplayVerdict;
  /** What the replay found: the first failed check, the error, or why it could not run. */
  detail?: string;
}

export interface ReplayOutcome {
  rows: ReplayRow[];
  /** What shaped the replay and where each came from, e.g. `--fault name-counts-bytes --seed 5 --budget 150 (from the bundle)`. */
  used: string;
  /** 0 only when every replayed case is fixed. */
  exitCode: 0 | 1;
  /** The replay's own run (absent when no case was replayed). */
  run?: RunResult;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The bundle's failed and errored cases, the run's cleanup excepted. */
export function casesToReplay(bundle: RunResult): CaseResult[] {
  return bundle.cases.filter((c) => (c.status === 'failed' || c.status === 'error') && c.suite !== 'cleanup');
}

/**
 * The replay's options: what shaped the bundle's run (its fault, seed, budget, strictness, …:
 * src/runner/shaping.ts) unless `overridden` names it — a replay that drew a new seed, or forgot the
 * fault, would call FIXED what was never fixed. A fault applies to the embedded server only: with
 * another --base-url it is left out, and said so.
 */
export function replayOptions(bundle: RunResult, options: RunOptions, overridden: ReadonlySet<keyof Shaping> = new Set()): { options: RunOptions; used: string } {
  // The bundle's target, unless the user names another (an embedded server's port is gone: start a new one).
  const baseUrl = options.baseUrl ?? (bundle.info.target.embedded ? undefined : bundle.info.target.baseUrl);
  const recorded = shapingOfBundle(bundle.info);
  const fromBundle: Partial<Shaping> = {};
  for (const key of Object.keys(recorded) as Array<keyof Shaping>) {
    if (!overridden.has(key)) Object.assign(fromBundle, { [key]: recorded[key] });
  }
  const notes: string[] = [];
  if (fromBundle.fault && baseUrl) {
    notes.push(`the bundle's --fault ${fromBundle.fault} is left out: it applies to the embedded server, not ${baseUrl}`);
    delete fromBundle.fault;
  }
  const givenFlags = [...overridden].map((key) => givenFlag(key, options[key])).join(' ');
  const used = [
    shapingFlags(fromBundle).length ? `${shapingFlags(fromBundle).join(' ')} (from the bundle)` : 'nothing from the bundle (it records no fault, seed or budget)',
    ...(givenFlags ? [`${givenFlags} (given)`] : []),
    ...notes,
  ].join('; ');
  return { options: { ...options, ...fromBundle, baseUrl, examplesFile: false }, used };
}

/** An overriding option as typed: `--seed random`, `--no-strict`, `--budget 400`. */
function givenFlag(key: keyof Shaping, value: unknown): string {
  if (value === false) return `--no-${SHAPING_FLAGS[key]}`;
  if (value === true) return `--${SHAPING_FLAGS[key]}`;
  if (value === undefined || value === RANDOM_SEED) return key === 'fault' ? '--fault none' : `--${SHAPING_FLAGS[key]} ${value ?? '(default)'}`;
  return shapingFlags({ [key]: value }).join(' ');
}

export async function replayFailures(bundle: RunResult, options: RunOptions, hooks: RunHooks = {}, overridden?: ReadonlySet<keyof Shaping>): Promise<ReplayOutcome> {
  const wanted = casesToReplay(bundle);
  if (wanted.length === 0) throw new UsageError('nothing to replay: no case failed or errored in that bundle');
  const known = new Set(ALL_CASES.map((c) => c.id));
  const missing = wanted.filter((c) => !known.has(c.id));
  const present = wanted.filter((c) => known.has(c.id));
  const { options: shaped, used } = replayOptions(bundle, options, overridden);
  let run: RunResult | undefined;
  if (present.length) {
    ({ result: run } = await runConformanceSuite({
      ...shaped,
      // Exactly these cases: ids are unique, and the grep subject is `<id> <title>`.
      grep: present.map((c) => `^${escape(c.id)} `),
      suite: undefined, tag: undefined, check: undefined, operation: undefined, shard: undefined,
      grepInvert: undefined, excludeSuite: undefined, excludeCheck: undefined, minCoverage: undefined,
    }, hooks));
  }
  const now = new Map((run?.cases ?? []).map((c) => [c.id, c]));
  const rows: ReplayRow[] = wanted.map((c) => {
    const again = now.get(c.id);
    if (!again) return { id: c.id, title: c.title, before: c.status, verdict: 'ERROR', detail: missing.includes(c) ? 'no case with this id in this version of the suite' : 'not run' };
    if (again.status === 'passed') return { id: c.id, title: c.title, before: c.status, verdict: 'FIXED' };
    if (again.status === 'failed') {
      const k = again.checks.find((o) => o.status === 'failed');
      return { id: c.id, title: c.title, before: c.status, verdict: 'STILL FAILING', detail: k ? `${k.check}: ${k.message}` : again.reason };
    }
    return { id: c.id, title: c.title, before: c.status, verdict: 'ERROR', detail: again.reason ?? again.status };
  });
  return { rows, used, exitCode: rows.every((r) => r.verdict === 'FIXED') ? 0 : 1, run };
}
