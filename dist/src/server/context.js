import { ApiError } from "./util.js";
/** The path uuid, checked against the page's pattern (E24: malformed → 400). */
export function pathUuid(ctx) {
    const raw = ctx.params.uuid ?? '';
    if (!ctx.behaviour.pathUuidValid(raw)) {
        if (ctx.behaviour.malformedPathCrashes)
            throw new Error(`invalid input syntax for type uuid: "${raw}"`);
        throw new ApiError(400, `uuid must match ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ (got "${raw}")`);
    }
    return raw;
}
export function sameUuid(ctx, a, b) {
    return ctx.behaviour.pathUuidCaseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}
/** Whether this request may see a record of `owner` (E25: another account's apps are invisible). */
export function visible(ctx, owner) {
    return ctx.account === null || ctx.account === owner || ctx.behaviour.crossAccount.has(ctx.operation);
}
/** The app named by the path, or 404. */
export function findApp(ctx, opts = {}) {
    const uuid = pathUuid(ctx);
    let foreign = false;
    for (const app of ctx.store.apps.values()) {
        if (!sameUuid(ctx, app.uuid, uuid))
            continue;
        if (app.deleted_on !== null && !opts.includeRemoved)
            continue;
        if (!visible(ctx, app.account)) {
            foreign = true;
            continue;
        }
        return app;
    }
    if (foreign && ctx.behaviour.foreignStatus !== 404)
        throw new ApiError(ctx.behaviour.foreignStatus, 'SIP Control App belongs to another account');
    throw new ApiError(404, 'SIP Control App not found');
}
/** The account a request acts for (an anonymous, faulty request acts for nobody in particular). */
export function actingAccount(ctx, fallback) {
    return ctx.account ?? fallback;
}
//# sourceMappingURL=context.js.map