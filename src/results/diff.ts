import type { CaseResult, RunResult } from './model.ts';

/**
 * What changed between two runs, per case and per check: the answer to
 * "what did last night's deploy break". Keys are case ids + check names,
 * which are stable across runs by design.
 */
export interface RunDiff {
  newlyFailing: DiffEntry[];
  newlyPassing: DiffEntry[];
  newlySkipped: DiffEntry[];
  added: string[];
  removed: string[];
}

export interface DiffEntry {
  caseId: string;
  /** The check that changed, or undefined for the case as a whole (errors, skips). */
  check?: string;
  before: string;
  after: string;
  message?: string;
}

const bad = (status: string) => status === 'failed' || status === 'error';

function checkStates(c: CaseResult): Map<string, { status: string; message?: string }> {
  const states = new Map<string, { status: string; message?: string }>();
  for (const o of c.checks) {
    const previous = states.get(o.check);
    // A check that failed anywhere in the case counts as failed.
    if (!previous || (o.status === 'failed' && previous.status !== 'failed')) states.set(o.check, { status: o.status, message: o.message });
  }
  return states;
}

export function diffRuns(before: RunResult, after: RunResult): RunDiff {
  const old = new Map(before.cases.map((c) => [c.id, c]));
  const now = new Map(after.cases.map((c) => [c.id, c]));
  const diff: RunDiff = { newlyFailing: [], newlyPassing: [], newlySkipped: [], added: [], removed: [] };
  for (const [id, c] of now) {
    const prev = old.get(id);
    if (!prev) { diff.added.push(id); continue; }
    if (c.status === 'skipped' && prev.status !== 'skipped') { diff.newlySkipped.push({ caseId: id, before: prev.status, after: c.status, message: c.reason }); continue; }
    if (c.status === 'error' && prev.status !== 'error') diff.newlyFailing.push({ caseId: id, before: prev.status, after: 'error', message: c.reason });
    if (prev.status === 'error' && c.status !== 'error' && c.status !== 'skipped') diff.newlyPassing.push({ caseId: id, before: 'error', after: c.status });
    const prevChecks = checkStates(prev);
    for (const [check, state] of checkStates(c)) {
      const was = prevChecks.get(check)?.status ?? (prev.status === 'skipped' ? 'skipped' : 'not run');
      if (bad(state.status) && !bad(was)) diff.newlyFailing.push({ caseId: id, check, before: was, after: state.status, message: state.message });
      if (state.status === 'passed' && bad(was)) diff.newlyPassing.push({ caseId: id, check, before: was, after: 'passed' });
    }
  }
  for (const id of old.keys()) if (!now.has(id)) diff.removed.push(id);
  return diff;
}

export function formatDiff(diff: RunDiff): string {
  const lines: string[] = [];
  const section = (title: string, entries: DiffEntry[]) => {
    lines.push(`${title} (${entries.length})`);
    for (const e of entries) lines.push(`  ${e.caseId}${e.check ? ` · ${e.check}` : ''}: ${e.before} → ${e.after}${e.message ? ` — ${e.message}` : ''}`);
  };
  section('Newly failing', diff.newlyFailing);
  section('Newly passing', diff.newlyPassing);
  section('Newly skipped', diff.newlySkipped);
  if (diff.added.length) lines.push(`New cases (${diff.added.length}): ${diff.added.join(', ')}`);
  if (diff.removed.length) lines.push(`Cases no longer run (${diff.removed.length}): ${diff.removed.join(', ')}`);
  return lines.join('\n');
}
