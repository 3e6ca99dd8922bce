import { observe, type ObservedResponse } from '../../src/checks/observed.ts';
import type { Verdict } from '../../src/checks/verdict.ts';

export const U = '123e4567-e89b-12d3-a456-426614174000';
export const U2 = '223e4567-e89b-12d3-a456-426614174001';
export const JSON_CT = { 'content-type': 'application/json; charset=utf-8' };

/** An observed answer built from a status and a body (objects are serialised). */
export function answer(status: number, body: unknown, extra: Partial<Omit<ObservedResponse, 'json' | 'jsonError'>> = {}): ObservedResponse {
  return observe({
    method: 'GET',
    path: '/rest/sip/app',
    status,
    headers: { ...JSON_CT },
    text: typeof body === 'string' ? body : JSON.stringify(body),
    ...extra,
  });
}

export type Failed = Extract<Verdict, { pass: false }>;

/** Narrow a verdict to a failure (or throw so the test shows it). */
export function failed(v: Verdict | null): Failed {
  if (!v || v.pass) throw new Error(`expected a failing verdict, got ${JSON.stringify(v)}`);
  return v;
}
