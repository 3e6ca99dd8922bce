import { STATUS } from "../src/checks/status-code.js";
import { isObject, payloadOf } from "../src/checks/observed.js";
import { fail, pass } from "../src/checks/verdict.js";
import { defineCases } from "./case.js";
import { pathUuidCases } from "./get.js";
import { appOf } from "./support.js";
const OP = 'RemoveSIPControlAppByUUID';
/** After a successful remove: get and a second remove answer 404, the list omits the app. */
export async function expectGone(ctx, uuid) {
    const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'get the removed app' });
    ctx.expectStatus('not-found-after-remove', got, { ...STATUS.notFound, situation: 'get after remove' });
    const again = await ctx.call(OP, { uuid, purpose: 'remove it again' });
    ctx.expectStatus('not-found-after-remove', again, { ...STATUS.notFound, situation: 'second remove' });
    const list = await ctx.call('ListSIPControlApps', { purpose: 'list after remove' });
    const payload = payloadOf(list);
    const still = Array.isArray(payload) && payload.some((app) => isObject(app) && app.uuid === uuid);
    ctx.expect('not-found-after-remove', still ? fail('the removed app is still listed', `no app ${uuid} in the list`, 'listed') : Array.isArray(payload) ? pass() : null);
}
export const removeCases = defineCases('remove', [
    {
        id: 'own', title: 'remove answers the removed app, which is then gone', operation: OP, tags: ['smoke', 'lifecycle'],
        checks: ['status-code', 'read-after-write', 'not-found-after-remove'], sideEffects: 'writes',
        async run(ctx) {
            const { uuid, sent } = await ctx.createApp('create app');
            const res = await ctx.call(OP, { uuid, purpose: 'remove the app' });
            if (!ctx.expectStatus('status-code', res, STATUS.ok))
                return;
            const app = appOf(res);
            ctx.expect('read-after-write', app && app.uuid === uuid && app.name === sent.name
                ? pass()
                : fail('remove did not answer the removed app', `the app ${uuid} named ${JSON.stringify(sent.name)}`, `uuid ${JSON.stringify(app?.uuid)}, name ${JSON.stringify(app?.name)}`));
            await expectGone(ctx, uuid);
        },
    },
    ...pathUuidCases(OP, undefined, 'writes'),
]);
//# sourceMappingURL=remove.js.map