/**
 * Explaining each difference: *breaks the spec* when a check fails on the
 * candidate at that exchange and fails on neither reference run (the same
 * checks and messages as `run`); else *allowed by the errata* when an entry of
 * the errata table covers it; else *unexplained*. A check that fails on the
 * candidate only but left no difference after normalisation is still reported,
 * as a `verdict` difference: the spec's word outranks the normaliser's.
 */
import type { Exchange } from '../results/model.ts';
import type { CaseDiff, RawDifference } from './diff.ts';
import { errataFor } from './errata.ts';
import { viewOf, type Difference } from './model.ts';

export interface FailedCheck {
  check: string;
  rule: string;
  message: string;
  /** Index in the case's transcript of the exchange judged; -1 when the outcome names none. */
  index: number;
}

export interface CaseSides {
  caseId: string;
  operation: string;
  candidate: { transcript: readonly Exchange[]; failed: readonly FailedCheck[] };
  reference: { transcript: readonly Exchange[]; failed: readonly FailedCheck[] };
  /** The second reference run's failures: a check failing on either reference is not the candidate's doing. */
  reference2Failed: readonly FailedCheck[];
}

export function classifyCase(sides: CaseSides, diff: CaseDiff): Difference[] {
  const onReference = new Set([...sides.reference.failed, ...sides.reference2Failed].map((f) => f.check));
  const fresh = sides.candidate.failed.filter((f) => !onReference.has(f.check));
  const used = new Set<FailedCheck>();
  const out: Difference[] = [];
  const make = (d: RawDifference, checks: FailedCheck[]): Difference => {
    const c = sides.candidate.transcript[d.index];
    const r = sides.reference.transcript[d.refIndex];
    const purpose = c?.purpose ?? r?.purpose ?? '(after the last request)';
    const context = { ...d, caseId: sides.caseId, operation: c?.operation ?? r?.operation ?? sides.operation, purpose };
    checks.forEach((f) => used.add(f));
    const errata = checks.length ? undefined : errataFor(context);
    return {
      caseId: sides.caseId, operation: context.operation, index: d.index, purpose, kind: d.kind, path: d.path,
      candidate: d.candidate, reference: d.reference,
      class: checks.length ? 'spec' : errata ? 'errata' : 'unexplained',
      ...(checks.length ? { checks: checks.map(({ check, rule, message }) => ({ check, rule, message })) } : {}),
      ...(errata ? { errata } : {}),
      ...(c ? { candidateExchange: viewOf(c) } : {}),
      ...(r ? { referenceExchange: viewOf(r) } : {}),
    };
  };
  // What a case does after the candidate failed a check depends on that failure (a property shrinks, a case
  // stops or reads back what the fault left): later differences of the case are classified with it.
  const firstFailure = Math.min(...fresh.map((f) => (f.index < 0 ? Infinity : f.index)));
  for (const d of diff.differences) {
    const checks = d.kind === 'sequence' ? fresh : fresh.filter((f) => f.index === d.index || (d.index > firstFailure && f.index >= 0 && f.index <= d.index));
    out.push(make(d, checks));
  }
  for (const f of fresh) {
    if (used.has(f)) continue;
    const index = Math.max(0, f.index);
    out.push(make({ index, refIndex: diff.pairs.get(index) ?? -1, kind: 'verdict', path: `check:${f.check}`, candidate: 'failed', reference: 'passed' }, fresh.filter((g) => !used.has(g) && Math.max(0, g.index) === index)));
  }
  return out;
}
