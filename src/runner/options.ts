import type { Selection } from './select.ts';
import { DEFAULT_BUDGET, type Budget, type SeedChoice } from './budget.ts';

/** Everything `run` accepts, after the CLI (flags, SIPAPP_* variables, config file) has merged it. */
export interface RunOptions extends Selection {
  baseUrl?: string;
  /** Extra request headers (--header 'Name: value'), e.g. a staging gateway's key; redacted like tokens. */
  headers?: Record<string, string>;
  token?: string;
  tokenB?: string;
  tnlease: string[];
  outboundVoiceProfile?: string;
  callUuid?: string;
  expiredToken?: string;
  reporter: string[];
  out: string;
  strict: boolean;
  readOnly: boolean;
  /** Per-request timeout, ms. */
  timeout: number;
  /** Whole-run deadline, seconds (0 = none). */
  deadline: number;
  /** Largest response body read, bytes. */
  maxBody: number;
  retries: number;
  /** Longest wait for a throttled (429/503) request, seconds (E70); 0 = judge such answers as they are. */
  maxWait: number;
  concurrency: number;
  /** Requests per second (0 = unlimited). */
  rate: number;
  /** Embedded server only: a named fault of the reference server (for proving checks). */
  fault?: string;
  /** Embedded server only: latency added to every answer, ms (for benchmarks). */
  latency?: number;
  /** Seed of the generated cases: DEFAULT_SEED when not given, `random` draws one (printed in every report). */
  seed?: SeedChoice;
  /**
   * Where failures of the generated cases are kept and replayed first by later runs against the same
   * target (src/runner/examples-file.ts): default `<out>/examples.json`; false: neither read nor written.
   */
  examplesFile?: string | false;
  /** How much the generated cases may send: requests or seconds. */
  budget: Budget;
  /** A shell command printing the account's token (run at start, every tokenRefresh s, after a 401 of an accepted token). */
  tokenCommand?: string;
  /** The same for the second account. */
  tokenCommandB?: string;
  /** Seconds between scheduled token renewals (0: only at start and after a 401). */
  tokenRefresh?: number;
  /** Fail the run (exit 1) when API coverage is below this percentage; not enforced on a --shard (merge enforces it). */
  minCoverage?: number;
  color?: boolean;
  quiet?: boolean;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  tnlease: [],
  reporter: ['console', 'junit', 'json', 'tap', 'html'],
  out: 'reports',
  strict: false,
  readOnly: false,
  timeout: 10_000,
  deadline: 0,
  maxBody: 10 * 1024 * 1024,
  retries: 3,
  maxWait: 60,
  // Measured (README, Benchmarks): 16 beats 8 by a quarter with 20 ms answers on 2 cores; 24 is no faster.
  concurrency: 16,
  rate: 0,
  budget: DEFAULT_BUDGET,
};

/**
 * Cases in flight: --concurrency, but never more than --rate allows to be
 * waiting at once (a case sends at least one request; more cases than requests
 * per second would only queue in the pacer, holding their fixtures).
 */
export function effectiveConcurrency(options: Pick<RunOptions, 'concurrency' | 'rate'>): number {
  return options.rate > 0 ? Math.max(1, Math.min(options.concurrency, Math.ceil(options.rate))) : options.concurrency;
}

/** A mistake in what the user asked for: one line, exit code 2. */
export class UsageError extends Error {}

/** `run` and `list` refuse an empty selection with the same line. */
export const EMPTY_SELECTION = 'the selection (--grep/--suite/--tag/--operation/--check/--shard) matches no case; see `sipapp-conformance list` without filters';
