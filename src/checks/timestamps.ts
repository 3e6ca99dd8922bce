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

/** What the model has seen of an app's timestamps, in whole seconds. */
export interface SeenTimes {
  created?: number;
  modified?: number;
}

/** Whole seconds: one answer may carry finer instants than another (an in-memory value vs a stored one, E62). */
const second = (value: unknown) => {
  const ms = instant(value);
  return ms === undefined ? undefined : Math.floor(ms / 1000);
};

/**
 * Over an app's whole life (E74, E62): created_on never changes (`read-after-write`), modified_on
 * never goes back nor before created_on (`modified-on-advances`). Compared in whole seconds; values
 * without a time of day are not compared. Records what it saw in `seen`.
 */
export function timestampsKept(seen: SeenTimes, app: unknown, where: string): { check: 'read-after-write' | 'modified-on-advances'; verdict: Verdict } | null {
  if (!isObject(app)) return null;
  const created = second(app.created_on);
  const modified = second(app.modified_on);
  let result: { check: 'read-after-write' | 'modified-on-advances'; verdict: Verdict } | null = null;
  if (created !== undefined && seen.created !== undefined && created !== seen.created) {
    result = { check: 'read-after-write', verdict: fail(`${where}: created_on changed`, `created_on as first shown (${new Date(seen.created * 1000).toISOString()})`, `created_on ${preview(app.created_on, 40)}`) };
  } else if (modified !== undefined && seen.modified !== undefined && modified < seen.modified) {
    result = { check: 'modified-on-advances', verdict: fail(`${where}: modified_on went back`, `modified_on not before ${new Date(seen.modified * 1000).toISOString()}`, `modified_on ${preview(app.modified_on, 40)}`) };
  } else if (modified !== undefined && created !== undefined && modified < created) {
    result = { check: 'modified-on-advances', verdict: fail(`${where}: modified_on is before created_on`, `modified_on not before ${preview(app.created_on, 40)}`, `modified_on ${preview(app.modified_on, 40)}`) };
  } else if (modified !== undefined || created !== undefined) {
    result = { check: 'modified-on-advances', verdict: pass() };
  }
  seen.created ??= created;
  if (modified !== undefined) seen.modified = Math.max(seen.modified ?? modified, modified);
  return result;
}
