import { join } from 'node:path';
import type { RunListener } from '../results/listener.ts';
import type { CaseResult, PlannedCase, RunResult } from '../results/model.ts';
import { summarise } from '../results/summary.ts';
import { validateResponse } from '../spec/validators.ts';
import type { CaseDefinition } from './case.ts';
import { describe, executeCases, skippedResult } from './executor.ts';
import { cleanupLedger } from './cleanup.ts';
import { createEnvironment, redactorFor, type Target } from './environment.ts';
import { HttpClient } from './http.ts';
import { describeRun } from './info.ts';
import { newRunId } from './names.ts';
import { UsageError, type RunOptions } from './options.ts';
import type { Redactor } from './redact.ts';
import { selectCases, skipReason } from './select.ts';

export interface RunHooks {
  /** Where console output goes (tests capture it). */
  stream?: NodeJS.WritableStream;
  /** True once the user asked to stop (first SIGINT/SIGTERM). */
  interrupted?: () => boolean;
  runId?: string;
}

export interface RunOutcome {
  result: RunResult;
  files: string[];
}

/** What a run is made of, chosen above the runner: which cases, who hears the results, against what. */
export interface RunParts {
  cases: readonly CaseDefinition[];
  reporters: RunListener;
  /** Resolved (and later closed) by the caller: src/session/ for `run`, a test's own server, … */
  target: Target;
}

/**
 * The engine of one conformance run: plan the selected cases, run them,
 * clean up what the run created, and hand the results to the reporters. It
 * imports no suite, reporter or server: they come in `parts`. Usage and
 * reachability problems throw UsageError before any case runs.
 */
export async function executeRun(options: RunOptions, parts: RunParts, hooks: RunHooks = {}): Promise<RunOutcome> {
  const { target, reporters } = parts;
  const runId = hooks.runId ?? newRunId();
  const redactor = redactorFor(target);
  const http = new HttpClient({ timeoutMs: options.timeout, maxBodyBytes: options.maxBody, retries: options.retries, maxWaitMs: (options.maxWait ?? 60) * 1000 });
  const startedAt = new Date();
  try {
    warmUp();
    await preflight(http, target.baseUrl, target.tokenA, redactor);
    const env = await createEnvironment(target, {
      runId, ledgerDir: join(options.out, 'ledger'), strict: options.strict, readOnly: options.readOnly,
      timeoutMs: options.timeout, maxBodyBytes: options.maxBody, retries: options.retries, rate: options.rate, http,
      deadlineAt: options.deadline > 0 ? startedAt.getTime() + options.deadline * 1000 : undefined,
    });
    const ledger = env.ledger;

    const selected = selectCases(parts.cases, options);
    if (selected.length === 0) throw new UsageError('the selection (--grep/--suite/--tag/--operation/--shard) matches no case; see `sipapp-conformance list`');
    const availability = { tokenB: Boolean(target.tokenB), readOnly: options.readOnly, fixtures: target.fixtures };
    const runnable = selected.filter((c) => !skipReason(c, availability));

    const info = describeRun(runId, target, redactor.deep(publicOptions(options)), startedAt, options.shard);
    const plan: PlannedCase[] = selected.map((c) => ({ ...describe(c), checks: [...c.checks] }));
    await reporters.onBegin?.(info, plan);

    const skipped = new Map(selected.map((c) => [c.id, skipReason(c, availability)]));
    const results: CaseResult[] = [];
    for (const c of selected) {
      const reason = skipped.get(c.id);
      if (reason) {
        const r = skippedResult(c, reason);
        results.push(r);
        await reporters.onCaseEnd?.(r);
      }
    }
    const ran = await executeCases(runnable, env, {
      concurrency: options.concurrency,
      deadline: options.deadline > 0 ? startedAt.getTime() + options.deadline * 1000 : undefined,
      aborted: hooks.interrupted,
      onCaseEnd: (r) => reporters.onCaseEnd?.(r),
    });
    const cleanup = await cleanupLedger(env, ledger, ledger.outstanding(), { concurrency: options.concurrency });
    await reporters.onCaseEnd?.(cleanup);

    const byId = new Map([...results, ...ran].map((r) => [r.id, r]));
    const cases = [...selected.map((c) => byId.get(c.id)!), cleanup];
    const endedAt = new Date();
    const result: RunResult = {
      info: { ...info, endedAt: endedAt.toISOString() },
      cases,
      summary: summarise(cases, endedAt.getTime() - startedAt.getTime(), env.requestCount, http.throttling),
    };
    const files = await reporters.onEnd(result);
    return { result, files };
  } finally {
    await http.close();
  }
}


/**
 * Compile the spec's validators before the first request: compiling takes a
 * few hundred ms of blocked event loop, which would otherwise be charged to
 * whichever request's timeout happened to be running.
 */
function warmUp(): void {
  validateResponse('ListSIPControlApps', 200, { success: true, payload: [] });
}

/** Before any case: is the target there at all? Unreachable is a usage problem (exit 2), not a conformance failure. */
async function preflight(http: HttpClient, baseUrl: string, token: string, redactor: Redactor): Promise<void> {
  const reply = await http.send({ method: 'GET', url: `${baseUrl}/rest/sip/app`, headers: { accept: 'application/json', 'x-auth-token': token } });
  if (reply.kind === 'transport-error' && reply.errorKind === 'connection') {
    throw new UsageError(redactor.text(`cannot reach ${baseUrl}: ${reply.message}`));
  }
}

function publicOptions(options: RunOptions): Record<string, unknown> {
  const { token, tokenB, expiredToken, color, quiet, ...rest } = options;
  return { ...rest, token: token ? '<set>' : undefined, tokenB: tokenB ? '<set>' : undefined, expiredToken: expiredToken ? '<set>' : undefined };
}
