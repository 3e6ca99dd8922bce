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
    const app = findApp(ctx);
    const account = actingAccount(ctx, app.account);
    const change = validateLeaseChange(ctx.body, ctx.behaviour);
    const rules = ctx.behaviour.leases;
    const known = (uuid) => ctx.store.leases.get(uuid)?.account === account;
    const unknown = [...change.add, ...change.remove].filter((u) => !known(u));
    // Validate the whole request before applying anything (E21: nothing changes).
    if (unknown.length > 0 && rules.unknown === 'reject')
        throw new ApiError(ctx.behaviour.unknownReferenceStatus, `TN lease not found: ${unknown.join(', ')}`);
    if (rules.refuseTaken) {
        // E20's other reading: a lease another app holds is refused, not moved (nothing changes).
        const taken = change.add.filter((u) => [...ctx.store.apps.values()].some((other) => (other !== app || rules.refuseTaken === 'any-app') && other.deleted_on === null && other.tnleases.includes(u)));
        if (taken.length > 0)
            throw new ApiError(409, `TN lease already assigned to a SIP Control App: ${taken.join(', ')}`);
    }
    if (rules.applyRemove) {
        const drop = new Set(change.remove.filter(known));
        app.tnleases = app.tnleases.filter((u) => !drop.has(u));
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