/**
 * The library's entry point (`import { runConformance } from 'sipapp-conformance'`).
 * The command line is a thin layer over it: `sipapp-conformance run` parses
 * flags, environment and config file into RunOptions and calls runConformance.
 */
import type { RunResult } from './results/model.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from './runner/options.ts';
import type { RunHooks } from './runner/run.ts';
import { runConformanceSuite } from './session/run.ts';

export type ConformanceOptions = Partial<RunOptions>;

/**
 * Run the conformance suite, as `sipapp-conformance run` does, and resolve with
 * the results bundle (what `results.json` holds). Options are `run`'s, in
 * camelCase, each defaulting as on the command line (`baseUrl` unset: the
 * embedded reference server). The verdict is `result.summary.exitCode`
 * (0 passed, 1 a check failed or a case could not be evaluated). Mistakes in
 * the options reject with UsageError, before any request is sent.
 */
export async function runConformance(options: ConformanceOptions = {}, hooks: RunHooks = {}): Promise<RunResult> {
  const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, ...options }, hooks);
  return result;
}

export { DEFAULT_RUN_OPTIONS, UsageError, type RunOptions } from './runner/options.ts';
export type { RunHooks } from './runner/run.ts';
export type { CaseResult, CheckOutcome, RunInfo, RunResult, RunSummary } from './results/model.ts';
export { CHECK_NAMES, type CheckName } from './checks/catalogue.ts';
export { compareTargets, type CompareOptions, type ReferenceOptions } from './session/compare.ts';
export type { CompareResult, Difference, DifferenceClass, FailOn } from './compare/model.ts';
