/**
 * Provider verification: Pact's Verifier replays the contracts in contracts/pacts/ against a
 * provider (a vendor's server, or the embedded reference server). Provider states are set up
 * THROUGH THE API, as the suite's cases do: apps with run-prefixed names, written to the run
 * ledger before they are created, removed at each interaction's teardown and — whatever is left —
 * by the run's cleanup. Their uuids reach the requests as provider-state values (`${uuid}` …).
 * The outcome becomes the project's results model (one case per interaction, suite `pact`) and
 * goes to the project's reporters, with `run`'s exit codes.
 */
process.env.PACT_DO_NOT_TRACK ??= 'true';

import { join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import type { RunListener } from '../results/listener.ts';
import type { PlannedCase, RunResult } from '../results/model.ts';
import { summarise } from '../results/summary.ts';
import { cleanupLedger } from '../runner/cleanup.ts';
import { createEnvironment, type Target } from '../runner/environment.ts';
import { describeRun } from '../runner/info.ts';
import { newRunId } from '../runner/names.ts';
import { DEFAULT_RUN_OPTIONS } from '../runner/options.ts';
import { startRelay, type Relay } from './relay.ts';
import { INVALID_TOKEN, PROVIDER, contractInteractions } from './interactions.ts';
import { pactFiles, readInteractions } from './pact-files.ts';
import { States } from './provider-states.ts';
import { casesFromReport, parseReport, type PactReport } from './verifier-report.ts';

export { pactFiles, VerifyUsageError } from './pact-files.ts';

export interface VerifyOptions {
  /** The provider under test; unset = the embedded reference server. */
  baseUrl?: string;
  /** X-Auth-Token for the provider (required with baseUrl). */
  token?: string;
  /** TN lease uuids of the account the states may assign (they are released afterwards). */
  tnlease?: string[];
  /** A live call's uuid (states "a live call exists"). */
  callUuid?: string;
  /** An outbound voice profile uuid of the account (state "an outbound voice profile exists"). */
  outboundVoiceProfile?: string;
  /** A pact file or a directory of them; default contracts/pacts/. */
  pactDir?: string;
  /** Output directory for reporters and the run ledger; default `sipapp-results`. */
  out?: string;
  /** Reporter names (as `run --reporter`); default ['console']. */
  reporters?: string[];
  /** Per-request timeout of the verifier and of the state set-up requests, ms; default 10000 (`run`'s). */
  timeout?: number;
  /** Longest wait for a throttled (429/503) state set-up, relayed or cleanup request, seconds (E70); default `run`'s 60. */
  maxWait?: number;
  /** Embedded reference server only: run it with this catalogue fault. */
  fault?: string;
  /** Extra request headers (--header), on the state set-ups and the relayed interactions alike. */
  headers?: Record<string, string>;
  /**
   * Pending interactions (those that pin one of several readings the errata accept, e.g. Remove's
   * 409, raw call-flow XML) fail like the others; by default their mismatches are warnings.
   */
  strict?: boolean;
  /** Where console output goes (tests capture it). */
  stream?: NodeJS.WritableStream;
  runId?: string;
}

export interface VerifyOutcome {
  exitCode: 0 | 1 | 130;
  result: RunResult;
  /** Files the reporters wrote. */
  files?: string[];
}

/** Who hears the results and what is verified: chosen above the contracts (src/session/verify.ts). */
export interface VerifyParts {
  reporters: RunListener;
  /** Resolved (and later closed) by the caller. */
  target: Target;
}

/**
 * Verify a provider against the contracts. Resolves with `run`'s exit codes (0 every interaction
 * verified, 1 a failure); usage problems (no pact files) throw VerifyUsageError before anything runs.
 */
export async function runVerification(options: VerifyOptions, parts: VerifyParts): Promise<VerifyOutcome> {
  const { target, reporters } = parts;
  const timeoutMs = options.timeout ?? DEFAULT_RUN_OPTIONS.timeout;
  const out = options.out ?? 'sipapp-results';
  const files = pactFiles(options.pactDir);
  const planned = readInteractions(files);
  const runId = options.runId ?? newRunId();
  const maxWaitMs = (options.maxWait ?? DEFAULT_RUN_OPTIONS.maxWait) * 1000;
  const startedAt = new Date();
  // The relay sends the interactions through env.http: --header reaches them as it reaches the state set-ups.
  const env = await createEnvironment(target, { runId, ledgerDir: join(out, 'ledger'), timeoutMs, maxBodyBytes: 4 << 20, retries: 1, maxWaitMs, headers: options.headers });
  let relay: Relay | undefined;
  try {
    relay = await startRelay(target.baseUrl, env.http);
    const known = new Map(contractInteractions().map((i) => [i.description, i]));
    const info = describeRun(runId, target, env.redactor.deep({
      command: 'verify',
      baseUrl: options.baseUrl,
      token: options.token ? '<set>' : undefined,
      tnlease: options.tnlease,
      callUuid: options.callUuid,
      outboundVoiceProfile: options.outboundVoiceProfile,
      pacts: files,
      fault: options.fault,
      headers: options.headers ? Object.fromEntries(Object.keys(options.headers).map((name) => [name, '<set>'])) : undefined,
      strict: Boolean(options.strict),
      timeout: timeoutMs,
    }), startedAt);
    const caseId = (description: string) => `pact.${known.get(description)?.id ?? description.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const tags = (p: { states: string[] }) => ['pact', ...p.states.map((s) => `state:${s}`)];
    const plan: PlannedCase[] = planned.map((p) => ({
      id: caseId(p.description),
      title: p.description,
      suite: 'pact',
      operation: known.get(p.description)?.operationId ?? `${p.method} ${p.path}`,
      tags: tags(p),
      checks: ['pact-interaction'],
    }));
    await reporters.onBegin?.(info, plan);

    const states = new States(env);
    const verifier = new Verifier({
      provider: PROVIDER,
      // Through the relay: throttling is waited out and early answers kept, as in `run` (E70).
      providerBaseUrl: relay.url,
      pactUrls: files,
      stateHandlers: states.handlers(),
      requestFilter: (req: { headers: Record<string, unknown> }, _res: unknown, next: () => void) => {
        // The contracts carry an example token; the provider gets the real one. The 401
        // interactions' deliberately invalid token is left as it is.
        if (req.headers['x-auth-token'] !== INVALID_TOKEN) req.headers['x-auth-token'] = target.tokenA;
        next();
      },
      timeout: timeoutMs + maxWaitMs,
      logLevel: 'error',
      failIfNoPactsFound: true,
    });
    const started = performance.now();
    let report: PactReport;
    try {
      report = parseReport(await verifier.verifyProvider());
    } catch (error) {
      report = parseReport(error);
    }
    const elapsedMs = Math.round(performance.now() - started);

    const cases = casesFromReport(report, { planned, known, stateErrors: states.errors, redactor: env.redactor, caseId, tags, elapsedMs, strict: Boolean(options.strict) });
    for (const c of cases) await reporters.onCaseEnd?.(c);
    const cleanup = await cleanupLedger(env, env.ledger);
    await reporters.onCaseEnd?.(cleanup);
    cases.push(cleanup);

    const endedAt = new Date();
    const result: RunResult = {
      info: { ...info, endedAt: endedAt.toISOString() },
      cases,
      summary: summarise(cases, endedAt.getTime() - startedAt.getTime(), env.requestCount, env.http.throttling),
    };
    const written = await reporters.onEnd(result);
    return { exitCode: result.summary.exitCode, result, files: written };
  } finally {
    await relay?.close();
    await env.http.close();
  }
}
