/** What a route handler gets, and the lookups every route shares. */
import type { FastifyRequest } from 'fastify';
import type { OperationId } from '../spec/operations.ts';
import type { Behaviour } from './behaviour.ts';
import type { AppRec, Store } from './state.ts';
export interface HandlerContext {
    operation: OperationId;
    store: Store;
    behaviour: Behaviour;
    /** The authenticated account; null only when a fault lets a request through without a token. */
    account: string | null;
    params: Record<string, string>;
    body: unknown;
    request: FastifyRequest;
}
export interface HandlerResult {
    status: number;
    payload: unknown;
}
export type Handler = (ctx: HandlerContext) => Promise<HandlerResult>;
/** The path uuid, checked against the page's pattern (E24: malformed → 400). */
export declare function pathUuid(ctx: HandlerContext): string;
export declare function sameUuid(ctx: HandlerContext, a: string, b: string): boolean;
/** Whether this request may see a record of `owner` (E25: another account's apps are invisible). */
export declare function visible(ctx: HandlerContext, owner: string): boolean;
/** The app named by the path, or 404. */
export declare function findApp(ctx: HandlerContext, opts?: {
    includeRemoved?: boolean;
}): AppRec;
/** The account a request acts for (an anonymous, faulty request acts for nobody in particular). */
export declare function actingAccount(ctx: HandlerContext, fallback: string): string;
