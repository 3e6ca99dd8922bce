import { isObject, type ObservedResponse } from './observed.ts';

/**
 * A subdomain someone else already holds (ERRATA E26: a SIP domain is a host name, unique on the
 * platform). The page names no status for it: a conflict (409) is the natural answer, and a
 * validation framework answers 400 or 422 with a message saying it is taken. Either way the
 * request was judged on a value the run could not make unique (a short subdomain cannot carry the
 * run id), so it is not the server's fault. One rule for the hand-written and generated cases.
 */
const TAKEN = /taken|exist|in use|duplicate|unique|registered/i;

export function subdomainTaken(res: ObservedResponse): boolean {
  if (res.status === 409) return true;
  if (res.status !== 400 && res.status !== 422) return false;
  const message = isObject(res.json) ? res.json.message : undefined;
  const text = Array.isArray(message) ? message.join(' ') : typeof message === 'string' ? message : '';
  return TAKEN.test(text);
}
