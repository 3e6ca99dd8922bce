import { join } from 'node:path';
import type { RunListener } from '../results/listener.ts';
import type { CaseResult, PlannedCase, RunResult } from '../results/model.ts';
import { summarise } from '../results/summary.ts';
import { withCoverage } from '../results/coverage.ts';
import { validateResponse } from '../spec/validators.ts';
import type { CaseDefinition } from './case.ts';
import { describe, executeCases, skippedResult } from './executor.ts';
import { RunCleanup } from './cleanup.ts';
import { createEnvironment, redactorFor, type Target } from './environment.ts';
import { HttpClient } from './http.ts';
import { describeRun } from './info.ts';
import { newRunId } from './names.ts';
import { EMPTY_SELECTION, effectiveConcurrency, UsageError, type RunOptions } from './options.ts';
import { preflight } from './preflight.ts';
import type { Redactor } from './redact.ts';
import { excludedAnswerChecks, exclusionReason, selectCases, skipReason } from './select.ts';
import type { RunTokens } from './token-source.ts';
import { describeBudget, resolveSeed } from './budget.ts';
import { EXAMPLES_FILE, ExamplesFile, describeExamplesOutcome, targetKey } from './examples-file.ts';
import { shapingFlags, shapingOf } from './shaping.ts';

export interface RunHooks {
  /** Where console output goes (tests capture it). */
  stream?: NodeJS.WritableStream;
  /** Where one-line notices go (preflight findings that do not stop the run); default stderr. */
  notices?: NodeJS.WritableStream;
  /** True once the user asked to stop (first SIGINT/SIGTERM). */
  interrupted?: () => boolean;
  runId?: string;
  /** Keep every case's exchanges in `CaseResult.transcript` (`compare` pairs them across targets). */
  recordTranscripts?: boolean;
}

export interface RunOutcome {
  result: RunResult;
  files: string[];
}

/** What a run is made of, chosen above the runner: which cases, who hears the results, against what. */
export interface RunParts {
  /** The cases and reporters may still be loading: the preflight's request goes out first, they are awaited after. */
  cases: readonly CaseDefinition[] | Promise<readonly CaseDefinition[]>;
  reporters: RunListener | Promise<RunListener>;
  /** Resolved (and later closed) by the caller: src/session/ for `run`, a test's own server, … */
  target: Target;
  /** Tokens from --token-command, opened before the target (src/session/run.ts); stopped by the caller. */
  tokens?: RunTokens;
}

/**
 * The engine of one conformance run: plan the selected cases, run them,
 * clean up what the run created, and hand the results to the reporters. It
 * imports no suite, reporter or server: they come in `parts`. Usage and
 * reachability problems throw UsageError before any case runs.
 */
export async function executeRun(options: RunOptions, parts: RunParts, hooks: RunHooks = {}): Promise<RunOutcome> {
  const { target, tokens } = parts;
  const runId = hooks.runId ?? newRunId();
  const redactor = redactorFor(target, tokens?.redactor);
  if (tokens) tokens.live = { a: target.tokenA, b: target.tokenB };
  redactor.addHeaders(options.headers);
  const http = new HttpClient({ timeoutMs: options.timeout, maxBodyBytes: options.maxBody, retries: options.retries, maxWaitMs: (options.maxWait ?? 60) * 1000, headers: options.headers });
  const startedAt = new Date();
  const { seed, source } = resolveSeed(options.seed);
  const notices = hooks.notices ?? process.stderr;
  // A drawn seed is said at once (not only in the reports): the run can be given back with --seed.
  if (source === 'random') notices.write(`sipapp-conformance: --seed random drew ${seed} (this run again: --seed ${seed})\n`);
  try {
    const examples = options.examplesFile === false ? undefined : ExamplesFile.open(options.examplesFile ?? join(options.out, EXAMPLES_FILE), targetKey(target, options.fault));
    // The preflight leaves first; compiling the validators (blocking) overlaps its round trip.
    const reachable = preflight(http, target.baseUrl, target.tokenA, redactor);
    const loading = Promise.all([parts.cases, parts.reporters]);
    loading.catch(() => undefined); // awaited below, unless the preflight stops the run first
    warmUp(options.strict);
    const checked = await reachable;
    const [allCases, reporters] = await loading;
    for (const line of checked.notices) notices.write(`sipapp-conformance: ${line}\n`);
    const env = await createEnvironment(target, {
      runId, ledgerDir: join(options.out, 'ledger'), strict: options.strict, readOnly: options.readOnly,
      timeoutMs: options.timeout, maxBodyBytes: options.maxBody, retries: options.retries, rate: options.rate, http,
      redactor, tokens: tokens?.live, tokenSources: tokens?.sources, excludedChecks: excludedAnswerChecks(options),
      generation: { seed, budget: options.budget, examples, rerun: shapingFlags(shapingOf(options, seed)) }, headers: options.headers, recordTranscripts: hooks.recordTranscripts,
      deadlineAt: options.deadline > 0 ? startedAt.getTime() + options.deadline * 1000 : undefined,
    });
    const ledger = env.ledger;

    const selected = selectCases(allCases, options);
    if (selected.length === 0) throw new UsageError(EMPTY_SELECTION);
    const availability = { tokenB: Boolean(target.tokenB), readOnly: options.readOnly, fixtures: target.fixtures };
    // Exclusions first: "excluded" says the user chose it, a missing fixture says what to pass.
    const whyNot = (c: (typeof selected)[number]) => exclusionReason(c, options) ?? skipReason(c, availability);
    const runnable = selected.filter((c) => !whyNot(c));

    const info = { ...describeRun(runId, target, redactor.deep(publicOptions(options)), startedAt, options.shard), generation: { seed, budget: describeBudget(options.budget), ...(source === 'random' ? { random: true } : {}) } };
    const plan: PlannedCase[] = selected.map((c) => ({ ...describe(c), checks: [...c.checks] }));
    await reporters.onBegin?.(info, plan);

    const skipped = new Map(selected.map((c) => [c.id, whyNot(c)]));
    const results: CaseResult[] = [];
    for (const c of selected) {
      const reason = skipped.get(c.id);
      if (reason) {
        const r = skippedResult(c, reason);
        results.push(r);
        await reporters.onCaseEnd?.(r);
      }
    }
    // What a finished case created is removed while the others run (the cleanup overlaps the run's tail).
    const cleaner = new RunCleanup(env, ledger, { concurrency: effectiveConcurrency(options) });
    const ran = await executeCases(runnable, env, {
      concurrency: effectiveConcurrency(options),
      deadline: options.deadline > 0 ? startedAt.getTime() + options.deadline * 1000 : undefined,
      aborted: hooks.interrupted,
      onCaseEnd: (r, created) => {
        cleaner.alongside(created);
        return reporters.onCaseEnd?.(r);
      },
      beforeExclusive: () => cleaner.drain(),
    });
    const cleanup = await cleaner.finish();
    await reporters.onCaseEnd?.(cleanup);
    if (cleanup.status !== 'error') ledger.discardIfClean();
    ledger.close();

    const byId = new Map([...results, ...ran].map((r) => [r.id, r]));
    const cases = [...selected.map((c) => byId.get(c.id)!), cleanup];
    const endedAt = new Date();
    // A shard covers a part of the API: its threshold is enforced when the shards are merged.
    const result: RunResult = withCoverage({
      info: { ...info, endedAt: endedAt.toISOString() },
      cases,
      // Asked once, here: the bundle's exit code is the one the process exits with.
      summary: summarise(cases, endedAt.getTime() - startedAt.getTime(), env.requestCount, http.throttling, hooks.interrupted?.() ? 'signal' : undefined, http.resent),
    }, options.shard ? undefined : options.minCoverage);
    // Saved before the reports are written: a run cut short while writing them still keeps its failures.
    if (examples) for (const line of describeExamplesOutcome(examples.save())) notices.write(`sipapp-conformance: ${line}\n`);
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
function warmUp(strict: boolean): void {
  validateResponse('ListSIPControlApps', 200, { success: true, payload: [] });
  // --strict validates against the spec's x-strict variant: compiled separately.
  if (strict) validateResponse('ListSIPControlApps', 200, { success: true, payload: [] }, true);
}

function publicOptions(options: RunOptions): Record<string, unknown> {
  const { token, tokenB, expiredToken, tokenCommand, tokenCommandB, color, quiet, headers, ...rest } = options;
  // A token command may carry credentials of its own (curl -u …): it is a secret too.
  const set = (v: unknown) => (v ? '<set>' : undefined);
  return { ...rest, headers: headers ? Object.fromEntries(Object.keys(headers).map((name) => [name, '<set>'])) : undefined, token: set(token), tokenB: set(tokenB), expiredToken: set(expiredToken), tokenCommand: set(tokenCommand), tokenCommandB: set(tokenCommandB), budget: describeBudget(options.budget) };
}
