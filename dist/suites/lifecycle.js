import { STATUS } from "../src/checks/status-code.js";
import { appMatchesSent } from "../src/checks/read-after-write.js";
import { isObject, payloadOf } from "../src/checks/observed.js";
import { fail, pass } from "../src/checks/verdict.js";
import { defineCases } from "./case.js";
import { appOf } from "./support.js";
import { expectGone } from "./remove.js";
export const lifecycleCases = defineCases('lifecycle', [
    {
        id: 'create-read-modify-remove', title: 'an app through its whole life', operation: 'workflow', tags: ['smoke', 'workflow'],
        checks: ['status-code', 'read-after-write', 'listed-after-create', 'not-found-after-remove'], sideEffects: 'writes',
        async run(ctx) {
            const { uuid, sent } = await ctx.createApp('create app');
            const listed = await ctx.call('ListSIPControlApps', { purpose: 'list after create' });
            const entries = payloadOf(listed);
            ctx.expect('listed-after-create', Array.isArray(entries) && entries.some((a) => isObject(a) && a.uuid === uuid) ? pass() : fail('the new app is not listed', `app ${uuid} in the list`, 'absent'));
            const patch = { name: ctx.env.names.name('lifecycle'), is_active: false };
            const modified = await ctx.call('ModifySIPControlApp', { uuid, body: patch, purpose: 'modify the app' });
            ctx.expectStatus('status-code', modified, STATUS.ok);
            const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'get after modify' });
            ctx.expect('read-after-write', appMatchesSent(appOf(got), { ...sent, ...patch }, 'get after modify'));
            const removed = await ctx.call('RemoveSIPControlAppByUUID', { uuid, purpose: 'remove the app' });
            if (ctx.expectStatus('status-code', removed, STATUS.ok))
                await expectGone(ctx, uuid);
        },
    },
]);
//# sourceMappingURL=lifecycle.js.map