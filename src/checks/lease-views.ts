import { isObject, preview } from './observed.ts';
import { leaseUuids } from './leases.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/**
 * The page shows one relation from two sides (E73): the app's own `tnleases` (line 1186) and each
 * listed lease's `sip_control_app` (lines 444–459). Where a side is unexpanded ({}, null, absent,
 * E15) there is nothing to compare; where both name leases or apps, they must agree with the
 * lease list, which is what the suite trusts (E33).
 */

/** The uuid a relation names: a bare uuid string (E15) or an object carrying one; undefined when unexpanded. */
function relationUuid(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.uuid === 'string') return value.uuid;
  return undefined;
}

/** The app's `tnleases` name the same leases as its lease list (as sets: order is not pinned). */
export function appTnleasesMatch(app: unknown, listPayload: unknown, where: string): Verdict | null {
  if (!isObject(app) || !Array.isArray(app.tnleases)) return null;
  const listed = leaseUuids(listPayload);
  if (typeof listed === 'string') return null; // not a lease list: lease-assignment's business
  const own = app.tnleases.map(relationUuid);
  if (own.some((uuid) => uuid === undefined)) return null; // unexpanded items ({}): nothing to compare
  const ownSet = new Set(own as string[]);
  const missing = listed.filter((uuid) => !ownSet.has(uuid));
  const extra = [...ownSet].filter((uuid) => !listed.includes(uuid));
  if (missing.length + extra.length === 0) return pass();
  const parts = [missing.length ? `the lease list has ${missing.join(', ')} but the app's tnleases do not` : '', extra.length ? `the app's tnleases have ${extra.join(', ')} but the lease list does not` : ''].filter(Boolean);
  return fail(`${where}: the app's tnleases disagree with its lease list`, `tnleases naming [${listed.join(', ')}]`, parts.join('; '));
}

/** Every listed lease whose `sip_control_app` names an app names this one. */
export function leaseBackReference(listPayload: unknown, appUuid: string, where: string): Verdict | null {
  if (!Array.isArray(listPayload)) return null;
  const wrong: string[] = [];
  let compared = 0;
  for (const lease of listPayload) {
    if (!isObject(lease)) continue;
    const named = relationUuid(lease.sip_control_app);
    if (named === undefined) continue;
    compared++;
    if (named !== appUuid) wrong.push(`lease ${preview(lease.uuid, 40)} names app ${named}`);
  }
  if (compared === 0) return null;
  if (wrong.length === 0) return pass();
  return fail(`${where}: a listed lease names another app as its sip_control_app`, `sip_control_app ${appUuid}`, wrong.slice(0, 4).join('; '));
}
