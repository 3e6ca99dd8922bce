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
  /** Attempts whose connection failed before any answer byte: this answer is to the request sent again (lost-answer.ts). */
  lostAnswers?: number;
  /** Set when this answer stands in for another request's lost answer (a create settled by the app's name): why. */
  standIn?: string;
}

export function observe(
  init: Omit<ObservedResponse, 'json' | 'jsonError'>,
): ObservedResponse {
  if (init.text.trim() === '') return { ...init, json: undefined, jsonError: 'empty body' };
  try {
    return { ...init, json: JSON.parse(init.text) };
  } catch (error) {
    return { ...init, json: undefined, jsonError: `not JSON (${(error as Error).message})` };
  }
}

/** Shorten a value for a failure message. */
export function preview(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload of a success envelope, if there is one. */
export function payloadOf(res: ObservedResponse): unknown {
  return isObject(res.json) ? res.json.payload : undefined;
}
