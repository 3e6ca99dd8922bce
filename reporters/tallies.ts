/**
 * What the summaries count: failures and warnings per case, cases by operation, outcomes by
 * check, the operation × check matrix. Read from the results; the verdict is `summary.exitCode`.
 */
import { OPERATION_IDS } from '../src/spec/operations.ts';
import { CHECK_NAMES } from '../src/checks/catalogue.ts';
import type { CaseResult, CaseStatus, CheckOutcome, CheckStatus, Exchange, RunResult, RunSummary } from '../src/results/model.ts';
import { evidenceFor } from './format.ts';

export const failedChecks = (c: CaseResult): CheckOutcome[] => c.checks.filter((k) => k.status === 'failed');
export const warningChecks = (c: CaseResult): CheckOutcome[] => c.checks.filter((k) => k.status === 'warning');

/** `PASSED` / `FAILED`, from the run's own exit code: reporters never re-judge. */
export type Verdict = 'PASSED' | 'FAILED' | 'INTERRUPTED';

/**
 * `PASSED` / `FAILED` / `INTERRUPTED`, from the run's own summary: reporters
 * never re-judge. A run cut short (signal or deadline) is INTERRUPTED even if
 * everything that ran passed.
 */
export function verdict(summary: RunSummary): Verdict {
  if (summary.interrupted) return 'INTERRUPTED';
  return summary.exitCode === 0 ? 'PASSED' : 'FAILED';
}

export const CASE_STATUSES: readonly CaseStatus[] = ['passed', 'failed', 'error', 'skipped'];
export const CHECK_STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'warning', 'skipped'];

function orderBy(known: readonly string[], seen: Iterable<string>): string[] {
  const rank = new Map(known.map((k, i) => [k, i]));
  return [...new Set(seen)].sort((a, b) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Operations in the page's order, unknown ones after, alphabetically. */
export function operationsOf(run: RunResult): string[] {
  return orderBy(OPERATION_IDS, run.cases.map((c) => c.operation));
}

/** Check names in the catalogue's order, unknown ones after, alphabetically. */
export function checkNamesOf(run: RunResult): string[] {
  return orderBy(CHECK_NAMES, run.cases.flatMap((c) => c.checks.map((k) => k.check)));
}

export function suitesOf(run: RunResult): string[] {
  return [...new Set(run.cases.map((c) => c.suite))];
}

export type Counts<S extends string> = Record<S, number> & { total: number };

function zero<S extends string>(keys: readonly S[]): Counts<S> {
  const o = { total: 0 } as Counts<S>;
  for (const k of keys) (o as Record<string, number>)[k] = 0;
  return o;
}

/** Case counts per status for each operation. */
export function casesByOperation(run: RunResult): Map<string, Counts<CaseStatus>> {
  const out = new Map<string, Counts<CaseStatus>>();
  for (const op of operationsOf(run)) out.set(op, zero(CASE_STATUSES));
  for (const c of run.cases) {
    const row = out.get(c.operation)!;
    row[c.status] += 1;
    row.total += 1;
  }
  return out;
}

/** Outcome counts per status for each check name. */
export function outcomesByCheck(run: RunResult): Map<string, Counts<CheckStatus>> {
  const out = new Map<string, Counts<CheckStatus>>();
  for (const name of checkNamesOf(run)) out.set(name, zero(CHECK_STATUSES));
  for (const c of run.cases) {
    for (const k of c.checks) {
      const row = out.get(k.check)!;
      row[k.status] += 1;
      row.total += 1;
    }
  }
  return out;
}

/** Outcome counts per (operation, check). Missing key = never applied to that operation. */
export function outcomeMatrix(run: RunResult): Map<string, Map<string, Counts<CheckStatus>>> {
  const out = new Map<string, Map<string, Counts<CheckStatus>>>();
  for (const op of operationsOf(run)) out.set(op, new Map());
  for (const c of run.cases) {
    const row = out.get(c.operation)!;
    for (const k of c.checks) {
      let cell = row.get(k.check);
      if (!cell) row.set(k.check, (cell = zero(CHECK_STATUSES)));
      cell[k.status] += 1;
      cell.total += 1;
    }
  }
  return out;
}

/** The colour a cell gets: worst result wins; `none` when nothing was evaluated. */
export function cellStatus(cell: Counts<CheckStatus> | undefined): 'failed' | 'warning' | 'passed' | 'none' {
  if (!cell) return 'none';
  if (cell.failed > 0) return 'failed';
  if (cell.warning > 0) return 'warning';
  if (cell.passed > 0) return 'passed';
  return 'none';
}

/** One failed check with its case and evidence: what every reporter's failure detail shows. */
export interface FailureItem {
  case: CaseResult;
  check: CheckOutcome;
  exchange?: Exchange;
}

export function failureItems(run: RunResult): FailureItem[] {
  return run.cases.flatMap((c) => failedChecks(c).map((check) => ({ case: c, check, exchange: evidenceFor(c, check) })));
}

export function warningItems(run: RunResult): FailureItem[] {
  return run.cases.flatMap((c) => warningChecks(c).map((check) => ({ case: c, check, exchange: evidenceFor(c, check) })));
}
