/** The response phase: what a handler produced, before it is written. Faults may rewrite it. */
import type { OperationId } from '../spec/operations.ts';
import type { AuthFailure } from './auth.ts';
export declare const JSON_TYPE = "application/json; charset=utf-8";
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
export declare function errorBody(status: number, message: string): {
    success: false;
    message: string;
    status: number;
};
type Obj = Record<string, unknown>;
/** Helpers for response transformers. */
export declare function payloadOf(ctx: ResponseContext): unknown;
export declare function withPayload(ctx: ResponseContext, payload: unknown): ResponseContext;
/** Apply `fn` to each object of a 2xx payload (the object itself, or each element of an array). */
export declare function mapPayloadObjects(ctx: ResponseContext, fn: (o: Obj) => Obj): ResponseContext;
export declare const APP_OPERATIONS: ReadonlySet<OperationId>;
export declare const LEASE_OPERATIONS: ReadonlySet<OperationId>;
export {};
