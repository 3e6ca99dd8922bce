import type { CaseResult, CheckOutcome } from '../results/model.ts';
import type { Redactor } from '../runner/redact.ts';
import type { ContractInteraction } from './interactions.ts';
import type { PactInteractionInfo } from './pact-files.ts';

/** The Pact verifier's JSON report, as far as the project reads it. */
export interface PactMismatch {
  type?: string;
  path?: string;
  expected?: unknown;
  actual?: unknown;
  mismatch?: string;
  key?: string;
}

export interface PactError {
  interaction?: string;
  mismatch?: { type?: string; message?: string; mismatches?: PactMismatch[]; interactionId?: string; description?: string };
}

export interface PactInteractionResult {
  description?: string;
  duration?: string;
  result?: string;
  pending?: boolean;
  providerStates?: string[];
  mismatch?: PactError['mismatch'];
}

export interface PactReport {
  result?: boolean;
  errors?: PactError[];
  pendingErrors?: PactError[];
  interactionResults?: PactInteractionResult[];
  output?: string[];
}

/** The verifier resolves with its report as a string, or rejects with it as an Error's message. */
export function parseReport(raw: unknown): PactReport {
  const text = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : JSON.stringify(raw ?? {});
  try {
    return JSON.parse(text) as PactReport;
  } catch {
    return { result: false, errors: [{ interaction: '(verification)', mismatch: { type: 'error', message: text } }] };
  }
}

/** Mismatch values can be whole bodies: keep reports readable. */
const show = (v: unknown, max = 400): string => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
};

/** One failed `pact-interaction` outcome from one mismatch (or from a message when there is none). */
export function checkOf(i: ContractInteraction | undefined, description: string, m: PactMismatch | undefined, fallback: string, advisory = false): CheckOutcome {
  const where = m?.path ?? m?.key;
  return {
    check: 'pact-interaction',
    status: advisory ? 'warning' : 'failed',
    normative: !advisory,
    rule: i ? `contract "${description}" (${i.rule}${advisory && i.pending ? `; pending: ${i.pending}` : ''})` : `contract "${description}"`,
    message: `${description}: ${m ? show(`${m.type ?? 'mismatch'}${where ? ` at ${where}` : ''}: ${m.mismatch ?? ''}`.trim()) : fallback}`,
    expected: m?.expected === undefined ? undefined : show(m.expected),
    actual: m?.actual === undefined ? undefined : show(m.actual),
  };
}

/** What turning a report into cases needs to know besides the report. */
export interface ReportContext {
  /** The interactions of the pact files, in file order. */
  planned: PactInteractionInfo[];
  /** The project's own description of each interaction (id, operation, rule), by description. */
  known: Map<string, ContractInteraction>;
  /** Problems setting provider states up, by state name. */
  stateErrors: Map<string, string[]>;
  redactor: Redactor;
  caseId(description: string): string;
  tags(p: PactInteractionInfo): string[];
  /** How long the whole verification took, ms (for the unattributed-failure case). */
  elapsedMs: number;
  /** Pending interactions fail like the others (verify --strict); else their mismatches are warnings. */
  strict: boolean;
}

/**
 * One case per planned interaction (suite `pact`), failed with one outcome per mismatch,
 * plus a `pact.verification` error case when the verifier reported a failure it did not
 * attribute to an interaction.
 */
export function casesFromReport(report: PactReport, c: ReportContext): CaseResult[] {
  // Per interaction: the verifier's interactionResults; its `errors` name the interaction as
  // "Verifying a pact between C and P Given <state> - <description>".
  const failures = new Map<string, PactError[]>();
  const durations = new Map<string, number>();
  const unattributed: PactError[] = [];
  for (const r of report.interactionResults ?? []) {
    if (r.description && r.duration) durations.set(r.description, Number.parseInt(r.duration, 10) || 0);
  }
  const byLength = [...c.planned].sort((a, b) => b.description.length - a.description.length);
  for (const e of [...(report.errors ?? []), ...(report.pendingErrors ?? [])]) {
    const named = e.interaction ?? '';
    const p = byLength.find((x) => named === x.description || named.endsWith(` - ${x.description}`));
    if (p) failures.set(p.description, [...(failures.get(p.description) ?? []), e]);
    else unattributed.push(e);
  }

  const cases: CaseResult[] = [];
  for (const p of c.planned) {
    const i = c.known.get(p.description);
    const errs = failures.get(p.description) ?? [];
    // A pending interaction pins one reading among several (E07, E19): a warning unless --strict.
    const advisory = p.pending && !c.strict;
    const checks: CheckOutcome[] = [];
    for (const e of errs) {
      const ms = e.mismatch?.mismatches ?? [];
      if (ms.length) for (const m of ms) checks.push(checkOf(i, p.description, m, '', advisory));
      else checks.push(checkOf(i, p.description, undefined, c.redactor.text(e.mismatch?.message ?? e.mismatch?.type ?? 'verification failed'), advisory));
    }
    const stateProblems = p.states.flatMap((s) => (c.stateErrors.get(s) ?? []).map((m) => `provider state "${s}": ${m}`));
    if (errs.length && stateProblems.length) checks.push({ ...checkOf(i, p.description, undefined, stateProblems.join('; '), advisory), check: 'pact-provider-state' });
    if (!errs.length) {
      checks.push({ check: 'pact-interaction', status: 'passed', normative: true, rule: i ? `contract "${p.description}" (${i.rule})` : `contract "${p.description}"`, message: `${p.method} ${p.path} → ${p.status}: verified` });
    }
    cases.push({
      id: c.caseId(p.description),
      title: p.description,
      suite: 'pact',
      operation: i?.operationId ?? `${p.method} ${p.path}`,
      tags: c.tags(p),
      status: errs.length && !advisory ? 'failed' : 'passed',
      durationMs: durations.get(p.description) ?? 0,
      checks: checks.map((o) => c.redactor.deep(o)),
      exchanges: [],
    });
  }
  if (unattributed.length || (report.result === false && failures.size === 0)) {
    const message = unattributed.map((e) => c.redactor.text(e.mismatch?.message ?? JSON.stringify(e))).join('; ') || 'the verifier reported a failure it did not attribute to an interaction';
    cases.push({
      id: 'pact.verification',
      title: 'Pact verification',
      suite: 'pact',
      operation: 'workflow',
      tags: ['pact'],
      status: 'error',
      durationMs: c.elapsedMs,
      reason: message,
      checks: [],
      exchanges: [],
    });
  }
  return cases;
}
