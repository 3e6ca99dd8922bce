import { isKnownFault, unknownFaultMessage } from '../server/fault-names.ts';
import { UsageError, type RunOptions } from '../runner/options.ts';
import type { Target } from '../runner/environment.ts';

export type { Target } from '../runner/environment.ts';

/** What picks the target: an explicit base URL and token, or the embedded reference server (with an optional fault). */
export type TargetOptions = Pick<RunOptions, 'baseUrl' | 'token' | 'tokenB' | 'tnlease' | 'outboundVoiceProfile' | 'callUuid' | 'expiredToken' | 'fault' | 'latency' | 'timeout' | 'seed'>;

/**
 * The API under test and the fixtures of its account, for `run`, `verify` and
 * `cleanup`: without a base URL, the embedded reference server on a loopback
 * port, with its own tokens, leases, profile and calls. Usage problems throw UsageError.
 */
export async function resolveTarget(options: TargetOptions): Promise<Target> {
  if (!options.baseUrl) {
    // The embedded server (Fastify and friends) loads only when it is the target.
    const { startReferenceServer } = await import('../server/index.ts');
    if (options.fault && !isKnownFault(options.fault)) throw new UsageError(unknownFaultMessage(options.fault));
    // The server validates call-flow XML in a worker; start it now rather than inside a timed request.
    const { validateCallFlow, MINIMAL_CALLFLOW } = await import('../callflow/validate.ts');
    await validateCallFlow(MINIMAL_CALLFLOW);
    const server = await startReferenceServer({ port: 0, host: '127.0.0.1', fault: options.fault, latencyMs: options.latency, faultDelayMs: options.timeout + 1000, networkSeed: typeof options.seed === 'number' ? options.seed : undefined });
    const { a, b } = server.fixtures;
    return {
      baseUrl: server.url,
      embedded: true,
      tokenA: options.token ?? a.token,
      tokenB: options.tokenB ?? b.token,
      fixtures: {
        tnleases: options.tnlease.length ? options.tnlease : a.tnleases.slice(0, 2),
        outboundVoiceProfile: options.outboundVoiceProfile ?? a.outboundVoiceProfile,
        callUuid: options.callUuid ?? a.calls[0],
        expiredToken: options.expiredToken ?? a.expiredToken,
      },
      close: () => server.close(),
    };
  }
  if (options.fault || options.latency) throw new UsageError('--fault and --latency apply to the embedded reference server only; drop --base-url to use them');
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new UsageError(`--base-url is not a URL: ${options.baseUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be http(s): ${options.baseUrl}`);
  if (!options.token) {
    // A wrong URL is the first thing to fix: a token would not make a dead address answer.
    await refuseUnreachable(url.toString().replace(/\/+$/, ''), options.timeout);
    throw new UsageError('--token or --token-command (or SIPAPP_TOKEN / SIPAPP_TOKEN_COMMAND) is required with --base-url');
  }
  return {
    baseUrl: url.toString().replace(/\/+$/, ''),
    embedded: false,
    tokenA: options.token,
    tokenB: options.tokenB,
    fixtures: { tnleases: options.tnlease, outboundVoiceProfile: options.outboundVoiceProfile, callUuid: options.callUuid, expiredToken: options.expiredToken },
    close: async () => undefined,
  };
}

/** One request without a token (what the preflight sends second anyway): no connection at all is a usage error. */
async function refuseUnreachable(baseUrl: string, timeoutMs: number): Promise<void> {
  const { HttpClient } = await import('../runner/http.ts');
  const http = new HttpClient({ timeoutMs: Math.min(timeoutMs, 5000), maxBodyBytes: 64 * 1024, retries: 0, maxWaitMs: 0 });
  try {
    const probe = await http.send({ method: 'GET', url: `${baseUrl}/rest/sip/app`, headers: { accept: 'application/json' } });
    if (probe.kind === 'transport-error' && probe.errorKind === 'connection') {
      throw new UsageError(`cannot reach ${baseUrl}: ${probe.message} (check --base-url; --token or SIPAPP_TOKEN will be needed too)`);
    }
  } finally {
    await http.close();
  }
}

/** Resolve the target, hand it to `use`, and close it (stop the embedded server) whatever happens. */
export async function withTarget<T>(options: TargetOptions, use: (target: Target) => Promise<T>): Promise<T> {
  const target = await resolveTarget(options);
  try {
    return await use(target);
  } finally {
    await target.close();
  }
}
