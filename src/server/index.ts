/**
 * The embedded reference server: a stateful, in-memory stand-in for the SIP Control
 * App API (the suite's default target), and with `fault` one of the known-bad servers.
 */
import { TokenAuthority } from './auth.ts';
import { behaviourWith } from './behaviour.ts';
import { buildApp, Timers } from './app.ts';
import { FAULTS, faultByName } from './faults.ts';
import { seedAccount } from './seed.ts';
import { Store } from './state.ts';
import type { AccountFixture, ReferenceServerOptions, RequestLogEntry, RunningReferenceServer } from './types.ts';

export type {
  AccountFixture,
  ReferenceFixtures,
  ReferenceServerOptions,
  RequestLogEntry,
  RunningReferenceServer,
} from './types.ts';
export { FAULTS, FAULT_CATEGORIES, faultByName, type FaultSpec } from './faults.ts';

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<RunningReferenceServer> {
  const fault = options.fault === undefined || options.fault === '' ? undefined : faultByName(options.fault);
  if (options.fault && !fault) {
    throw new Error(`unknown fault "${options.fault}"; known: ${FAULTS.map((f) => f.name).join(', ')}`);
  }
  const behaviour = behaviourWith(fault?.behaviour);
  const store = new Store();
  const tokens = new TokenAuthority();
  const requestLog: RequestLogEntry[] = [];
  const timers = new Timers();
  const seedApps = options.seedApps ?? 0;

  const accounts: Record<'a' | 'b', AccountFixture> = {} as Record<'a' | 'b', AccountFixture>;
  for (const key of ['a', 'b'] as const) {
    const s = seedAccount(store, key, { seedApps, mintUuid: behaviour.mintUuid });
    accounts[key] = {
      accountUuid: s.account,
      token: await tokens.sign(s.account),
      expiredToken: await tokens.signExpired(s.account),
      tnleases: s.leases,
      outboundVoiceProfile: s.ovp,
      calls: s.calls,
    };
  }

  const app = buildApp({
    store,
    tokens,
    behaviour,
    fault,
    latencyMs: options.latencyMs ?? 0,
    faultDelayMs: options.faultDelayMs ?? 3000,
    logger: options.logger ?? false,
    requestLog,
    timers,
  });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port ?? 0;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    fixtures: { baseUrl: url, a: accounts.a, b: accounts.b },
    requestLog,
    snapshot: () => store.snapshot(),
    close: () => {
      closing ??= (async () => {
        timers.clear();
        app.server.closeAllConnections();
        await app.close();
      })();
      return closing;
    },
  };
}
