import { STATUS } from "../src/checks/status-code.js";
import { appMatchesSent } from "../src/checks/read-after-write.js";
import { isObject, payloadOf } from "../src/checks/observed.js";
import { fail, pass } from "../src/checks/verdict.js";
import { defineCases } from "./case.js";
import { appOf, unknownUuid } from "./support.js";
import { leasesExactly } from "../src/checks/leases.js";
const CHECK = 'cross-account-isolation';
/** A's app, then B tries something on it: refused as if it did not exist (E25), and A's app is untouched. */
function isolationCase(id, title, attempt) {
    return {
        id, title, operation: 'workflow', tags: ['isolation', 'security'], checks: [CHECK], needs: ['tokenB'], sideEffects: 'writes',
        async run(ctx) {
            const { uuid, sent } = await ctx.createApp("create account A's app");
            await attempt(ctx, uuid);
            const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: "A reads its app after B's attempt" });
            ctx.expectStatus(CHECK, got, { ...STATUS.ok, situation: "A's app after B's attempt" });
            ctx.expect(CHECK, appMatchesSent(appOf(got), sent, "A's app after B's attempt"));
        },
    };
}
const foreign = (situation) => ({ ...STATUS.foreign, situation });
export const isolationCases = defineCases('isolation', [
    isolationCase('get', "account B cannot get A's app", async (ctx, uuid) => {
        ctx.expectStatus(CHECK, await ctx.call('GetSIPControlAppByUUID', { uuid, as: 'b', purpose: "B gets A's app" }), foreign("B gets A's app"));
    }),
    isolationCase('list', "account B's list does not show A's app", async (ctx, uuid) => {
        const res = await ctx.call('ListSIPControlApps', { as: 'b', purpose: 'B lists its apps' });
        const payload = payloadOf(res);
        const leaked = Array.isArray(payload) && payload.some((app) => isObject(app) && app.uuid === uuid);
        ctx.expect(CHECK, leaked ? fail("B's list shows A's app", `no app ${uuid}`, 'listed') : pass());
    }),
    isolationCase('modify', "account B cannot modify A's app", async (ctx, uuid) => {
        ctx.expectStatus(CHECK, await ctx.call('ModifySIPControlApp', { uuid, as: 'b', body: { name: ctx.env.names.name('hijack'), is_active: false }, purpose: "B renames A's app" }), foreign("B modifies A's app"));
    }),
    isolationCase('remove', "account B cannot remove A's app", async (ctx, uuid) => {
        ctx.expectStatus(CHECK, await ctx.call('RemoveSIPControlAppByUUID', { uuid, as: 'b', purpose: "B removes A's app" }), foreign("B removes A's app"));
    }),
    isolationCase('leases', "account B cannot read or assign A's app's leases", async (ctx, uuid) => {
        ctx.expectStatus(CHECK, await ctx.call('GetSIPControlAppTNLeasesList', { uuid, as: 'b', purpose: "B lists A's app's leases" }), foreign("B lists A's leases"));
        // A well-formed lease uuid, not `{add: []}` (E17): unknown to B as well, so B may be refused for it (E21: any 4xx).
        const assign = await ctx.call('AssignTNLeasesToSIPControlApp', { uuid, as: 'b', body: { add: [unknownUuid()] }, purpose: "B assigns to A's app" });
        ctx.expectStatus(CHECK, assign, { situation: "B assigns a lease to A's app", accept: 'any-4xx', strict: [404] });
        const leases = await ctx.call('GetSIPControlAppTNLeasesList', { uuid, purpose: "A lists its app's leases after B's attempt" });
        if (ctx.expectStatus(CHECK, leases, { ...STATUS.ok, situation: "A's lease list after B's attempt" }))
            ctx.expect(CHECK, leasesExactly(payloadOf(leases), [], "A's lease list after B's attempt"));
    }),
]);
//# sourceMappingURL=isolation.js.map