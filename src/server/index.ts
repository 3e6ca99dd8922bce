/**
 * The embedded reference server: a stateful, in-memory stand-in for the SIP Control
 * App API (the suite's default target), and with `fault` one of the known-bad servers.
 */
import { TokenAuthority } from './auth.ts';
import { behaviourWith } from './behaviour.ts';
import { buildApp, Timers } from './app.ts';
import type { BehaviourPatch } from './behaviour.ts';
import { FAULTS, faultByName } from './faults.ts';
import { READINGS, READING_PREFIX, readingByName } from './readings.ts';
import type { ResponseContext } from './respond.ts';
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
export { READINGS, READING_PREFIX, readingByName, type ReadingSpec } from './readings.ts';

function mergePatches(first: BehaviourPatch | undefined, second: BehaviourPatch | undefined): BehaviourPatch | undefined {
  if (!first || !second) return first ?? second;
  return { ...first, ...second, leases: { ...first.leases, ...second.leases } };
}

type Respond = (ctx: ResponseContext) => ResponseContext;
function composeRespond(first: Respond | undefined, second: Respond | undefined): Respond | undefined {
  if (!first || !second) return first ?? second;
  return (ctx) => second(first(ctx));
}

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<RunningReferenceServer> {
  let faultName = options.fault;
  let readingName = options.reading;
  if (faultName?.startsWith(READING_PREFIX)) {
    if (readingName) throw new Error(`two readings given: "${readingName}" and "${faultName}"`);
    readingName = faultName.slice(READING_PREFIX.length);
    faultName = undefined;
  }
  const fault = faultName === undefined || faultName === '' ? undefined : faultByName(faultName);
  if (faultName && !fault) {
    throw new Error(`unknown fault "${faultName}"; known: ${FAULTS.map((f) => f.name).join(', ')} (or ${READING_PREFIX}<reading>)`);
  }
  const reading = readingName === undefined || readingName === '' ? undefined : readingByName(readingName);
  if (readingName && !reading) {
    throw new Error(`unknown reading "${readingName}"; known: ${READINGS.map((r) => r.name).join(', ')}`);
  }
  // A reading changes the conforming server; a fault, if any, breaks that server further.
  const behaviour = behaviourWith(mergePatches(reading?.behaviour, fault?.behaviour));
  const respond = composeRespond(reading?.respond, fault?.respond);
  const hooks = { respond, timing: fault?.timing };
  const store = new Store();
  store.trunkDefaults = behaviour.trunkDefaults;
  const tokens = new TokenAuthority();
  const requestLog: RequestLogEntry[] = [];
  const timers = new Timers();
  const seedApps = options.seedApps ?? 0;

  const accounts: Record<'a' | 'b', AccountFixture> = {} as Record<'a' | 'b', AccountFixture>;
  for (const key of ['a', 'b'] as const) {
    const s = seedAccount(store, key, { seedApps, mintUuid: behaviour.mintUuid });
    accounts[key] = {
      accountUuid: s.account,
      token: await tokens.sign(s.account, { expiresInSeconds: options.tokenLifetimeSeconds }),
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
    fault: hooks,
    latencyMs: options.latencyMs ?? 0,
    faultDelayMs: options.faultDelayMs ?? 3000,
    logger: options.logger ?? false,
    requestLog,
    timers,
    networkSeed: options.networkSeed,
  });
  if (options.tokenLifetimeSeconds !== undefined) {
    // Not part of the API: how a test (or `serve --token-lifetime`) renews the short-lived tokens.
    app.get('/_reference/token', async (req, reply) => {
      const which = (req.query as { account?: string }).account === 'b' ? 'b' : 'a';
      const token = await tokens.sign(accounts[which].accountUuid, { expiresInSeconds: options.tokenLifetimeSeconds });
      return reply.code(200).header('content-type', 'text/plain; charset=utf-8').send(token);
    });
  }
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
