import { validateResponse, formatSchemaErrors } from '../spec/validators.ts';
import { UUID_PATTERN } from '../spec/operations.ts';
import { PER_ANSWER_CHECKS, type CheckName } from './catalogue.ts';
import { isObject, preview, type ObservedResponse } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';
import type { SentValues } from './sent-values.ts';

/**
 * Checks that hold for every answer, whatever was asked: the runner applies all
 * of them to each response a case receives. Each is one rule, one message.
 */

export function noServerError(res: ObservedResponse): Verdict {
  if (res.status < 500) return pass();
  return fail(`${res.method} ${res.path} answered a server error`, 'a status below 500', `${res.status} ${preview(res.text, 120)}`);
}

const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

export function contentType(res: ObservedResponse): Verdict | null {
  if (res.status === 204 || (res.status >= 300 && res.status < 400)) return null;
  const value = res.headers['content-type'];
  if (value && JSON_MEDIA_TYPE.test(value)) return pass();
  return fail(`${res.method} ${res.path} answered ${res.status} with a non-JSON content type`, 'Content-Type: application/json', value ? `Content-Type: ${value}` : 'no Content-Type header');
}

export function envelope(res: ObservedResponse, strict = false): Verdict | null {
  if (res.status >= 300 && res.status < 400) return null;
  if (res.json === undefined) {
    return fail(`${res.method} ${res.path} answered ${res.status} without a JSON envelope`, 'a JSON object {success, …}', `${res.jsonError ?? 'no body'}: ${preview(res.text, 80)}`);
  }
  const body = res.json;
  if (!isObject(body)) return fail(`${res.method} ${res.path}: the body is not an object`, 'a JSON object {success, …}', preview(body));
  if (res.status < 300) {
    if (body.success !== true) return fail(`${res.method} ${res.path} answered ${res.status} but success is not true`, 'success: true', `success: ${preview(body.success)}`);
    if (!('payload' in body)) return fail(`${res.method} ${res.path} answered ${res.status} without a payload`, '{success: true, payload}', `keys: ${Object.keys(body).join(', ') || '(none)'}`);
    return pass();
  }
  if (body.success !== false) return fail(`${res.method} ${res.path} answered ${res.status} but success is not false`, 'success: false', `success: ${preview(body.success)}`);
  // E72: a list of strings (one per invalid field) is a message too; the advisory error-message-text reports it.
  if (typeof body.message !== 'string' && !isMessageList(body.message)) return fail(`${res.method} ${res.path}: error envelope without a message`, 'message: string', `message: ${preview(body.message)}`);
  if ('status' in body && body.status !== undefined && typeof body.status !== 'number') {
    return fail(`${res.method} ${res.path}: error envelope status is not a number`, 'status: number (optional, E18)', `status: ${preview(body.status)}`);
  }
  if (strict && typeof body.status !== 'number') {
    return fail(`${res.method} ${res.path}: error envelope without a status`, 'status: number (--strict pins E18)', `keys: ${Object.keys(body).join(', ')}`);
  }
  return pass();
}

const isMessageList = (value: unknown): boolean =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');

/**
 * `strict` validates against the spec's --strict variant (its `x-strict` keywords: E62, E71, E72).
 * `sent`: out-of-spec values the run itself sent, judged against what was sent (src/checks/sent-values.ts).
 */
export function responseSchema(res: ObservedResponse, strict = false, sent?: SentValues): Verdict | null {
  if (!res.operation || res.json === undefined) return null;
  const verdict = validateResponse(res.operation, res.status, sent ? sent.exempt(res.json) : res.json, strict);
  if (verdict.errors.length === 0) return pass();
  return fail(
    `${res.operation} ${res.status}: the body does not match the spec schema`,
    `a body valid against spec/openapi.yaml (${res.operation} ${res.status})`,
    formatSchemaErrors(verdict.errors.slice(0, 8)),
  );
}

/**
 * Every `uuid` / `*_uuid` value the API hands out, anywhere in the body, except inside a call's
 * `channel`: those are FreeSWITCH's own ids (`uuid`, `call_uuid`), not pinned to OpenTact's pattern (E46).
 */
export function uuidFormat(res: ObservedResponse): Verdict | null {
  if (res.json === undefined) return null;
  const bad: string[] = [];
  walk(res.json, (path, key, value) => {
    if (key !== 'uuid' && !key.endsWith('_uuid')) return;
    if (path.includes('channel')) return;
    if (typeof value === 'string' && !UUID_PATTERN.test(value)) bad.push(`${pointerOf(path)}: ${preview(value, 60)}`);
    if (typeof value === 'number') bad.push(`${pointerOf(path)}: ${value} (a number)`);
  });
  if (bad.length === 0) return pass();
  return fail(`${res.method} ${res.path}: uuid values break the page's pattern`, 'lower-case 8-4-4-4-12 hex uuids', bad.slice(0, 5).join('; '));
}

// ---- advisory -------------------------------------------------------------

export function errorStatusMatches(res: ObservedResponse): Verdict | null {
  if (res.status < 400 || !isObject(res.json) || typeof res.json.status !== 'number') return null;
  if (res.json.status === res.status) return pass();
  return fail(`${res.method} ${res.path}: envelope status differs from the HTTP status`, `status: ${res.status}`, `status: ${res.json.status}`);
}

/** E72: a list of strings is accepted as an error message by default; a client printing `message` expects a string. */
export function errorMessageText(res: ObservedResponse): Verdict | null {
  if (res.status < 400 || !isObject(res.json) || !('message' in res.json)) return null;
  if (typeof res.json.message === 'string') return pass();
  return fail(`${res.method} ${res.path}: the error message is not a string`, 'message: string', `message: ${preview(res.json.message, 100)}`);
}

const SECRET_KEYS = new Set(['password', 'token', 'secret', 'api_key']);

export function noSecretsExposed(res: ObservedResponse): Verdict | null {
  if (res.json === undefined || res.status >= 300) return null;
  const exposed: string[] = [];
  walk(res.json, (path, key, value) => {
    if (SECRET_KEYS.has(key) && typeof value === 'string' && value !== '') exposed.push(pointerOf(path));
  });
  if (exposed.length === 0) return pass();
  return fail(`${res.method} ${res.path}: answer carries credentials`, 'no filled password/token fields', exposed.slice(0, 5).join(', '));
}

/**
 * Visit every key of a body (12 levels deep at most). The path is a list of keys, turned into a
 * JSON pointer only for what a check reports: a list answer holds thousands of keys, and building
 * a pointer string for each was most of the time these checks took.
 */
function walk(value: unknown, visit: (path: readonly (string | number)[], key: string, value: unknown) => void, path: (string | number)[] = []): void {
  if (path.length > 12) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], visit, path);
      path.pop();
    }
  } else if (isObject(value)) {
    for (const key in value) {
      const child = value[key];
      path.push(key);
      visit(path, key, child);
      walk(child, visit, path);
      path.pop();
    }
  }
}

/** A JSON pointer ("/payload/0/uuid") from a walked path. */
function pointerOf(path: readonly (string | number)[]): string {
  return path.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * `response-time` (scope answer): the HTTP client enforces --timeout, so an answer that arrived
 * came in time; the rule is judged on the request that got none, by the case context, with this.
 */
export function responseTimeExceeded(request: string, message: string): Verdict {
  return fail(`${request}: ${message}`, 'an answer within the timeout', message);
}

type AnswerCheck = (res: ObservedResponse, strict: boolean, sent?: SentValues) => Verdict | null;

const ANSWER_CHECKS: Partial<Record<CheckName, AnswerCheck>> = {
  'no-server-error': noServerError,
  'content-type': contentType,
  envelope,
  'response-schema': responseSchema,
  'uuid-format': uuidFormat,
  'error-status-matches': errorStatusMatches,
  'error-message-text': errorMessageText,
  'no-secrets-exposed': noSecretsExposed,
};

/** Per-answer checks judged when no answer came (see responseTimeExceeded), not on an answer. */
const JUDGED_WITHOUT_ANSWER: ReadonlySet<CheckName> = new Set(['response-time']);

/**
 * The checks applied to each answer that arrives, in reporting order (ANSWER_CHECKS'): exactly
 * the catalogue entries of scope `answer`, each with its function here. `strict` pins the
 * errata's single readings.
 */
export const RESPONSE_CHECKS: ReadonlyArray<[CheckName, AnswerCheck]> = (() => {
  const expected = PER_ANSWER_CHECKS.filter((name) => !JUDGED_WITHOUT_ANSWER.has(name));
  const missing = expected.filter((name) => !ANSWER_CHECKS[name]);
  const unscoped = Object.keys(ANSWER_CHECKS).filter((name) => !expected.includes(name as CheckName));
  if (missing.length || unscoped.length) throw new Error(`per-answer checks out of step with the catalogue: no function for ${missing.join(', ') || '-'}; not of scope "answer": ${unscoped.join(', ') || '-'}`);
  return Object.entries(ANSWER_CHECKS) as Array<[CheckName, AnswerCheck]>;
})();
