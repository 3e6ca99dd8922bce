import type { Exchange } from '../results/model.ts';
import type { Budget } from './budget.ts';
import type { ExampleStore } from './examples-file.ts';
import { HttpClient } from './http.ts';
import { Ledger } from './ledger.ts';
import { NameFactory } from './names.ts';
import { Redactor } from './redact.ts';
import { SentValues } from '../checks/sent-values.ts';
import { forgeCredentials, type Credential } from './tokens.ts';
import type { TokenSources } from './token-source.ts';

/** Fixtures of the account under test that the run may use (never create). */
/** What the generated cases take from the run. */
export interface Generation {
  seed: number;
  budget: Budget;
  /** Failures saved by earlier runs against this target, replayed first (absent: --examples-file none). */
  examples?: ExampleStore;
  /** The flags that gave the run its shape (src/runner/shaping.ts), for hints that reproduce it. */
  rerun?: string[];
}

export interface RunFixtures {
  tnleases: string[];
  outboundVoiceProfile?: string;
  callUuid?: string;
  expiredToken?: string;
}

/**
 * The API under test and the fixtures of its account. Resolved above the
 * runner (src/session/target.ts: an explicit base URL, or the embedded
 * reference server) and handed to it, so the runner never loads the server.
 */
export interface Target {
  baseUrl: string;
  embedded: boolean;
  tokenA: string;
  tokenB?: string;
  fixtures: RunFixtures;
  close(): Promise<void>;
}

/** Everything a case may use, shared by all cases of one run. */
export interface RunEnvironment {
  runId: string;
  baseUrl: string;
  strict: boolean;
  readOnly: boolean;
  http: HttpClient;
  redactor: Redactor;
  /** The accounts' current tokens; renewed in place by the token sources. */
  tokens: { a: string; b?: string };
  /** --token-command(-b): renew a token that expired mid-run. */
  tokenSources?: TokenSources;
  forged: Credential[];
  fixtures: RunFixtures;
  ledger: Ledger;
  names: NameFactory;
  /** Waits for the --rate budget before each request. */
  pace(): Promise<void>;
  /** Counts requests for the summary. */
  requestCount: number;
  /** Generated cases: the run's seed (printed in every report, so a failure replays) and budget. */
  generation?: Generation;
  /** Per-answer checks the user excluded (--exclude-check): recorded as skipped, never judged. */
  excludedChecks?: ReadonlySet<string>;
  /** Epoch ms of the run deadline (--deadline): waiting out throttling never goes past it. Unset for cleanup. */
  deadlineAt?: number;
  /**
   * Ledger keys of the apps the current case created: each case sees its own list (the
   * executor's view of the environment), so the run can clean up after a case as it ends.
   */
  created?: string[];
  /** Out-of-spec values the run sent inside apps' trunk settings: `response-schema` judges them as sent (read-after-write). */
  sentValues?: SentValues;
  /** --header: what the dispatcher adds to every request, so the record (and its curl) holds every header sent. */
  extraHeaders?: Record<string, string>;
  /** Every exchange the current case sent, whichever of its contexts recorded it (the executor's view, as `created`). */
  wire?: Exchange[];
  /**
   * Every exchange of the current case in the order sent, generated examples included (a case's
   * `exchanges` keep only the evidence of its verdict): the case's `wire`, exposed under this name
   * only when the run records transcripts (`compare`).
   */
  transcript?: Exchange[];
  /** Give each case a transcript (`compare` pairs the exchanges of two targets). */
  recordTranscripts?: boolean;
}

/** Spaces requests to at most `perSecond`; 0 = unlimited. */
export function createPacer(perSecond: number): () => Promise<void> {
  if (!perSecond || perSecond <= 0) return async () => undefined;
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + interval;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

/** How `run`, `verify` and `cleanup` build their environment; unset limits take `run`'s defaults. */
export interface EnvironmentSettings {
  runId: string;
  /** The run ledger's directory (`<out>/ledger`); undefined keeps it in memory. */
  ledgerDir?: string;
  strict?: boolean;
  readOnly?: boolean;
  timeoutMs: number;
  maxBodyBytes: number;
  retries: number;
  /** Requests per second (0 = unlimited). */
  rate?: number;
  /** How long throttled requests (429/503) are waited out in all, ms (--max-wait). */
  maxWaitMs?: number;
  /** Epoch ms of the run deadline: waiting out throttling never goes past it. Unset for cleanup. */
  deadlineAt?: number;
  /** An HTTP client already open (the run's preflight used it); else one is made from the limits above. */
  http?: HttpClient;
  /** A redactor already holding tokens the target does not show (--token-command); the target's are added. */
  redactor?: Redactor;
  /** Renews tokens that expire mid-run (--token-command); `tokens` is then the live pair they keep current. */
  tokenSources?: TokenSources;
  tokens?: { a: string; b?: string };
  /** Per-answer checks the user excluded (--exclude-check). */
  excludedChecks?: ReadonlySet<string>;
  /** Seed and budget of the generated cases (suites/generated.ts). */
  generation?: Generation;
  /** --header: sent on every request (by the HTTP client made here, or `http`'s), recorded with each, secret values redacted. */
  headers?: Record<string, string>;
  /** Record every case's exchanges (`compare`). */
  recordTranscripts?: boolean;
}

/**
 * The one place a run environment is assembled from a target: HTTP client,
 * redaction of every token the target brings, forged credentials, ledger,
 * run-prefixed names, pacing. The caller closes `env.http` when done.
 */
export async function createEnvironment(target: Target, s: EnvironmentSettings): Promise<RunEnvironment> {
  return {
    runId: s.runId,
    baseUrl: target.baseUrl,
    strict: s.strict ?? false,
    readOnly: s.readOnly ?? false,
    http: s.http ?? new HttpClient({ timeoutMs: s.timeoutMs, maxBodyBytes: s.maxBodyBytes, retries: s.retries, maxWaitMs: s.maxWaitMs, headers: s.headers }),
    redactor: redactorFor(target, s.redactor).addHeaders(s.headers),
    tokens: s.tokens ?? { a: target.tokenA, b: target.tokenB },
    tokenSources: s.tokenSources,
    forged: await forgeCredentials(target.tokenA, target.fixtures.expiredToken),
    fixtures: target.fixtures,
    ledger: new Ledger(s.runId, s.ledgerDir),
    names: new NameFactory(s.runId),
    pace: createPacer(s.rate ?? 0),
    requestCount: 0,
    excludedChecks: s.excludedChecks,
    generation: s.generation,
    deadlineAt: s.deadlineAt,
    sentValues: new SentValues(),
    extraHeaders: s.headers,
    recordTranscripts: s.recordTranscripts,
  };
}

/** Every token the target brings becomes its placeholder in reports, logs and messages. */
export function redactorFor(target: Target, redactor: Redactor = new Redactor()): Redactor {
  return redactor.add(target.tokenA, '$SIPAPP_TOKEN').add(target.tokenB, '$SIPAPP_TOKEN_B').add(target.fixtures.expiredToken, '$SIPAPP_EXPIRED_TOKEN');
}
