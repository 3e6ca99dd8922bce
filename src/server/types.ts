/** Public types of the embedded reference server. */

export interface ReferenceServerOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * A fault name from FAULTS; unset = the conforming server. `reading:<name>` selects a
   * reading from READINGS instead (how `--fault` reaches readings without a runner option).
   */
  fault?: string;
  /** A reading name from READINGS: an alternative the errata allow (src/server/readings.ts). Combines with `fault`. */
  reading?: string;
  /** Added to every response, for benchmarks. */
  latencyMs?: number;
  /** Delay used by slowness faults; default 3000. */
  faultDelayMs?: number;
  /** Apps pre-created per account that a client run did NOT create; default 0. */
  seedApps?: number;
  /** Seed of the resets of a flaky-network reading (connection-resets); default the reading's own. */
  networkSeed?: number;
  /** Fastify's logger; default false. */
  logger?: boolean;
  /**
   * Tokens expire this many seconds after they are issued (default 24 h), and
   * `GET /_reference/token?account=a|b` issues a fresh one as text/plain: a
   * staging-like expiring JWT and the command that renews it (--token-command).
   */
  tokenLifetimeSeconds?: number;
}

export interface AccountFixture {
  accountUuid: string;
  token: string;
  expiredToken: string;
  tnleases: string[];
  outboundVoiceProfile: string;
  calls: string[];
}

export interface ReferenceFixtures {
  baseUrl: string;
  a: AccountFixture;
  b: AccountFixture;
}

export interface RequestLogEntry {
  method: string;
  url: string;
  status: number;
  account?: string;
}

export interface RunningReferenceServer {
  url: string;
  fixtures: ReferenceFixtures;
  requestLog: ReadonlyArray<RequestLogEntry>;
  /** Deep copy of all state, for byte-for-byte comparisons. */
  snapshot(): unknown;
  /** Closes every connection; does not hang on slow faults in flight. */
  close(): Promise<void>;
}
