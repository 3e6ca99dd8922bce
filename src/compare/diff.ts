/**
 * Pairing and diffing: the candidate's exchanges of one case against the first
 * reference run's, exchange by exchange (the case id and the index within the
 * case are the key; the normalised request must match, else the sequences
 * diverged), with the second reference run cancelling noise: an aspect the two
 * reference runs disagree on is never reported for that exchange.
 */
import type { DifferenceKind } from './model.ts';
import { ABSENT_VALUE, type NormalisedExchange } from './normalise.ts';

export interface RawDifference {
  /** Index of the exchange in the candidate's transcript (its length: past its last request). */
  index: number;
  /** Index of the paired exchange in the first reference run's transcript (-1: none). */
  refIndex: number;
  kind: DifferenceKind;
  path: string;
  candidate: string;
  reference: string;
}

export interface CaseDiff {
  differences: RawDifference[];
  /** Exchanges paired and compared. */
  compared: number;
  /** Candidate transcript index → the paired index in the first reference run's. */
  pairs: Map<number, number>;
  noise: {
    /** Aspects the two reference runs disagreed on (over the exchanges both sent alike). */
    aspects: number;
    /** Exchanges past the point where the two reference runs' sequences parted. */
    exchanges: number;
    /** Candidate differences dropped because the aspect was noise. */
    suppressed: number;
  };
}

/**
 * Steps a case sends only when the clock says so (modify.modified-on modifies again when the
 * first change landed in the same second): in a case that has one, a request sent on one side
 * only is the clock's doing, not a difference.
 */
const CLOCK_DEPENDENT = /in a later second/;

/**
 * Requests a case sends side by side ("modify app 1 at once (1 of 2)"): each answer may show the
 * other's write or not, whichever the server (or the network's latency) ran first, so their values
 * are not compared — status, envelope, field set and types still are.
 */
const RACING = /\bat once\b/;

const ENVELOPE = new Set(['$', '$.success', '$.status', '$.payload']);

/** The paths an aspect path lies under: `$.payload[app#1].name` → `$`, `$.payload`, `$.payload[app#1]`. */
export function ancestors(path: string): string[] {
  if (!path.startsWith('$')) return [];
  const out: string[] = [];
  for (let i = 1; i < path.length; i++) if ('.[{'.includes(path[i])) out.push(path.slice(0, i));
  return out;
}

const typeOf = (value: string) => value.split(':')[0];

export function kindOf(path: string, candidate: string, reference: string): DifferenceKind {
  if (path === 'status') return 'status';
  if (path === 'transport') return 'transport';
  if (path === 'body') return 'body';
  if (path.startsWith('header:')) return 'header';
  if (path === '$.message') return 'message';
  if (ENVELOPE.has(path)) return 'envelope';
  if (/\{(members|order|length)\}$/.test(path)) return 'list';
  if (candidate === ABSENT_VALUE || reference === ABSENT_VALUE) return 'field-set';
  return typeOf(candidate) === typeOf(reference) ? 'value' : 'field-type';
}

/**
 * Compare one case: candidate against reference run 1, noise from reference run 2.
 * Exchanges pair by their key (purpose and occurrence, see normalise.ts), so requests a
 * case sends concurrently pair whatever order they were answered in. Where the candidate
 * sends a request the reference runs agree it would not (or leaves out one they both
 * sent), the sequences parted: one `sequence` difference, and the case stops there.
 */
export function diffCase(candidate: readonly NormalisedExchange[], ref1: readonly NormalisedExchange[], ref2: readonly NormalisedExchange[]): CaseDiff {
  const result: CaseDiff = { differences: [], compared: 0, pairs: new Map(), noise: { aspects: 0, exchanges: 0, suppressed: 0 } };
  const byKey = (list: readonly NormalisedExchange[]) => new Map(list.map((e, index) => [e.key, { e, index }]));
  const [first, second] = [byKey(ref1), byKey(ref2)];
  // The reference runs' agreement: the same request under the same key in both.
  const agreed = new Map([...first].filter(([key, r]) => second.get(key)?.e.request === r.e.request));
  result.noise.exchanges = first.size + second.size - 2 * agreed.size;
  const known = (key: string) => first.has(key) || second.has(key);
  const clocked = [candidate, ref1, ref2].some((list) => list.some((e) => CLOCK_DEPENDENT.test(e.purpose)));
  for (let index = 0; index < candidate.length; index++) {
    const c = candidate[index];
    const r = agreed.get(c.key);
    if (!r) {
      if (known(c.key)) continue; // the reference runs themselves differ here: noise
      if (clocked) continue;
      result.differences.push({ index, refIndex: -1, kind: 'sequence', path: 'requests', candidate: `sent: ${c.purpose}`, reference: 'not sent' });
      return result;
    }
    if (c.request !== r.e.request) {
      result.differences.push({ index, refIndex: r.index, kind: 'sequence', path: 'request', candidate: c.request, reference: r.e.request });
      return result;
    }
    result.compared++;
    result.pairs.set(index, r.index);
    const { differences, noisy, suppressed } = diffExchange(c.aspects, r.e.aspects, second.get(c.key)!.e.aspects);
    const kept = RACING.test(c.purpose) ? differences.filter((d) => d.kind !== 'value') : differences;
    result.noise.aspects += noisy;
    result.noise.suppressed += suppressed + differences.length - kept.length;
    result.differences.push(...kept.map((d) => ({ ...d, index, refIndex: r.index })));
  }
  const sent = new Set(candidate.map((c) => c.key));
  const left = clocked ? undefined : [...agreed.values()].find((r) => !sent.has(r.e.key));
  if (left) result.differences.push({ index: candidate.length, refIndex: left.index, kind: 'sequence', path: 'requests', candidate: 'not sent', reference: `sent: ${left.e.purpose}` });
  return result;
}

/** The aspects of one exchange that differ, after noise, each reported at its highest differing path. */
export function diffExchange(c: Map<string, string>, r1: Map<string, string>, r2: Map<string, string>): { differences: Omit<RawDifference, 'index' | 'refIndex'>[]; noisy: number; suppressed: number } {
  // An exchange without an answer on a side has nothing else to compare: the transport is the difference.
  if ([c, r1, r2].some((m) => m.has('transport'))) {
    const [cv, v1, v2] = [c, r1, r2].map((m) => m.get('transport') ?? 'answered');
    if (cv === v1) return { differences: [], noisy: v1 === v2 ? 0 : 1, suppressed: 0 };
    if (v1 !== v2) return { differences: [], noisy: 1, suppressed: 1 };
    return { differences: [{ kind: 'transport', path: 'transport', candidate: cv, reference: v1 }], noisy: 0, suppressed: 0 };
  }
  const noise = new Set<string>();
  for (const path of new Set([...r1.keys(), ...r2.keys()])) if (r1.get(path) !== r2.get(path)) noise.add(path);
  const isNoise = (path: string) => noise.has(path) || ancestors(path).some((a) => noise.has(a));
  const found = new Map<string, Omit<RawDifference, 'index' | 'refIndex'>>();
  let suppressed = 0;
  for (const path of new Set([...c.keys(), ...r1.keys()])) {
    const candidate = c.get(path) ?? ABSENT_VALUE;
    const reference = r1.get(path) ?? ABSENT_VALUE;
    if (candidate === reference) continue;
    if (isNoise(path)) {
      suppressed++;
      continue;
    }
    found.set(path, { kind: kindOf(path, candidate, reference), path, candidate, reference });
  }
  // A field that is null on one side has no children there: report the field, not each child.
  const differences = [...found.values()].filter((d) => !ancestors(d.path).some((a) => found.has(a)));
  return { differences, noisy: noise.size, suppressed };
}
