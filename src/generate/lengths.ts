/**
 * ERRATA E26/E76: limits count characters as Unicode code points. Outside the
 * Basic Multilingual Plane a character is two UTF-16 units, and a server in
 * JavaScript, Java or C# that counts `length` reasonably refuses a name that is
 * within the limit in code points but beyond it in UTF-16 units. By default
 * either answer is accepted (refused: a 4xx that changes nothing); --strict pins
 * code points. Bytes never count (E26).
 */
import type { CheckName } from '../checks/catalogue.ts';
import { STATUS, checkStatus, type StatusRule } from '../checks/status-code.ts';
import type { ObservedResponse } from '../checks/observed.ts';
import { pass, type Verdict } from '../checks/verdict.ts';
import type { FlatSchema } from './spec-schema.ts';
import { codePoints, utf16Units } from './unicode.ts';

export interface LengthJudgement {
  /** The check a wrong answer breaks: length-limits when a value sits at a limit or counts differently by unit. */
  check: CheckName;
  /** Fields whose UTF-16 length exceeds the limit their code points meet (E76). */
  unitDependent: string[];
  judge(res: ObservedResponse, strict: boolean): Verdict;
}

const DNS_LABEL = 63;

/** How a valid body's strings meet their limits, and what answers that allows. */
export function lengthJudgement(body: Record<string, unknown>, schema: FlatSchema, base: StatusRule = STATUS.created): LengthJudgement {
  const unitDependent: string[] = [];
  let atLimit = false;
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const value = body[key];
    if (typeof value !== 'string' || sub.maxLength === undefined) continue;
    const cps = codePoints(value);
    if (cps === sub.maxLength || cps === (sub.minLength ?? 0) || cps !== utf16Units(value)) atLimit = true;
    if (utf16Units(value) > sub.maxLength) unitDependent.push(`${key} of ${cps} code points, ${utf16Units(value)} UTF-16 units (E76)`);
    // E26: a subdomain is a SIP domain name; a server may hold a single label to DNS's 63 octets.
    if (sub.component === 'AppSubdomain' && cps > DNS_LABEL && !value.includes('.')) unitDependent.push(`${key} of ${cps} characters in one DNS label (E26)`);
  }
  const check: CheckName = atLimit ? 'length-limits' : 'status-code';
  return {
    check,
    unitDependent,
    judge(res, strict) {
      if (unitDependent.length && !strict && res.status >= 400 && res.status < 500) return pass(`refused ${unitDependent.join(', ')}: a reading the errata allow`);
      const verdict = checkStatus(res, { ...base, situation: unitDependent.length ? `${base.situation}; ${unitDependent.join(', ')}${strict ? ' (--strict pins the page: accepted)' : ''}` : base.situation }, strict);
      return verdict;
    },
  };
}
