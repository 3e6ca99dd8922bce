import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningReferenceServer } from '../../src/server/index.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../../src/runner/options.ts';
import type { RunResult } from '../../src/results/model.ts';

/** Shared helpers of the safety tests: hostile listeners, reference-server fixtures, snapshots, file greps. */

/** Looks like a JWT (three base64url segments), signs nothing: what a hostile server is handed. */
export const FAKE_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzYWZldHktdGVzdCJ9.c2FmZXR5LXNpZ25hdHVyZS1ub3QtcmVhbC0xMjM0NTY3';

export interface Listener {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A node:http server on `host`, port 0, answering every request with `handler`. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, host = '127.0.0.1'): Promise<Listener> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Options for a run against an in-test reference server given as --base-url, with every fixture of account A. */
export function referenceRunOptions(server: RunningReferenceServer, out: string, extra: Partial<RunOptions> = {}): RunOptions {
  const { a, b } = server.fixtures;
  return {
    ...DEFAULT_RUN_OPTIONS,
    baseUrl: server.url,
    token: a.token,
    tokenB: b.token,
    tnlease: a.tnleases.slice(0, 2),
    outboundVoiceProfile: a.outboundVoiceProfile,
    callUuid: a.calls[0],
    expiredToken: a.expiredToken,
    reporter: ['json'],
    out,
    timeout: 5000,
    ...extra,
  };
}

interface AppRec {
  uuid: string;
  name: string;
  seeded?: boolean;
  [key: string]: unknown;
}

interface Snapshot {
  apps: AppRec[];
  tnleases: Array<{ uuid: string; [key: string]: unknown }>;
}

/** What a run must never change: the apps it did not create (seeded ones), with their leases, and every lease record. */
export function untouchable(server: RunningReferenceServer): string {
  const snap = server.snapshot() as Snapshot;
  const seeded = snap.apps.filter((app) => app.seeded).sort((x, y) => x.uuid.localeCompare(y.uuid));
  const leases = [...snap.tnleases].sort((x, y) => x.uuid.localeCompare(y.uuid));
  return JSON.stringify({ seeded, leases });
}

export function seededCount(server: RunningReferenceServer): number {
  return (server.snapshot() as Snapshot).apps.filter((app) => app.seeded).length;
}

/** Apps on the server whose name carries the run's prefix (what the run would have left behind). */
export function leftBy(server: RunningReferenceServer, runId: string): string[] {
  return (server.snapshot() as Snapshot).apps.filter((app) => app.name.startsWith(`${runId}-`) || String(app.subdomain ?? '').startsWith(`${runId}-`)).map((app) => `${app.name} (${app.uuid})`);
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Which of `secrets` occur in `text` (as labels). */
export function secretsIn(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets).filter(([, secret]) => secret && text.includes(secret)).map(([label]) => label);
}

/** A token and its signature segment, labelled, for greps. */
export function tokenParts(label: string, token: string): Record<string, string> {
  const signature = token.split('.')[2];
  return signature ? { [label]: token, [`${label} signature`]: signature } : { [label]: token };
}

export function grepFiles(dir: string, secrets: Record<string, string>): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    for (const label of secretsIn(readFileSync(file, 'utf8'), secrets)) hits.push(`${label} in ${file}`);
  }
  return hits;
}

/** Settle `promise` or reject after `ms` (a hang is a failure, never a stuck test). */
export async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Cases other than the cleanup case, by status. */
export function byStatus(result: RunResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of result.cases) {
    if (c.id === 'cleanup.run-resources') continue;
    (out[c.status] ??= []).push(c.id);
  }
  return out;
}

export function failedChecks(result: RunResult): Set<string> {
  return new Set(result.cases.flatMap((c) => c.checks.filter((o) => o.status === 'failed').map((o) => o.check)));
}

/** No case crashed (a case's own exception, e.g. a TypeError on a hostile answer). */
export function crashes(result: RunResult): string[] {
  return result.cases.filter((c) => /the case itself failed|TypeError|ReferenceError|\n\s+at /.test(c.reason ?? '')).map((c) => `${c.id}: ${c.reason}`);
}
