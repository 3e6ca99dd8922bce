import type { OperationId } from '../spec/operations.ts';
/**
 * What a check sees of one answer: the status, headers, raw text and the body
 * parsed once. Checks are pure functions of this (plus what the case sent),
 * so each can be unit-tested with a hand-made answer.
 */
export interface ObservedResponse {
    operation?: OperationId;
    method: string;
    path: string;
    status: number;
    headers: Record<string, string>;
    text: string;
    /** Parsed JSON body; undefined when the body is empty or not JSON (see `jsonError`). */
    json: unknown;
    jsonError?: string;
    /** Index of the exchange (request and answer) this was observed on, within its case. */
    exchange?: number;
}
export declare function observe(init: Omit<ObservedResponse, 'json' | 'jsonError'>): ObservedResponse;
/** Shorten a value for a failure message. */
export declare function preview(value: unknown, max?: number): string;
export declare function isObject(value: unknown): value is Record<string, unknown>;
/** The payload of a success envelope, if there is one. */
export declare function payloadOf(res: ObservedResponse): unknown;
