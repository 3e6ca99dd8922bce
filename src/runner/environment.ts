import type { HttpClient } from './http.ts';
import type { Ledger } from './ledger.ts';
import type { NameFactory } from './names.ts';
import type { Redactor } from './redact.ts';
import type { Credential } from './tokens.ts';
import type { TokenSources } from './token-source.ts';

/** Fixtures of the account under test that the run may use (never create). */
export interface RunFixtures {
  tnleases: string[];
  outboundVoiceProfile?: string;
  callUuid?: string;
  expiredToken?: string;
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
  /** Per-answer checks the user excluded (--exclude-check): recorded as skipped, never judged. */
  excludedChecks?: ReadonlySet<string>;
  /** Epoch ms of the run deadline (--deadline): waiting out throttling never goes past it. Unset for cleanup. */
  deadlineAt?: number;
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
