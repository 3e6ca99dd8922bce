import { STATUS } from '../src/checks/status-code.ts';
import { appMatchesSent } from '../src/checks/read-after-write.ts';
import { isObject, payloadOf } from '../src/checks/observed.ts';
import { listedOnce } from '../src/checks/app-state.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';

const OP = 'ListSIPControlApps' as const;

export const listCases: CaseDefinition[] = defineCases('list', [
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
    checks: ['listed-after-create', 'read-after-write', 'status-code'], sideEffects: 'writes', exclusive: true,
    async run(ctx) {
      const { uuid, sent } = await ctx.createApp('create app');
      const res = await ctx.call(OP, { purpose: 'list apps' });
      ctx.expectStatus('status-code', res, STATUS.ok);
      const payload = payloadOf(res);
      if (ctx.expect('listed-after-create', listedOnce(payload, uuid))) {
        const entry = (payload as unknown[]).find((app) => isObject(app) && app.uuid === uuid);
        ctx.expect('read-after-write', appMatchesSent(entry, sent, 'list entry after create', { answer: true }));
      }
    },
  },
]);
