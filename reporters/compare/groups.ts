/** The grouping every compare report shares: by class, then operation × kind. */
import type { CompareResult, Difference, DifferenceClass, DifferenceKind } from '../../src/compare/model.ts';

export interface DifferenceGroup {
  class: DifferenceClass;
  operation: string;
  kind: DifferenceKind;
  differences: Difference[];
}

export const CLASS_ORDER: readonly DifferenceClass[] = ['spec', 'unexplained', 'errata'];

/** Groups in a stable order: worst class first, then operation and kind by name. */
export function groupDifferences(result: CompareResult): DifferenceGroup[] {
  const groups = new Map<string, DifferenceGroup>();
  for (const d of result.differences) {
    const key = `${d.class}\u0000${d.operation}\u0000${d.kind}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { class: d.class, operation: d.operation, kind: d.kind, differences: [] }));
    g.differences.push(d);
  }
  return [...groups.values()].sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) || a.operation.localeCompare(b.operation) || a.kind.localeCompare(b.kind));
}

/** One line saying what differs and why it is (or is not) allowed. */
export function explain(d: Difference): string {
  const what = `${d.path}: candidate ${d.candidate}, reference ${d.reference}`;
  if (d.class === 'spec') return `${what} — ${d.checks!.map((c) => `[${c.check}] ${c.message}`).join('; ')}`;
  if (d.class === 'errata') return `${what} — ${d.errata!.id}: ${d.errata!.why}`;
  return `${what} — the spec is silent; a client relying on the reference may break`;
}

export function summaryLine(result: CompareResult): string {
  const { summary: s } = result;
  const verdict = s.exitCode === 0 ? 'NO FAILING DIFFERENCES' : 'DIFFERENCES';
  return `${verdict}  ${s.differences} difference(s): ${s.byClass.spec} break the spec, ${s.byClass.unexplained} unexplained, ${s.byClass.errata} allowed by the errata` +
    ` · ${s.casesCompared} cases, ${s.exchangesCompared} exchanges compared · noise cancelled: ${s.noise.suppressed} candidate difference(s) on ${s.noise.aspects} aspect(s) the two reference runs disagree on, ${s.noise.exchanges} exchange(s) past where they parted`;
}
