/**
 * The Fastify application: one route per operation, every answer written by
 * `finish` (envelope, content type, fault transformer, timing), every error
 * turned into the error envelope.
 */
import { type FastifyInstance } from 'fastify';
import { type TokenAuthority } from './auth.ts';
import type { Behaviour } from './behaviour.ts';
import type { FaultDefinition } from './faults.ts';
import type { Store } from './state.ts';
import type { RequestLogEntry } from './types.ts';
export interface AppDeps {
    store: Store;
    tokens: TokenAuthority;
    behaviour: Behaviour;
    /** The response and timing hooks of the fault and/or reading the server runs with. */
    fault?: Pick<FaultDefinition, 'respond' | 'timing'>;
    latencyMs: number;
    faultDelayMs: number;
    logger: boolean;
    requestLog: RequestLogEntry[];
    timers: Timers;
}
/** Pending sleeps, so close() can drop them and never wait on a slow fault. */
export declare class Timers {
    private pending;
    sleep(ms: number): Promise<void>;
    /** Never resolves (the connection is closed by close()). */
    hang(): Promise<void>;
    clear(): void;
}
export declare function buildApp(deps: AppDeps): FastifyInstance;
