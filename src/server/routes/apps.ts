/** Create, List, Get, Modify and Remove of SIP control apps. */
import type { OperationId } from '../../spec/operations.ts';
import type { Handler, HandlerContext } from '../context.ts';
import { actingAccount, findApp, visible } from '../context.ts';
import { renderApp } from '../serialize.ts';
import type { AppRec } from '../state.ts';
import { ApiError, isoNow } from '../util.ts';
import { validateAppInput, type AppInput } from '../validation.ts';
import { ghostLeases, leaseHistory } from './leases.ts';

/** The outbound voice profile a request names must exist in the acting account (E22: 404). */
function resolveOvp(ctx: HandlerContext, account: string, uuid: string | null | undefined): string | null | undefined {
  if (uuid === undefined || uuid === null) return uuid;
  const ovp = ctx.store.ovps.get(uuid);
  if (ovp && ovp.account === account) return uuid;
  if (ctx.behaviour.unknownOvp === 'accept') return null;
  throw new ApiError(ctx.behaviour.unknownReferenceStatus, `Outbound voice profile ${uuid} not found`);
}

function adminOf(ctx: HandlerContext, account: string): string {
  return ctx.store.accounts.get(account)?.admin ?? '';
}

const create: Handler = async (ctx) => {
  const account = actingAccount(ctx, '');
  const input: AppInput = validateAppInput(ctx.body, 'create', ctx.behaviour);
  const ovp = resolveOvp(ctx, account, input.outbound_voice_profile);
  for (const f of ctx.behaviour.createDrops) delete (input as Record<string, unknown>)[f];
  const storedOvp = ctx.behaviour.ovpNeedsTrunk && input.class4_egress_trunk_settings === undefined ? null : ovp;
  const now = isoNow();
  const admin = adminOf(ctx, account);
  const app: AppRec = {
    uuid: ctx.behaviour.mintUuid(),
    account,
    name: ctx.behaviour.storeName(input.name ?? ''),
    subdomain: input.subdomain ?? null,
    is_active: input.is_active ?? ctx.behaviour.isActiveDefault,
    class4_egress_trunk_id: ctx.store.nextId(),
    class4_egress_resource_ip_id: ctx.store.nextId(),
    trunk_settings: ctx.behaviour.storeTrunkSettings ? (input.class4_egress_trunk_settings ?? {}) : {},
    outbound_voice_profile: storedOvp ?? null,
    tnleases: [],
    created_by: admin,
    modified_by: admin,
    created_on: now,
    modified_on: now,
    deleted_on: null,
    seeded: false,
  };
  ctx.store.apps.set(app.uuid, app);
  return { status: 201, payload: renderApp(ctx.store, app) };
};

const list: Handler = async (ctx) => {
  const apps = [...ctx.store.apps.values()].filter((a) => a.deleted_on === null && visible(ctx, a.account));
  return { status: 200, payload: apps.map((a) => renderApp(ctx.store, a)) };
};

const get: Handler = async (ctx) => {
  const app = findApp(ctx, { includeRemoved: ctx.behaviour.removedStaysReadable });
  return { status: 200, payload: renderApp(ctx.store, app) };
};

const modify: Handler = async (ctx) => {
  const found = findApp(ctx);
  const account = actingAccount(ctx, found.account);
  const input = validateAppInput(ctx.body, 'modify', ctx.behaviour);
  const ovp = resolveOvp(ctx, found.account, input.outbound_voice_profile);
  const b = ctx.behaviour;
  // Faults: the row is read, then written back whole after an await; or the write names the path uuid as sent.
  const lost = b.upperCaseWriteLost && ctx.params.uuid !== found.uuid;
  const app: AppRec = b.modifyReadsThenWrites || lost ? { ...found } : found;
  if (b.modifyReadsThenWrites) await new Promise((resolve) => setTimeout(resolve, 15));
  if (b.modifyResetsTrunk && input.class4_egress_trunk_settings === undefined) app.trunk_settings = {};
  const apply = (field: string) => !b.modifyIgnores.includes(field);
  if (b.modifyReplaces) {
    // PUT semantics: what was not sent goes back to its default.
    app.subdomain = null;
    app.is_active = b.isActiveDefault;
    app.trunk_settings = {};
    app.outbound_voice_profile = null;
  }
  if (input.name !== undefined && apply('name')) app.name = b.storeName(input.name);
  if (input.subdomain !== undefined && apply('subdomain')) app.subdomain = input.subdomain;
  if (input.is_active !== undefined && apply('is_active')) app.is_active = input.is_active;
  if (input.class4_egress_trunk_settings !== undefined && apply('class4_egress_trunk_settings') && b.storeTrunkSettings) {
    app.trunk_settings = { ...app.trunk_settings, ...input.class4_egress_trunk_settings };
  }
  if (ovp !== undefined && apply('outbound_voice_profile')) app.outbound_voice_profile = ovp;
  if (b.touchModifiedOn) app.modified_on = isoNow();
  app.modified_by = adminOf(ctx, account);
  if (app !== found && !lost) Object.assign(found, app);
  return { status: 200, payload: renderApp(ctx.store, app) };
};

const remove: Handler = async (ctx) => {
  const app = findApp(ctx);
  if (app.tnleases.length > 0) {
    if (ctx.behaviour.removeWithLeases === 'crash') {
      throw new Error('update or delete on table "sip_control_app" violates foreign key constraint on table "tnlease"');
    }
    if (ctx.behaviour.removeWithLeases === 'conflict') {
      throw new ApiError(409, `SIP Control App still has ${app.tnleases.length} TN lease(s) assigned; unassign them first`);
    }
  }
  const payload = renderApp(ctx.store, app);
  if (ctx.behaviour.leases.removeReleasesHistory) {
    // The fault: the release deletes by the removed app's join-row history, not by what it holds now.
    const history = leaseHistory(app);
    for (const other of ctx.store.apps.values()) other.tnleases = other.tnleases.filter((u) => !history.has(u));
  }
  // E19's other reading: removing the app releases its leases.
  if (ctx.behaviour.removeWithLeases === 'release' && ctx.behaviour.removeDeletes) {
    if (ctx.behaviour.removedAppsHoldLeases) for (const lease of app.tnleases) ghostLeases(ctx.store).add(lease);
    app.tnleases = [];
  }
  if (ctx.behaviour.removeDeletes) {
    if (ctx.behaviour.removedStaysReadable) app.deleted_on = isoNow();
    else ctx.store.apps.delete(app.uuid);
  }
  return { status: 200, payload };
};

export const APP_HANDLERS: Partial<Record<OperationId, Handler>> = {
  CreateSIPControlApp: create,
  ListSIPControlApps: list,
  GetSIPControlAppByUUID: get,
  ModifySIPControlApp: modify,
  RemoveSIPControlAppByUUID: remove,
};
