import { packageInfo } from '../package-root.ts';
import { join } from 'node:path';
import { ALL_CASES } from '../../suites/index.ts';
import { createReporters } from '../../reporters/index.ts';
import type { CaseResult, PlannedCase, RunInfo, RunResult } from '../results/model.ts';
import { summarise } from '../results/summary.ts';
import { withCoverage } from '../results/coverage.ts';
import { specSha256, specVersion } from '../spec/load.ts';
import { validateResponse } from '../spec/validators.ts';
import { describe, executeCases, skippedResult } from './executor.ts';
import { cleanupLedger } from './cleanup.ts';
import { createPacer, type RunEnvironment } from './environment.ts';
import { HttpClient } from './http.ts';
import { Ledger } from './ledger.ts';
import { NameFactory, newRunId } from './names.ts';
import { effectiveConcurrency, UsageError, type RunOptions } from './options.ts';
import { resolveTarget } from './target.ts';
import { Redactor } from './redact.ts';
import { excludedAnswerChecks, exclusionReason, selectCases, skipReason } from './select.ts';
import { forgeCredentials } from './tokens.ts';
import { startTokenSources } from './token-source.ts';

const PKG = packageInfo();

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

/**
 * One conformance run: resolve the target (the embedded reference server when
 * no --base-url), plan the selected cases, run them, clean up what the run
 * created, and hand the results to the reporters. Usage and reachability
 * problems throw UsageError before any case runs.
 */
export async function executeRun(options: RunOptions, hooks: RunHooks = {}): Promise<RunOutcome> {
  const runId = hooks.runId ?? newRunId();
  const redactor = new Redactor();
  // Tokens from --token-command are secrets from their first byte: redacted before any use, then kept current in `live`.
  let live: { a: string; b?: string } | undefined;
  const { sources, tokens: commanded } = await startTokenSources(options, (account, token) => {
    redactor.add(token, account === 'a' ? '$SIPAPP_TOKEN' : '$SIPAPP_TOKEN_B');
    if (live) live[account] = token;
  });
  const target = await resolveTarget({ ...options, token: commanded.a ?? options.token, tokenB: commanded.b ?? options.tokenB }).catch((error: unknown) => {
    sources.a?.stop();
    sources.b?.stop();
    throw error;
  });
  redactor.add(target.tokenA, '$SIPAPP_TOKEN').add(target.tokenB, '$SIPAPP_TOKEN_B').add(target.fixtures.expiredToken, '$SIPAPP_EXPIRED_TOKEN');
  live = { a: target.tokenA, b: target.tokenB };
  const http = new HttpClient({ timeoutMs: options.timeout, maxBodyBytes: options.maxBody, retries: options.retries, maxWaitMs: (options.maxWait ?? 60) * 1000 });
  const startedAt = new Date();
  try {
    // The preflight leaves first; compiling the validators (blocking) overlaps its round trip.
    const reachable = preflight(http, target.baseUrl, target.tokenA, redactor);
    warmUp(options.strict);
    await reachable;
    const ledger = new Ledger(runId, join(options.out, 'ledger'));
    const env: RunEnvironment = {
      runId,
      baseUrl: target.baseUrl,
      strict: options.strict,
      readOnly: options.readOnly,
      http,
      redactor,
      tokens: live,
      tokenSources: sources,
      forged: await forgeCredentials(target.tokenA, target.fixtures.expiredToken),
      fixtures: target.fixtures,
      ledger,
      names: new NameFactory(runId),
      pace: createPacer(options.rate),
      requestCount: 0,
      excludedChecks: excludedAnswerChecks(options),
      deadlineAt: options.deadline > 0 ? startedAt.getTime() + options.deadline * 1000 : undefined,
    };

    const selected = selectCases(ALL_CASES, options);
    if (selected.length === 0) throw new UsageError('the selection (--grep/--suite/--tag/--operation/--shard) matches no case; see `sipapp-conformance list`');
    const availability = { tokenB: Boolean(target.tokenB), readOnly: options.readOnly, fixtures: target.fixtures };
    // Exclusions first: "excluded" says the user chose it, a missing fixture says what to pass.
    const whyNot = (c: (typeof selected)[number]) => exclusionReason(c, options) ?? skipReason(c, availability);
    const runnable = selected.filter((c) => !whyNot(c));

    const info: RunInfo = {
      runId,
      tool: { name: PKG.name, version: PKG.version },
      spec: { version: specVersion(), sha256: specSha256() },
      node: process.version,
      target: { baseUrl: target.baseUrl, embedded: target.embedded },
      options: redactor.deep(publicOptions(options)),
      startedAt: startedAt.toISOString(),
      shard: options.shard,
    };
    const reporters = createReporters(options.reporter, { outDir: options.out, stream: hooks.stream, color: options.color, quiet: options.quiet });
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
    const ran = await executeCases(runnable, env, {
      concurrency: effectiveConcurrency(options),
      deadline: options.deadline > 0 ? startedAt.getTime() + options.deadline * 1000 : undefined,
      aborted: hooks.interrupted,
      onCaseEnd: (r) => reporters.onCaseEnd?.(r),
    });
    const cleanup = await cleanupLedger(env, ledger, ledger.outstanding(), { concurrency: effectiveConcurrency(options) });
    await reporters.onCaseEnd?.(cleanup);

    const byId = new Map([...results, ...ran].map((r) => [r.id, r]));
    const cases = [...selected.map((c) => byId.get(c.id)!), cleanup];
    const endedAt = new Date();
    // A shard covers a part of the API: its threshold is enforced when the shards are merged.
    const result: RunResult = withCoverage({
      info: { ...info, endedAt: endedAt.toISOString() },
      cases,
      summary: summarise(cases, endedAt.getTime() - startedAt.getTime(), env.requestCount, http.throttling),
    }, options.shard ? undefined : options.minCoverage);
    const files = await reporters.onEnd(result);
    return { result, files };
  } finally {
    sources.a?.stop();
    sources.b?.stop();
    await http.close();
    await target.close();
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

/** Before any case: is the target there at all? Unreachable is a usage problem (exit 2), not a conformance failure. */
async function preflight(http: HttpClient, baseUrl: string, token: string, redactor: Redactor): Promise<void> {
  const reply = await http.send({ method: 'GET', url: `${baseUrl}/rest/sip/app`, headers: { accept: 'application/json', 'x-auth-token': token } });
  if (reply.kind === 'transport-error' && reply.errorKind === 'connection') {
    throw new UsageError(redactor.text(`cannot reach ${baseUrl}: ${reply.message}`));
  }
}

function publicOptions(options: RunOptions): Record<string, unknown> {
  const { token, tokenB, expiredToken, tokenCommand, tokenCommandB, color, quiet, ...rest } = options;
  // A token command may carry credentials of its own (curl -u …): it is a secret too.
  const set = (v: unknown) => (v ? '<set>' : undefined);
  return { ...rest, token: set(token), tokenB: set(tokenB), expiredToken: set(expiredToken), tokenCommand: set(tokenCommand), tokenCommandB: set(tokenCommandB) };
}
