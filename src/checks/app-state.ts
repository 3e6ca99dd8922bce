import { isObject } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/**
 * Rules about an app's state as the API reports it over time: defaults on create, presence in
 * the list after create, absence after remove. Suites set the situation up and call these.
 */

/** `default-values`: an app created without is_active has is_active true (page: default true). */
export function isActiveDefaultsTrue(app: Record<string, unknown> | undefined): Verdict {
  return app && app.is_active === true
    ? pass()
    : fail('is_active omitted on create is not true', 'is_active: true (page: default true)', `is_active: ${JSON.stringify(app?.is_active)}`);
}

function entriesNamed(payload: unknown, uuid: string): unknown[] {
  return Array.isArray(payload) ? payload.filter((app) => isObject(app) && app.uuid === uuid) : [];
}

/** `listed-after-create`, when nothing else touches the account: the created app is in the list exactly once. */
export function listedOnce(payload: unknown, uuid: string): Verdict {
  const matches = entriesNamed(payload, uuid);
  return matches.length === 1
    ? pass()
    : fail('the created app is not listed exactly once', `app ${uuid} once in the list`, Array.isArray(payload) ? `listed ${matches.length} times among ${payload.length} apps` : 'no list');
}

/** `listed-after-create`, alongside other cases: the created app is in the list. */
export function listed(payload: unknown, uuid: string): Verdict {
  return entriesNamed(payload, uuid).length > 0 ? pass() : fail('the new app is not listed', `app ${uuid} in the list`, 'absent');
}

/** `not-found-after-remove`, on the list: the removed app is absent (null when there is no list to judge). */
export function absentFromList(payload: unknown, uuid: string): Verdict | null {
  if (entriesNamed(payload, uuid).length > 0) return fail('the removed app is still listed', `no app ${uuid} in the list`, 'listed');
  return Array.isArray(payload) ? pass() : null;
}

/** `read-after-write` on remove: the answer is the app removed. */
export function removedAppAnswered(app: Record<string, unknown> | undefined, uuid: string, name: string | undefined): Verdict {
  return app && app.uuid === uuid && app.name === name
    ? pass()
    : fail('remove did not answer the removed app', `the app ${uuid} named ${JSON.stringify(name)}`, `uuid ${JSON.stringify(app?.uuid)}, name ${JSON.stringify(app?.name)}`);
}

/** `malformed-uuid-rejected`, where a server matches uuids case-insensitively (E24): the upper-case form names the same app. */
export function sameAppByUpperCase(app: Record<string, unknown> | undefined, uuid: string): Verdict {
  return app?.uuid === uuid ? pass() : fail('an upper-case uuid answered another app', `the app ${uuid} or a 4xx`, `uuid ${JSON.stringify(app?.uuid)}`);
}

/** `cross-account-isolation` on list: another account's list does not show the app. */
export function notListedForOthers(payload: unknown, uuid: string): Verdict {
  return entriesNamed(payload, uuid).length > 0 ? fail("B's list shows A's app", `no app ${uuid}`, 'listed') : pass();
}

/** Fields of an app the model does not track but a list entry and a GET of the same app (unchanged between them) show alike. */
const STORED_FIELDS = ['account', 'created_by', 'class4_egress_trunk_id', 'class4_egress_resource_ip_id', 'created_on'] as const;

/** A relation or scalar as comparable text; undefined when unexpanded or absent (E15: not compared). */
function comparable(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isObject(value) && typeof value.uuid === 'string') return value.uuid;
  return undefined;
}

/** `read-after-write`: a list entry shows the same stored values as the GET of the same app (where both show one). */
export function listEntryMatchesGet(listed: Record<string, unknown>, got: Record<string, unknown>, where: string): Verdict {
  const diffs = STORED_FIELDS.filter((field) => {
    const [a, b] = [comparable(listed[field]), comparable(got[field])];
    if (a === undefined || b === undefined) return false;
    return field === 'created_on' ? Math.floor(Date.parse(a) / 1000) !== Math.floor(Date.parse(b) / 1000) : a !== b;
  });
  return diffs.length === 0
    ? pass()
    : fail(`${where}: the list entry and the GET of the same app differ`, 'the same stored values', diffs.map((f) => `${f}: listed ${JSON.stringify(listed[f])}, get ${JSON.stringify(got[f])}`).join('; '));
}
