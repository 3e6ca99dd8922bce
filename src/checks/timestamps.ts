import { isObject, preview } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/** A timestamp with a time of day, as milliseconds; undefined for dates only (E62) and unreadable values. */
export function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * E74: after a Modify that changed the app, its modified_on is later than before and not before its
 * created_on. The case waits more than a second between the two, so a server keeping whole seconds
 * still shows the change. Values without a time of day cannot show it and are not compared.
 */
export function modifiedOnAdvances(before: unknown, after: unknown, where: string): Verdict | null {
  if (!isObject(before) || !isObject(after)) return null;
  const was = instant(before.modified_on);
  const now = instant(after.modified_on);
  const created = instant(after.created_on);
  if (was === undefined || now === undefined) return null;
  if (now <= was) return fail(`${where}: modified_on did not move forward`, `modified_on later than ${preview(before.modified_on, 40)}`, `modified_on ${preview(after.modified_on, 40)}`);
  if (created !== undefined && now < created) return fail(`${where}: modified_on is before created_on`, `modified_on not before ${preview(after.created_on, 40)}`, `modified_on ${preview(after.modified_on, 40)}`);
  return pass();
}
