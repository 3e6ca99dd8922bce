import { join } from 'node:path';
import { compareRuns, type SideRun } from '../compare/compare.ts';
import { DEFAULT_SEED, resolveSeed } from '../runner/budget.ts';
import { type CompareResult, type FailOn, type SideInfo } from '../compare/model.ts';
import type { RunResult } from '../results/model.ts';
import { describeBudget } from '../runner/budget.ts';
import { executeRun } from '../runner/run.ts';
import { UsageError, type RunOptions } from '../runner/options.ts';
import { openRunTokens } from '../runner/token-source.ts';
import { packageInfo } from '../package-root.ts';
import { withTarget } from './target.ts';


/** The reference side: `embedded` (the reference server, fresh for each of its two runs) or a URL with its account's credentials and fixtures. */
export interface ReferenceOptions {
  url: 'embedded' | string;
  token?: string;
  tokenB?: string;
  tnlease: string[];
  outboundVoiceProfile?: string;
  callUuid?: string;
  headers?: Record<string, string>;
}

/** `compare`'s options: `run`'s for the candidate (and the selection, limits, generation), the reference's, and the verdict. */
export interface CompareOptions extends RunOptions {
  reference: ReferenceOptions;
  failOn: FailOn;
}

export interface CompareHooks {
  stream?: NodeJS.WritableStream;
  notices?: NodeJS.WritableStream;
  interrupted?: () => boolean;
}

/**
 * `compare` assembled: the same deterministic selection (hand-written cases and
 * the generated ones at one seed) run against the candidate and twice against
 * the reference, each run with its own target, fixtures, ledger and cleanup as
 * `run` has them; then the three recordings compared (src/compare/) and
 * handed to the compare reporters.
 */
export async function compareTargets(options: CompareOptions, hooks: CompareHooks = {}): Promise<{ result: CompareResult; files: string[] }> {
  const startedAt = new Date();
  // One seed for all three runs (they must send the same generated requests): run's fixed default, or the one --seed random drew.
  const { seed } = resolveSeed(options.seed);
  const [candidate, ref1, ref2] = await recordSides({ ...options, seed }, hooks);
  const comparison = compareRuns(candidate, ref1, ref2, options.failOn);
  const endedAt = new Date();
  const result: CompareResult = {
    info: {
      tool: { name: packageInfo().name, version: packageInfo().version },
      startedAt: startedAt.toISOString(), endedAt: endedAt.toISOString(),
      seed, budget: describeBudget(options.budget),
      candidate: candidate.info,
      references: [ref1.info, ref2.info],
    },
    summary: { ...comparison.summary, durationMs: endedAt.getTime() - startedAt.getTime() },
    differences: comparison.differences,
  };
  const { createCompareReporters } = await import('../../reporters/compare/index.ts');
  const files = await createCompareReporters(options.reporter, { outDir: options.out, stream: hooks.stream ?? process.stdout, color: options.color, quiet: options.quiet }).write(result);
  return { result, files };
}

export type RecordedSide = SideRun & { info: SideInfo };

/** Run the selection against the candidate and twice against the reference, recording every exchange. */
export async function recordSides(options: CompareOptions, hooks: CompareHooks = {}): Promise<[RecordedSide, RecordedSide, RecordedSide]> {
  if (options.budget.seconds !== undefined) throw new UsageError('compare needs a --budget in requests (e.g. 150): a time budget sends a different number of requests to each target');
  const reference = checkReference(options.reference);
  const { candidate: candidateOptions, reference: referenceOptions } = sideOptions(options);
  const side = (opts: RunOptions, label: string) => recordSide(opts, label, hooks);
  if (reference.url === 'embedded') {
    // Three targets of their own: the runs go side by side.
    return Promise.all([side(candidateOptions, 'candidate'), side(referenceOptions(1), 'reference 1'), side(referenceOptions(2), 'reference 2')]);
  }
  // One reference account serves both reference runs: they take turns (its leases cannot be in two runs at once).
  const [candidate, first] = await Promise.all([side(candidateOptions, 'candidate'), side(referenceOptions(1), 'reference 1')]);
  return [candidate, first, await side(referenceOptions(2), 'reference 2')];
}

/** The run options of each side: the candidate's as given, the reference's from the --reference-… twins; one seed for all. */
export function sideOptions(options: CompareOptions): { candidate: RunOptions; reference(n: 1 | 2): RunOptions } {
  const reference = options.reference;
  // No examples file: a failure saved by one comparison would be replayed first on the candidate
  // alone by the next, and the two sides would no longer send the same requests.
  const common: RunOptions = { ...options, seed: options.seed ?? DEFAULT_SEED, reporter: [], examplesFile: false };
  return {
    candidate: { ...common, out: join(options.out, 'candidate') },
    reference: (n) => ({
      ...common,
      baseUrl: reference.url === 'embedded' ? undefined : reference.url,
      token: reference.token, tokenB: reference.tokenB, tnlease: reference.tnlease,
      outboundVoiceProfile: reference.outboundVoiceProfile, callUuid: reference.callUuid, headers: reference.headers,
      // The candidate's own means of reaching its target are not the reference's.
      tokenCommand: undefined, tokenCommandB: undefined, expiredToken: undefined, fault: undefined,
      // --latency (a benchmark's knob) slows every embedded server alike.
      latency: reference.url === 'embedded' ? options.latency : undefined,
      out: join(options.out, `reference-${n}`),
    }),
  };
}

/**
 * One side's run of the selection, every exchange recorded: its own target (resolved and
 * closed here), tokens, fixtures, ledger and cleanup, as `run` has them; no reporter.
 */
export async function recordSide(opts: RunOptions, label: string, hooks: CompareHooks = {}): Promise<RecordedSide> {
  const { ALL_CASES } = await import('../../suites/index.ts');
  const tokens = await openRunTokens(opts);
  try {
    return await withTarget({ ...opts, token: tokens.commanded.a ?? opts.token, tokenB: tokens.commanded.b ?? opts.tokenB }, async (target) => {
      const { result } = await executeRun(opts, { cases: ALL_CASES, reporters: { onEnd: () => [] }, target, tokens }, { recordTranscripts: true, interrupted: hooks.interrupted, notices: labelled(hooks.notices ?? process.stderr, label) });
      return { result, baseUrl: target.baseUrl, fixtures: target.fixtures, info: sideInfo(result, opts.fault) };
    });
  } finally {
    tokens.stop();
  }
}

function checkReference(reference: ReferenceOptions): ReferenceOptions {
  if (reference.url === 'embedded') {
    if (reference.token || reference.tokenB || reference.tnlease.length || reference.outboundVoiceProfile || reference.callUuid) {
      throw new UsageError('--reference embedded uses the reference server\'s own accounts and fixtures: drop the --reference-token/-tnlease/… options, or give --reference a URL');
    }
    return reference;
  }
  let url: URL;
  try {
    url = new URL(reference.url);
  } catch {
    throw new UsageError(`--reference must be a URL or "embedded", got ${JSON.stringify(reference.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--reference must be http(s) or "embedded", got ${JSON.stringify(reference.url)}`);
  if (!reference.token) throw new UsageError('--reference-token (or SIPAPP_REFERENCE_TOKEN) is required with --reference URL');
  return reference;
}

function sideInfo(result: RunResult, fault: string | undefined): SideInfo {
  const failed = new Set(result.cases.flatMap((c) => c.checks.filter((o) => o.status === 'failed').map((o) => o.check)));
  return {
    baseUrl: result.info.target.baseUrl,
    embedded: result.info.target.embedded,
    runId: result.info.runId,
    ...(fault ? { fault } : {}),
    exitCode: result.summary.exitCode,
    failedChecks: [...failed].sort(),
  };
}

/** Notices of one side's run, prefixed with the side: three runs share one stderr. */
function labelled(stream: NodeJS.WritableStream, label: string): NodeJS.WritableStream {
  return { write: (chunk: string) => stream.write(String(chunk).replace(/^sipapp-conformance: /, `sipapp-conformance: ${label}: `)) } as unknown as NodeJS.WritableStream;
}
