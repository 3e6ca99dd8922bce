import { actingAccount, findApp } from "../context.js";
import { renderLeases } from "../serialize.js";
import { ApiError } from "../util.js";
import { validateLeaseChange } from "../validation.js";
function leasesShown(ctx, app) {
    if (!ctx.behaviour.leases.listAll)
        return app.tnleases;
    return [...ctx.store.leases.values()].filter((l) => l.account === app.account).map((l) => l.uuid);
}
const assign = async (ctx) => {
    const rules = ctx.behaviour.leases;
    // E17's other reading, as body-schema validation (e.g. minItems) does it: before the app is even looked up.
    if (rules.refuseEmptyChange) {
        const early = validateLeaseChange(ctx.body, ctx.behaviour);
        if (early.add.length === 0 && early.remove.length === 0)
            throw new ApiError(rules.refuseEmptyChange, 'nothing to do: add or remove at least one TN lease');
    }
    const app = findApp(ctx);
    const account = actingAccount(ctx, app.account);
    const change = validateLeaseChange(ctx.body, ctx.behaviour);
    const known = (uuid) => ctx.store.leases.get(uuid)?.account === account;
    const unknown = [...change.add, ...change.remove].filter((u) => !known(u));
    // Validate the whole request before applying anything (E21: nothing changes).
    if (unknown.length > 0 && rules.unknown === 'reject')
        throw new ApiError(ctx.behaviour.unknownReferenceStatus, `TN lease not found: ${unknown.join(', ')}`);
    const notHeld = change.remove.filter((u) => known(u) && !app.tnleases.includes(u));
    if (rules.refuseRemoveNotHeld && notHeld.length > 0) {
        // E75's other reading: removing a lease this app does not hold is an error, not a no-op.
        throw new ApiError(rules.refuseRemoveNotHeld, `TN lease not assigned to this SIP Control App: ${notHeld.join(', ')}`);
    }
    if (rules.refuseTaken) {
        // E20's other reading: a lease another app holds is refused, not moved (nothing changes).
        const taken = change.add.filter((u) => [...ctx.store.apps.values()].some((other) => (other !== app || rules.refuseTaken === 'any-app') && other.deleted_on === null && other.tnleases.includes(u)));
        if (taken.length > 0)
            throw new ApiError(409, `TN lease already assigned to a SIP Control App: ${taken.join(', ')}`);
    }
    if (rules.applyRemove) {
        const drop = new Set(change.remove.filter(known));
        app.tnleases = app.tnleases.filter((u) => !drop.has(u));
        // The fault: the release is not scoped to the app in the path (an UPDATE … WHERE lease = ? without the app).
        if (rules.removeUnscoped)
            for (const other of ctx.store.apps.values())
                other.tnleases = other.tnleases.filter((u) => !drop.has(u));
    }
    for (const uuid of change.add) {
        if (!known(uuid)) {
            if (rules.unknown === 'partial')
                throw new ApiError(404, `TN lease not found: ${uuid}`);
            continue; // 'skip'
        }
        if (!rules.applyAdd)
            continue;
        if (rules.move) {
            // E20: a lease held by another app of the account moves here.
            for (const other of ctx.store.apps.values()) {
                if (other !== app)
                    other.tnleases = other.tnleases.filter((u) => u !== uuid);
            }
        }
        if (rules.dedupe && app.tnleases.includes(uuid))
            continue;
        app.tnleases.push(uuid);
    }
    // E33's other reading: the answer lists only the leases the request named.
    const answered = rules.answer === 'changed' ? [...new Set([...change.add, ...change.remove])].filter(known) : leasesShown(ctx, app);
    return { status: 200, payload: renderLeases(ctx.store, answered) };
};
const list = async (ctx) => {
    const app = findApp(ctx);
    return { status: 200, payload: renderLeases(ctx.store, leasesShown(ctx, app)) };
};
export const LEASE_HANDLERS = {
    AssignTNLeasesToSIPControlApp: assign,
    GetSIPControlAppTNLeasesList: list,
};
//# sourceMappingURL=leases.js.map