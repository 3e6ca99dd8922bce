/** The response phase: what a handler produced, before it is written. Faults may rewrite it. */
import type { OperationId } from '../spec/operations.ts';
import { isPlainObject } from './util.ts';
import type { AuthFailure } from './auth.ts';

export const JSON_TYPE = 'application/json; charset=utf-8';

export interface ResponseContext {
  /** null for routes that are not one of the eight operations. */
  operation: OperationId | null;
  method: string;
  url: string;
  status: number;
  /** Serialised as JSON unless a string; undefined = no body. */
  body: unknown;
  contentType: string;
  account?: string;
  authFailure?: AuthFailure;
}

export function errorBody(status: number, message: string): { success: false; message: string; status: number } {
  return { success: false, message, status };
}

type Obj = Record<string, unknown>;
const isObj = isPlainObject;

/** Helpers for response transformers. */
export function payloadOf(ctx: ResponseContext): unknown {
  return isObj(ctx.body) ? ctx.body.payload : undefined;
}

export function withPayload(ctx: ResponseContext, payload: unknown): ResponseContext {
  return { ...ctx, body: { ...(ctx.body as Obj), payload } };
}

/** Apply `fn` to each object of a 2xx payload (the object itself, or each element of an array). */
export function mapPayloadObjects(ctx: ResponseContext, fn: (o: Obj) => Obj): ResponseContext {
  if (ctx.status < 200 || ctx.status > 299) return ctx;
  const p = payloadOf(ctx);
  if (Array.isArray(p)) return withPayload(ctx, p.map((x) => (isObj(x) ? fn({ ...x }) : x)));
  if (isObj(p)) return withPayload(ctx, fn({ ...p }));
  return ctx;
}

export const APP_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  'CreateSIPControlApp',
  'ListSIPControlApps',
  'GetSIPControlAppByUUID',
  'ModifySIPControlApp',
  'RemoveSIPControlAppByUUID',
]);
export const LEASE_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  'AssignTNLeasesToSIPControlApp',
  'GetSIPControlAppTNLeasesList',
]);
