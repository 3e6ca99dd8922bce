/**
 * Feeds several reporters as one. Each reporter's failures are contained: the
 * first error a reporter throws (or rejects with) is passed once to `onError`,
 * that reporter is dropped for the rest of the run, and the others carry on.
 * Reporters share one scrubbed, frozen deep copy of every result, so none can
 * change what the others (or the caller) see, the verdict included: one that
 * tries throws, and is dropped like any failing reporter.
 */
import type { CaseResult, PlannedCase, RunInfo, RunResult } from '../src/results/model.ts';
import { scrubbedAndFrozen } from '../src/results/secrets.ts';
import type { Reporter } from './reporter.ts';

export type ReporterPhase = 'onBegin' | 'onCaseEnd' | 'onEnd' | 'onReportFiles';

export interface ReporterFailure {
  reporter: string;
  phase: ReporterPhase;
  error: unknown;
}

export type ReporterErrorHandler = (failure: ReporterFailure) => void;

/** Default handler: one line on stderr. */
export const stderrReporterError: ReporterErrorHandler = ({ reporter, phase, error }) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`reporter "${reporter}" failed in ${phase} and was disabled for this run: ${message}\n`);
};

export class ReporterMultiplexer implements Reporter {
  readonly name = 'multiplexer';
  /** Every contained failure, in order (for the CLI or tests). */
  readonly failures: ReporterFailure[] = [];
  private readonly disabled = new Set<Reporter>();
  /** Each case's shared copy, made when it ended: the run's copy at the end reuses it instead of copying every case again. */
  private readonly caseCopies = new WeakMap<CaseResult, CaseResult>();

  constructor(
    readonly reporters: readonly Reporter[],
    private readonly onError: ReporterErrorHandler = stderrReporterError,
  ) {}

  async onBegin(info: RunInfo, plan: PlannedCase[]): Promise<void> {
    const [sharedInfo, sharedPlan] = [scrubbedAndFrozen(info), scrubbedAndFrozen(plan)];
    for (const r of this.active()) {
      if (r.onBegin) await this.guard(r, 'onBegin', () => r.onBegin!(sharedInfo, sharedPlan));
    }
  }

  async onCaseEnd(result: CaseResult): Promise<void> {
    const copy = scrubbedAndFrozen(result);
    this.caseCopies.set(result, copy);
    for (const r of this.active()) {
      if (r.onCaseEnd) await this.guard(r, 'onCaseEnd', () => r.onCaseEnd!(copy));
    }
  }

  /** Runs every reporter's onEnd, then hands the union of files to `onReportFiles`; returns that union. */
  async onEnd(run: RunResult): Promise<string[]> {
    const files: string[] = [];
    // A case is final once it has ended: its copy then is its copy now (scrubbedAndFrozen skips it).
    const copy = scrubbedAndFrozen({ ...run, cases: run.cases.map((c) => this.caseCopies.get(c) ?? c) });
    for (const r of this.active()) {
      const written = await this.guard(r, 'onEnd', () => r.onEnd(copy));
      if (Array.isArray(written)) for (const f of written) if (typeof f === 'string' && !files.includes(f)) files.push(f);
    }
    for (const r of this.active()) {
      if (r.onReportFiles) await this.guard(r, 'onReportFiles', () => r.onReportFiles!([...files]));
    }
    return files;
  }

  private active(): Reporter[] {
    return this.reporters.filter((r) => !this.disabled.has(r));
  }

  private async guard<T>(r: Reporter, phase: ReporterPhase, fn: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (error) {
      this.disabled.add(r);
      const failure = { reporter: r.name, phase, error };
      this.failures.push(failure);
      try {
        this.onError(failure);
      } catch {
        /* an error handler that throws must not break the run either */
      }
      return undefined;
    }
  }
}
