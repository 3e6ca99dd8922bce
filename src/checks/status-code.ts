import type { ObservedResponse } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';
import { resendMetAppliedState } from './lost-answer.ts';

/**
 * What status a situation allows. Where the errata leaves room (E03, E05, E12,
 * E21/E22, E25) the default accepts every reasonable reading and `strict` pins one.
 */
export interface StatusRule {
  /** Human description of the situation, e.g. "name of 256 characters". */
  situation: string;
  accept: number[] | 'any-4xx';
  /**
   * Besides `accept`, any 4xx: the request may be refused as a whole (it then changes nothing,
   * `refusedChangesNothing`). Not under --strict when `strict` pins the statuses.
   */
  orRefused?: boolean;
  strict?: number[];
}

const pinned = (rule: StatusRule, strict: boolean) => Boolean(strict && rule.strict);

export function describeAllowed(rule: StatusRule, strict: boolean): string {
  const allowed = pinned(rule, strict) ? rule.strict! : rule.accept;
  const listed = allowed === 'any-4xx' ? 'a 4xx status' : allowed.length === 1 ? `${allowed[0]}` : `one of ${allowed.join(', ')}`;
  return rule.orRefused && !pinned(rule, strict) && allowed !== 'any-4xx' ? `${listed}, or a 4xx (refused)` : listed;
}

export function statusAllowed(rule: StatusRule, status: number, strict: boolean): boolean {
  const allowed = pinned(rule, strict) ? rule.strict! : rule.accept;
  const is4xx = status >= 400 && status < 500;
  if (rule.orRefused && !pinned(rule, strict) && is4xx) return true;
  return allowed === 'any-4xx' ? is4xx : allowed.includes(status);
}

/**
 * One rule for a request in several situations at once (a lease change naming a taken lease and
 * a duplicate): every status one of them allows. --strict pins only where each pins.
 */
export function eitherRule(situation: string, rules: readonly StatusRule[]): StatusRule {
  const any4xx = rules.some((r) => r.accept === 'any-4xx' || r.orRefused);
  const accept = [...new Set(rules.flatMap((r) => (r.accept === 'any-4xx' ? [] : r.accept)))].sort((a, b) => a - b);
  const strict = rules.every((r) => r.strict) ? [...new Set(rules.flatMap((r) => r.strict!))].sort((a, b) => a - b) : undefined;
  return { situation, accept: accept.length ? accept : 'any-4xx', ...(any4xx && accept.length ? { orRefused: true } : {}), ...(strict ? { strict } : {}) };
}

export function checkStatus(res: ObservedResponse, rule: StatusRule, strict: boolean): Verdict {
  if (statusAllowed(rule, res.status, strict)) return pass();
  // A lost answer is the network's doing: what the request sent again meets is not the API's fault.
  if (lostAttemptApplied(res, rule, strict)) {
    return pass(`${res.method} ${res.path} was sent again after its answer was lost (connection failure); ${res.status} says the first attempt was applied`);
  }
  // The answer of another request standing in for a lost one (a create settled by the app's name): its status says nothing of this one.
  if (res.standIn) return pass(res.standIn);
  return fail(
    `${res.method} ${res.path} (${rule.situation}) answered ${res.status}`,
    describeAllowed(rule, strict),
    `${res.status}`,
  );
}

/**
 * The one rule for answers to requests sent again after their answer was lost (lost-answer.ts):
 * a status the situation does not allow, which says the lost attempt was applied (a remove
 * answered 404, a lease change 409). Cases, the model and the ledger read such an answer as
 * the change made; a status the situation allows keeps its ordinary meaning.
 */
export function lostAttemptApplied(res: ObservedResponse, rule: StatusRule, strict: boolean): boolean {
  return resendMetAppliedState(res) && !statusAllowed(rule, res.status, strict);
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
  /**
   * E25 meets E21: another account's lease change names leases that are not the caller's either, so a
   * server that resolves the body before the app refuses them as unknown references (E21: any 4xx)
   * instead of answering 403/404 for the app. Refused either way, and nothing changes; --strict: 404.
   */
  foreignLeaseChange: { situation: "another account changes an app's leases", accept: 'any-4xx', strict: [404] },
  /** E68: assigning a lease the app already holds: a no-op (200) or refused as a conflict (409), as the errata say. */
  alreadyHeld: { situation: 'assigning a lease the app already holds', accept: [200, 409] },
  /** E20: assigning a lease another app holds: moved (200) or refused (any 4xx, nothing changes). */
  leaseTaken: { situation: 'assigning a lease another app holds', accept: [200], orRefused: true },
  /** E75: removing a lease the app does not hold: a no-op (200) or refused (any 4xx, nothing changes). */
  removeNotHeld: { situation: 'removing a lease the app does not hold', accept: [200], orRefused: true },
  /** Page silent: the same lease twice in one `add`: taken once (200) or refused as a bad body (any 4xx). */
  duplicateLease: { situation: 'the same lease twice in one add', accept: [200], orRefused: true },
  /**
   * Page silent on unique subdomains (E26 says only that it is a host name): a second app with a
   * subdomain already in use is created, or refused (any 4xx) — in every mode, since a platform that
   * keeps SIP domains unique is as plausible as one that does not. The hand-written cases' side of
   * the same question (is this refusal "already taken"?) is `subdomainTaken` in subdomain.ts.
   */
  subdomainInUse: { situation: 'create with a subdomain another app uses', accept: [200, 201], orRefused: true },
  /** E19: removing an app that holds leases: refused (409), or removed with them (200). */
  removeHoldingLeases: { situation: 'remove of an app holding leases', accept: [200, 409] },
} satisfies Record<string, StatusRule>;
