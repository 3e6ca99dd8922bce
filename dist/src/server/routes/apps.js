import { actingAccount, findApp, visible } from "../context.js";
import { renderApp } from "../serialize.js";
import { ApiError, isoNow } from "../util.js";
import { validateAppInput } from "../validation.js";
/** The outbound voice profile a request names must exist in the acting account (E22: 404). */
function resolveOvp(ctx, account, uuid) {
    if (uuid === undefined || uuid === null)
        return uuid;
    const ovp = ctx.store.ovps.get(uuid);
    if (ovp && ovp.account === account)
        return uuid;
    if (ctx.behaviour.unknownOvp === 'accept')
        return null;
    throw new ApiError(ctx.behaviour.unknownReferenceStatus, `Outbound voice profile ${uuid} not found`);
}
function adminOf(ctx, account) {
    return ctx.store.accounts.get(account)?.admin ?? '';
}
const create = async (ctx) => {
    const account = actingAccount(ctx, '');
    const input = validateAppInput(ctx.body, 'create', ctx.behaviour);
    const ovp = resolveOvp(ctx, account, input.outbound_voice_profile);
    for (const f of ctx.behaviour.createDrops)
        delete input[f];
    const now = isoNow();
    const admin = adminOf(ctx, account);
    const app = {
        uuid: ctx.behaviour.mintUuid(),
        account,
        name: input.name ?? '',
        subdomain: input.subdomain ?? null,
        is_active: input.is_active ?? ctx.behaviour.isActiveDefault,
        class4_egress_trunk_id: ctx.store.nextId(),
        class4_egress_resource_ip_id: ctx.store.nextId(),
        trunk_settings: ctx.behaviour.storeTrunkSettings ? (input.class4_egress_trunk_settings ?? {}) : {},
        outbound_voice_profile: ovp ?? null,
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
const list = async (ctx) => {
    const apps = [...ctx.store.apps.values()].filter((a) => a.deleted_on === null && visible(ctx, a.account));
    return { status: 200, payload: apps.map((a) => renderApp(ctx.store, a)) };
};
const get = async (ctx) => {
    const app = findApp(ctx, { includeRemoved: ctx.behaviour.removedStaysReadable });
    return { status: 200, payload: renderApp(ctx.store, app) };
};
const modify = async (ctx) => {
    const app = findApp(ctx);
    const account = actingAccount(ctx, app.account);
    const input = validateAppInput(ctx.body, 'modify', ctx.behaviour);
    const ovp = resolveOvp(ctx, app.account, input.outbound_voice_profile);
    const b = ctx.behaviour;
    const apply = (field) => !b.modifyIgnores.includes(field);
    if (b.modifyReplaces) {
        // PUT semantics: what was not sent goes back to its default.
        app.subdomain = null;
        app.is_active = b.isActiveDefault;
        app.trunk_settings = {};
        app.outbound_voice_profile = null;
    }
    if (input.name !== undefined && apply('name'))
        app.name = input.name;
    if (input.subdomain !== undefined && apply('subdomain'))
        app.subdomain = input.subdomain;
    if (input.is_active !== undefined && apply('is_active'))
        app.is_active = input.is_active;
    if (input.class4_egress_trunk_settings !== undefined && apply('class4_egress_trunk_settings') && b.storeTrunkSettings) {
        app.trunk_settings = { ...app.trunk_settings, ...input.class4_egress_trunk_settings };
    }
    if (ovp !== undefined && apply('outbound_voice_profile'))
        app.outbound_voice_profile = ovp;
    if (b.touchModifiedOn)
        app.modified_on = isoNow();
    app.modified_by = adminOf(ctx, account);
    return { status: 200, payload: renderApp(ctx.store, app) };
};
const remove = async (ctx) => {
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
    // E19's other reading: removing the app releases its leases.
    if (ctx.behaviour.removeWithLeases === 'release' && ctx.behaviour.removeDeletes)
        app.tnleases = [];
    if (ctx.behaviour.removeDeletes) {
        if (ctx.behaviour.removedStaysReadable)
            app.deleted_on = isoNow();
        else
            ctx.store.apps.delete(app.uuid);
    }
    return { status: 200, payload };
};
export const APP_HANDLERS = {
    CreateSIPControlApp: create,
    ListSIPControlApps: list,
    GetSIPControlAppByUUID: get,
    ModifySIPControlApp: modify,
    RemoveSIPControlAppByUUID: remove,
};
//# sourceMappingURL=apps.js.map