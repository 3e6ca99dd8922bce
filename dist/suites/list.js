import { STATUS } from "../src/checks/status-code.js";
import { appMatchesSent } from "../src/checks/read-after-write.js";
import { isObject, payloadOf } from "../src/checks/observed.js";
import { fail, pass } from "../src/checks/verdict.js";
import { defineCases } from "./case.js";
const OP = 'ListSIPControlApps';
export const listCases = defineCases('list', [
    {
        id: 'shape', title: 'list answers an array of apps', operation: OP, tags: ['smoke', 'read-only'],
        checks: ['status-code'], sideEffects: 'none',
        async run(ctx) {
            const res = await ctx.call(OP, { purpose: 'list apps' });
            ctx.expectStatus('status-code', res, STATUS.ok);
        },
    },
    {
        id: 'contains-created', title: 'a created app is listed once, as created', operation: OP, tags: ['read-after-write'],
        checks: ['listed-after-create', 'read-after-write'], sideEffects: 'writes', exclusive: true,
        async run(ctx) {
            const { uuid, sent } = await ctx.createApp('create app');
            const res = await ctx.call(OP, { purpose: 'list apps' });
            ctx.expectStatus('status-code', res, STATUS.ok);
            const payload = payloadOf(res);
            const matches = Array.isArray(payload) ? payload.filter((app) => isObject(app) && app.uuid === uuid) : [];
            const listed = ctx.expect('listed-after-create', matches.length === 1
                ? pass()
                : fail('the created app is not listed exactly once', `app ${uuid} once in the list`, Array.isArray(payload) ? `listed ${matches.length} times among ${payload.length} apps` : 'no list'));
            if (listed)
                ctx.expect('read-after-write', appMatchesSent(matches[0], sent, 'list entry after create', { answer: true }));
        },
    },
]);
//# sourceMappingURL=list.js.map