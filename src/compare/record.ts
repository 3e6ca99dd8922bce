/**
 * Sequence recording: what one side's run leaves for the comparison — per
 * case, every exchange in the order sent (the run records transcripts) and
 * the checks that failed, each placed at its exchange in that transcript.
 */
import type { CaseResult, Exchange, RunResult } from '../results/model.ts';
import type { FailedCheck } from './classify.ts';

export interface RecordedCase {
  id: string;
  operation: string;
  status: CaseResult['status'];
  reason?: string;
  transcript: Exchange[];
  failed: FailedCheck[];
}

/** The cases of a run that record anything comparable (the run's own cleanup is not part of the sequence). */
export function recordedCases(result: RunResult): Map<string, RecordedCase> {
  const out = new Map<string, RecordedCase>();
  for (const c of result.cases) {
    if (c.suite === 'cleanup') continue;
    const transcript = c.transcript ?? [];
    out.set(c.id, { id: c.id, operation: c.operation, status: c.status, reason: c.reason, transcript, failed: failedChecks(c, transcript) });
  }
  return out;
}

function failedChecks(c: CaseResult, transcript: readonly Exchange[]): FailedCheck[] {
  return c.checks
    .filter((o) => o.status === 'failed')
    .map((o) => {
      const evidence = o.exchange === undefined ? undefined : c.exchanges[o.exchange];
      // The evidence is the very exchange the transcript holds (or a copy of it sharing its request: a shrunk replay).
      const index = evidence ? transcript.findIndex((t) => t === evidence || t.request === evidence.request) : -1;
      return { check: o.check, rule: o.rule, message: o.message.split('\n')[0], index };
    });
}
