import type { CaseResult, PlannedCase, RunInfo, RunResult } from './model.ts';

/**
 * What a run hands its results to, as they come. The reporters (reporters/,
 * through their multiplexer) implement it; the runner and the contract
 * verifier only know this shape, so they never import a reporter.
 */
export interface RunListener {
  onBegin?(info: RunInfo, plan: PlannedCase[]): void | Promise<void>;
  onCaseEnd?(result: CaseResult): void | Promise<void>;
  /** The run is over: write what there is to write; returns the files written. */
  onEnd(run: RunResult): Promise<string[]> | string[];
}
