import type { ObservedResponse } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/**
 * What status a situation allows. Where the errata leaves room (E03, E05, E12,
 * E21/E22, E25) the default accepts every reasonable reading and `strict` pins one.
 */
export interface StatusRule {
  /** Human description of the situation, e.g. "name of 256 characters". */
  situation: string;
  accept: number[] | 'any-4xx';
  strict?: number[];
}

export function describeAllowed(rule: StatusRule, strict: boolean): string {
  const allowed = strict && rule.strict ? rule.strict : rule.accept;
  return allowed === 'any-4xx' ? 'a 4xx status' : allowed.length === 1 ? `${allowed[0]}` : `one of ${allowed.join(', ')}`;
}

export function statusAllowed(rule: StatusRule, status: number, strict: boolean): boolean {
  const allowed = strict && rule.strict ? rule.strict : rule.accept;
  return allowed === 'any-4xx' ? status >= 400 && status < 500 : allowed.includes(status);
}

export function checkStatus(res: ObservedResponse, rule: StatusRule, strict: boolean): Verdict {
  if (statusAllowed(rule, res.status, strict)) return pass();
  return fail(
    `${res.method} ${res.path} (${rule.situation}) answered ${res.status}`,
    describeAllowed(rule, strict),
    `${res.status}`,
  );
}

/** Shared rules the suites use, so every case words and pins them alike. */
export const STATUS = {
  created: { situation: 'valid create', accept: [200, 201], strict: [201] },
  ok: { situation: 'valid request', accept: [200] },
  invalidInput: { situation: 'invalid input', accept: 'any-4xx', strict: [400] },
  unauthenticated: { situation: 'bad or missing token', accept: [401, 403], strict: [401] },
  notFound: { situation: 'unknown uuid', accept: [404] },
  malformedUuid: { situation: 'malformed uuid', accept: 'any-4xx' },
  unknownReference: { situation: 'unknown reference', accept: 'any-4xx', strict: [404] },
  foreign: { situation: "another account's app", accept: [403, 404], strict: [404] },
  /** Assigning a lease the app already holds: a no-op (200) or refused as a conflict (409). */
  alreadyHeld: { situation: 'assigning a lease the app already holds', accept: [200, 409] },
  /** E19: removing an app that holds leases: refused (409), or removed with them (200). */
  removeHoldingLeases: { situation: 'remove of an app holding leases', accept: [200, 409] },
} satisfies Record<string, StatusRule>;
