/** What a route handler gets, and the lookups every route shares. */
import type { FastifyRequest } from 'fastify';
import type { OperationId } from '../spec/operations.ts';
import type { Behaviour } from './behaviour.ts';
import type { AppRec, Store } from './state.ts';
import { ApiError } from './util.ts';

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
export function pathUuid(ctx: HandlerContext): string {
  const raw = ctx.params.uuid ?? '';
  if (!ctx.behaviour.pathUuidValid(raw)) {
    if (ctx.behaviour.malformedPathCrashes) throw new Error(`invalid input syntax for type uuid: "${raw}"`);
    throw new ApiError(400, `uuid must match ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ (got "${raw}")`);
  }
  return raw;
}

export function sameUuid(ctx: HandlerContext, a: string, b: string): boolean {
  return ctx.behaviour.pathUuidCaseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Whether this request may see a record of `owner` (E25: another account's apps are invisible). */
export function visible(ctx: HandlerContext, owner: string): boolean {
  return ctx.account === null || ctx.account === owner || ctx.behaviour.crossAccount.has(ctx.operation);
}

/** The app named by the path, or 404. */
export function findApp(ctx: HandlerContext, opts: { includeRemoved?: boolean } = {}): AppRec {
  const uuid = pathUuid(ctx);
  let foreign = false;
  for (const app of ctx.store.apps.values()) {
    if (!sameUuid(ctx, app.uuid, uuid)) continue;
    if (app.deleted_on !== null && !opts.includeRemoved) continue;
    if (!visible(ctx, app.account)) {
      foreign = true;
      continue;
    }
    return app;
  }
  if (foreign && ctx.behaviour.foreignStatus !== 404) throw new ApiError(ctx.behaviour.foreignStatus, 'SIP Control App belongs to another account');
  throw new ApiError(404, 'SIP Control App not found');
}

/** The account a request acts for (an anonymous, faulty request acts for nobody in particular). */
export function actingAccount(ctx: HandlerContext, fallback: string): string {
  return ctx.account ?? fallback;
}
