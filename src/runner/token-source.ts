/**
 * Tokens that expire: `--token-command CMD` prints the account's token on
 * stdout (a login script, `vault read …`, a cloud CLI). It runs at the start,
 * every `--token-refresh` seconds, and once when a request answers 401 although
 * its token was accepted a moment before (the token expired mid-run: the
 * request is then sent again, once, with the new token). The command's output
 * is a secret: never logged, registered with the redactor before first use,
 * and its errors say only how the command failed.
 */
import { execFile } from 'node:child_process';
import { UsageError } from './options.ts';
import { Redactor } from './redact.ts';

export interface TokenSourceOptions {
  command: string;
  /** Which option set it, for messages: `--token-command` or `--token-command-b`. */
  option: string;
  /** Seconds between scheduled refreshes; 0 = only at start and after a 401. */
  refreshSeconds: number;
  /** The command's time limit, ms. */
  timeoutMs?: number;
  /** Called with every new token before anyone uses it (redaction, the run's current token). */
  onToken: (token: string) => void;
}

/** Run the command once; its trimmed stdout is the token. */
export function runTokenCommand(command: string, option: string, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', command], { timeout: timeoutMs, maxBuffer: 64 * 1024, windowsHide: true }, (error, stdout) => {
      // stderr and stdout are never quoted: either may hold the secret.
      if (error) {
        const how = (error as { killed?: boolean }).killed ? `did not finish within ${timeoutMs} ms` : `exited with ${String((error as { code?: unknown }).code ?? 'an error')}`;
        reject(new UsageError(`${option}: the command ${how}`));
        return;
      }
      const token = stdout.trim();
      if (!token || /\s/.test(token)) {
        reject(new UsageError(`${option}: the command must print exactly one token on stdout (got ${token ? 'several words' : 'nothing'})`));
        return;
      }
      resolve(token);
    });
  });
}

export class TokenSource {
  private current: string | undefined;
  private readonly accepted = new Set<string>();
  /** Tokens the command printed: valid a moment ago by definition, until the server refuses one even after renewal. */
  private readonly issued = new Set<string>();
  private readonly refused = new Set<string>();
  private inflight: Promise<string> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** How many times the token was renewed after the first (for tests and the run's options). */
  refreshes = 0;

  constructor(private readonly options: TokenSourceOptions) {}

  /** The first token; then the scheduled refreshes start. */
  async start(): Promise<string> {
    const token = await this.fetch();
    if (this.options.refreshSeconds > 0) {
      this.timer = setInterval(() => {
        // A failed scheduled refresh keeps the current token; a 401 will try again.
        this.renew().catch(() => undefined);
      }, this.options.refreshSeconds * 1000);
      this.timer.unref();
    }
    return token;
  }

  get token(): string | undefined {
    return this.current;
  }

  /** Remember what the server said of a token: anything but 401 means it was valid then. */
  noteAnswer(token: string, status: number): void {
    if (status !== 401) this.accepted.add(token);
  }

  /** The answer to a request sent again with a renewed token: a 401 now means the 401 is not about expiry; no more renewals for it. */
  noteResent(token: string, status: number): void {
    this.noteAnswer(token, status);
    if (status === 401 && !this.accepted.has(token)) this.refused.add(token);
  }

  /**
   * After a 401 to a request sent with `used`: a fresh token when `used` was
   * valid a moment ago — the server accepted it, or the command printed it
   * and no renewal has been refused yet — else undefined (the 401 stands, and
   * a token the server never takes cannot make the command run on every request). Concurrent callers share one run
   * of the command; a token already renewed is handed out without running it again.
   */
  async afterUnauthorized(used: string): Promise<string | undefined> {
    const validBefore = this.accepted.has(used) || (this.issued.has(used) && !this.refused.has(used));
    if (!validBefore) return undefined;
    if (this.current !== undefined && this.current !== used) return this.current;
    try {
      return await this.renew();
    } catch {
      return undefined;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private renew(): Promise<string> {
    this.inflight ??= this.fetch().then((token) => {
      this.refreshes++;
      return token;
    }).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetch(): Promise<string> {
    const token = await runTokenCommand(this.options.command, this.options.option, this.options.timeoutMs);
    this.options.onToken(token);
    this.issued.add(token);
    this.current = token;
    return token;
  }
}

/** The token sources of a run, by account. */
export interface TokenSources {
  a?: TokenSource;
  b?: TokenSource;
}

/**
 * Start the sources the options ask for and return the tokens they produced
 * (to be used as --token / --token-b). `onToken(account, token)` sees every
 * token, the first included, before it is sent anywhere.
 */
export async function startTokenSources(
  options: { tokenCommand?: string; tokenCommandB?: string; tokenRefresh?: number; timeout?: number },
  onToken: (account: 'a' | 'b', token: string) => void,
): Promise<{ sources: TokenSources; tokens: { a?: string; b?: string } }> {
  const sources: TokenSources = {};
  const tokens: { a?: string; b?: string } = {};
  const make = (account: 'a' | 'b', command: string, option: string) =>
    new TokenSource({ command, option, refreshSeconds: options.tokenRefresh ?? 0, onToken: (t) => onToken(account, t) });
  try {
    if (options.tokenCommand) tokens.a = await (sources.a = make('a', options.tokenCommand, '--token-command')).start();
    if (options.tokenCommandB) tokens.b = await (sources.b = make('b', options.tokenCommandB, '--token-command-b')).start();
  } catch (error) {
    sources.a?.stop();
    sources.b?.stop();
    throw error;
  }
  return { sources, tokens };
}

/**
 * The tokens of one run, from before the target is known to the end: the redactor that hides
 * them (a commanded token is a secret from its first byte), the live pair cases send (renewed
 * tokens replace it), and the sources to stop. `run` opens them before resolving the target,
 * since a commanded token is the target's token.
 */
export interface RunTokens {
  redactor: Redactor;
  /** The tokens the commands produced first (used as --token / --token-b). */
  commanded: { a?: string; b?: string };
  sources: TokenSources;
  /** The pair cases send; set by the engine once the target is known, kept current by renewals. */
  live?: { a: string; b?: string };
  stop(): void;
}

export async function openRunTokens(options: Parameters<typeof startTokenSources>[0]): Promise<RunTokens> {
  const redactor = new Redactor();
  const run: Partial<RunTokens> = { redactor };
  const { sources, tokens } = await startTokenSources(options, (account, token) => {
    redactor.add(token, account === 'a' ? '$SIPAPP_TOKEN' : '$SIPAPP_TOKEN_B');
    if (run.live) run.live[account] = token;
  });
  return Object.assign(run, {
    commanded: tokens,
    sources,
    stop: () => {
      sources.a?.stop();
      sources.b?.stop();
    },
  }) as RunTokens;
}
