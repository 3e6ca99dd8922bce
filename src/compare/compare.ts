/**
 * The comparison of three recorded runs of the same sequence — the candidate,
 * and the reference twice — into explained differences and a summary. Pure:
 * no network, no files (src/session/compare.ts runs the sides).
 */
import type { RunResult } from '../results/model.ts';
import { classifyCase } from './classify.ts';
import { diffCase } from './diff.ts';
import { failsUnder, type CompareSummary, type Difference, type FailOn } from './model.ts';
import { normaliseCase, type SideFixtures } from './normalise.ts';
import { recordedCases } from './record.ts';

/** One side's run and what its exchanges are normalised against. */
export interface SideRun {
  result: RunResult;
  baseUrl: string;
  fixtures: SideFixtures;
}

export interface Comparison {
  differences: Difference[];
  summary: Omit<CompareSummary, 'durationMs'>;
}

const SIDE_NAMES = ['candidate', 'reference run 1', 'reference run 2'] as const;

export function compareRuns(candidate: SideRun, reference1: SideRun, reference2: SideRun, failOn: FailOn): Comparison {
  const sides = [candidate, reference1, reference2].map((s) => ({ ...s, cases: recordedCases(s.result) }));
  const [cand, ref1, ref2] = sides;
  const differences: Difference[] = [];
  const notCompared: CompareSummary['notCompared'] = [];
  const noise = { aspects: 0, exchanges: 0, suppressed: 0 };
  let casesCompared = 0;
  let exchangesCompared = 0;
  const ids = [...new Set(sides.flatMap((s) => [...s.cases.keys()]))];
  for (const id of ids) {
    const cases = sides.map((s) => s.cases.get(id));
    const missing = cases.findIndex((c) => !c);
    if (missing >= 0) {
      notCompared.push({ caseId: id, reason: `not run on the ${SIDE_NAMES[missing]}` });
      continue;
    }
    const skipped = cases.findIndex((c) => c!.status === 'skipped');
    if (skipped >= 0) {
      notCompared.push({ caseId: id, reason: `skipped on the ${SIDE_NAMES[skipped]}: ${cases[skipped]!.reason ?? 'no reason given'}` });
      continue;
    }
    const [c, r1, r2] = cases as NonNullable<(typeof cases)[number]>[];
    const diff = diffCase(
      normaliseCase(c.transcript, cand.baseUrl, cand.fixtures),
      normaliseCase(r1.transcript, ref1.baseUrl, ref1.fixtures),
      normaliseCase(r2.transcript, ref2.baseUrl, ref2.fixtures),
    );
    casesCompared++;
    exchangesCompared += diff.compared;
    noise.aspects += diff.noise.aspects;
    noise.exchanges += diff.noise.exchanges;
    noise.suppressed += diff.noise.suppressed;
    differences.push(...classifyCase({
      caseId: id, operation: c.operation,
      candidate: { transcript: c.transcript, failed: c.failed },
      reference: { transcript: r1.transcript, failed: r1.failed },
      reference2Failed: r2.failed,
    }, diff));
  }
  const byClass = { spec: 0, errata: 0, unexplained: 0 };
  for (const d of differences) byClass[d.class]++;
  const failing = differences.some((d) => failsUnder(failOn, d.class));
  return {
    differences,
    summary: { casesCompared, notCompared, exchangesCompared, differences: differences.length, byClass, noise, failOn, exitCode: failing ? 1 : 0 },
  };
}
