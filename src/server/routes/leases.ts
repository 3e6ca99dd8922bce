/** Assign / list the TN leases of an app. */
import type { OperationId } from '../../spec/operations.ts';
import type { Handler, HandlerContext } from '../context.ts';
import { actingAccount, findApp } from '../context.ts';
import { renderLeases } from '../serialize.ts';
import type { AppRec } from '../state.ts';
import { ApiError } from '../util.ts';
import { validateLeaseChange } from '../validation.ts';

/** Leases a faulty remove left attached to apps that no longer exist (see removedAppsHoldLeases). */
const GHOSTS = new WeakMap<object, Set<string>>();
export function ghostLeases(store: object): Set<string> {
  let set = GHOSTS.get(store);
  if (!set) GHOSTS.set(store, (set = new Set()));
  return set;
}

/** Per app: every lease ever assigned to it (see removeReleasesHistory). */
const HISTORY = new WeakMap<AppRec, Set<string>>();
export function leaseHistory(app: AppRec): Set<string> {
  let set = HISTORY.get(app);
  if (!set) HISTORY.set(app, (set = new Set()));
  return set;
}

/** Per app: leases removed from it, whose join rows stay behind soft-deleted (see leaseReaddIgnored). */
const RELEASED = new WeakMap<AppRec, Set<string>>();

function leasesShown(ctx: HandlerContext, app: AppRec): string[] {
  if (!ctx.behaviour.leases.listAll) return app.tnleases;
  return [...ctx.store.leases.values()].filter((l) => l.account === app.account).map((l) => l.uuid);
}

const assign: Handler = async (ctx) => {
  const rules = ctx.behaviour.leases;
  // E17's other reading, as body-schema validation (e.g. minItems) does it: before the app is even looked up.
  if (rules.refuseEmptyChange) {
    const early = validateLeaseChange(ctx.body, ctx.behaviour);
    if (early.add.length === 0 && early.remove.length === 0) throw new ApiError(rules.refuseEmptyChange, 'nothing to do: add or remove at least one TN lease');
  }
  if (rules.resolveBeforeApp && ctx.account !== null) {
    // A reading: the body is resolved for the caller before the path (another account's leases are unknown to it, E21).
    const named = validateLeaseChange(ctx.body, ctx.behaviour);
    const unknownFirst = [...named.add, ...named.remove].filter((u) => ctx.store.leases.get(u)?.account !== ctx.account);
    if (unknownFirst.length > 0) throw new ApiError(ctx.behaviour.unknownReferenceStatus, `TN lease not found: ${unknownFirst.join(', ')}`);
  }
  const app = findApp(ctx);
  const account = actingAccount(ctx, app.account);
  const change = validateLeaseChange(ctx.body, ctx.behaviour);
  const known = (uuid: string) => ctx.store.leases.get(uuid)?.account === account;
  const unknown = [...change.add, ...change.remove].filter((u) => !known(u));
  // Validate the whole request before applying anything (E21: nothing changes).
  if (unknown.length > 0 && rules.unknown === 'reject') throw new ApiError(ctx.behaviour.unknownReferenceStatus, `TN lease not found: ${unknown.join(', ')}`);
  const notHeld = change.remove.filter((u) => known(u) && !app.tnleases.includes(u));
  if (rules.refuseRemoveNotHeld && notHeld.length > 0) {
    // E75's other reading: removing a lease this app does not hold is an error, not a no-op.
    throw new ApiError(rules.refuseRemoveNotHeld, `TN lease not assigned to this SIP Control App: ${notHeld.join(', ')}`);
  }
  if (rules.refuseTaken) {
    // E20's other reading: a lease another app holds is refused, not moved (nothing changes).
    const taken = change.add.filter((u) => [...ctx.store.apps.values()].some((other) =>
      (other !== app || rules.refuseTaken === 'any-app') && other.deleted_on === null && other.tnleases.includes(u)));
    if (taken.length > 0) throw new ApiError(rules.takenStatus, `TN lease already assigned to a SIP Control App: ${taken.join(', ')}`);
  }

  if (ctx.behaviour.removedAppsHoldLeases) {
    const ghost = change.add.filter((u) => ghostLeases(ctx.store).has(u));
    if (ghost.length > 0) throw new ApiError(409, `TN lease already assigned to a SIP Control App: ${ghost.join(', ')}`);
  }
  if (rules.applyRemove) {
    const drop = new Set(change.remove.filter(known));
    app.tnleases = app.tnleases.filter((u) => !drop.has(u));
    if (ctx.behaviour.leaseReaddIgnored) {
      const released = RELEASED.get(app) ?? new Set<string>();
      for (const u of drop) released.add(u);
      RELEASED.set(app, released);
    }
    // The fault: the release is not scoped to the app in the path (an UPDATE … WHERE lease = ? without the app).
    if (rules.removeUnscoped) for (const other of ctx.store.apps.values()) other.tnleases = other.tnleases.filter((u) => !drop.has(u));
  }
  for (const uuid of rules.addFirstOnly ? change.add.slice(0, 1) : change.add) {
    if (!known(uuid)) {
      if (rules.unknown === 'partial') throw new ApiError(404, `TN lease not found: ${uuid}`);
      continue; // 'skip'
    }
    if (!rules.applyAdd) continue;
    if (rules.move) {
      // E20: a lease held by another app of the account moves here.
      for (const other of ctx.store.apps.values()) {
        if (other !== app) other.tnleases = other.tnleases.filter((u) => u !== uuid);
      }
    }
    if (rules.dedupe && app.tnleases.includes(uuid)) continue;
    if (ctx.behaviour.leaseReaddIgnored && RELEASED.get(app)?.has(uuid)) continue; // ON CONFLICT DO NOTHING
    app.tnleases.push(uuid);
    if (rules.removeReleasesHistory) leaseHistory(app).add(uuid);
  }
  // E33's other reading: the answer lists only the leases the request named.
  const answered = rules.answer === 'changed' ? [...new Set([...change.add, ...change.remove])].filter(known) : leasesShown(ctx, app);
  return { status: 200, payload: renderLeases(ctx.store, answered) };
};

const list: Handler = async (ctx) => {
  const app = findApp(ctx);
  return { status: 200, payload: renderLeases(ctx.store, leasesShown(ctx, app)) };
};

export const LEASE_HANDLERS: Partial<Record<OperationId, Handler>> = {
  AssignTNLeasesToSIPControlApp: assign,
  GetSIPControlAppTNLeasesList: list,
};
