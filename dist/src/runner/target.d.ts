import { type RunOptions } from './options.ts';
import type { RunFixtures } from './environment.ts';
/** What picks the target: an explicit base URL and token, or the embedded reference server (with an optional fault). */
export type TargetOptions = Pick<RunOptions, 'baseUrl' | 'token' | 'tokenB' | 'tnlease' | 'outboundVoiceProfile' | 'callUuid' | 'expiredToken' | 'fault' | 'latency' | 'timeout'>;
/**
 * The API under test and the fixtures of its account, shared by `run` and
 * `verify`: without a base URL, the embedded reference server on a loopback
 * port, with its own tokens, leases, profile and calls. Usage problems throw UsageError.
 */
export interface Target {
    baseUrl: string;
    embedded: boolean;
    tokenA: string;
    tokenB?: string;
    fixtures: RunFixtures;
    close(): Promise<void>;
}
export declare function resolveTarget(options: TargetOptions): Promise<Target>;
