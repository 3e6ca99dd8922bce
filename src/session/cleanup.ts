import { join } from 'node:path';
import { cleanupLedger } from '../runner/cleanup.ts';
import { createEnvironment } from '../runner/environment.ts';
import { HttpClient } from '../runner/http.ts';
import { readLedgers } from '../runner/ledger.ts';
import { RUN_ID_PATTERN } from '../runner/names.ts';
import { DEFAULT_RUN_OPTIONS, UsageError } from '../runner/options.ts';
import { runTokenCommand } from '../runner/token-source.ts';
import { withTarget } from './target.ts';

export interface CleanupRunsOptions {
  baseUrl: string;
  token?: string;
  /** A shell command printing the token (--token-command), run once when no token is given. */
  tokenCommand?: string;
  /** The directory holding `ledger/` (the runs' --out). */
  out: string;
  /** One run id; unset = every run in the ledger directory (`--all-runs`). */
  run?: string;
  /** Per-request timeout, ms. */
  timeout?: number;
  /** Longest wait for a throttled (429/503) request, seconds. */
  maxWait?: number;
  /** Extra request headers the run had (`--header`), already parsed. */
  headers?: Record<string, string>;
}

export interface CleanupRunOutcome {
  runId: string;
  ok: boolean;
  /** What was removed, or what is left and why. */
  message: string;
}

/**
 * `cleanup` assembled: the target as `run` resolves it (a base URL and a token),
 * then each earlier run's ledger cleaned up as the run itself would have done.
 * A named run is also swept by its prefix, even when its ledger is missing.
 */
export interface CleanupOutcome {
  runs: CleanupRunOutcome[];
  /** What throttling the target did (429/503 answers waited out). */
  throttling: HttpClient['throttling'];
}

export async function cleanupRuns(options: CleanupRunsOptions): Promise<CleanupOutcome> {
  if (options.run !== undefined && !RUN_ID_PATTERN.test(options.run)) throw new UsageError(`--run must be a run id like sct-20261126233617-58bd35, got ${JSON.stringify(options.run)}`);
  const token = options.token ?? (options.tokenCommand ? await runTokenCommand(options.tokenCommand, '--token-command') : undefined);
  if (!token) throw new UsageError('--token or --token-command (or SIPAPP_TOKEN / SIPAPP_TOKEN_COMMAND) is required');
  const timeout = options.timeout ?? DEFAULT_RUN_OPTIONS.timeout;
  const dir = join(options.out, 'ledger');
  const entries = readLedgers(dir, options.run).filter((e) => !e.removed);
  const runIds = [...new Set([...entries.map((e) => e.runId), ...(options.run ? [options.run] : [])])];
  const settings = { timeoutMs: timeout, maxBodyBytes: DEFAULT_RUN_OPTIONS.maxBody, retries: DEFAULT_RUN_OPTIONS.retries, maxWaitMs: (options.maxWait ?? DEFAULT_RUN_OPTIONS.maxWait) * 1000, headers: options.headers ?? {} };
  return withTarget({ baseUrl: options.baseUrl, token, tnlease: [], timeout }, async (target) => {
    const http = new HttpClient(settings);
    const runs: CleanupRunOutcome[] = [];
    try {
      for (const runId of runIds) {
        const env = await createEnvironment(target, { ...settings, runId, ledgerDir: dir, http });
        const result = await cleanupLedger(env, env.ledger, entries.filter((e) => e.runId === runId), { sweepPrefix: Boolean(options.run) });
        runs.push({ runId, ok: result.status !== 'error', message: result.reason ?? '' });
        // A ledger with nothing left in it has done its job; one with leftovers stays for the next cleanup.
        if (result.status !== 'error') env.ledger.discardIfClean();
        env.ledger.close();
      }
      return { runs, throttling: http.throttling };
    } finally {
      await http.close();
    }
  });
}
