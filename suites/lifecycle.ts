import { STATUS } from '../src/checks/status-code.ts';
import { appMatchesSent } from '../src/checks/read-after-write.ts';
import { payloadOf } from '../src/checks/observed.ts';
import { listed as isListed } from '../src/checks/app-state.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import { appOf } from './support.ts';
import { expectGone } from './remove.ts';

export const lifecycleCases: CaseDefinition[] = defineCases('lifecycle', [
  {
    id: 'create-read-modify-remove', title: 'an app through its whole life', operation: 'workflow', tags: ['smoke', 'workflow'],
    checks: ['status-code', 'read-after-write', 'listed-after-create', 'not-found-after-remove'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid, sent } = await ctx.createApp('create app');
      const listed = await ctx.call('ListSIPControlApps', { purpose: 'list after create' });
      ctx.expect('listed-after-create', isListed(payloadOf(listed), uuid));
      const patch = { name: ctx.env.names.name('lifecycle'), is_active: false };
      const modified = await ctx.call('ModifySIPControlApp', { uuid, body: patch, purpose: 'modify the app' });
      ctx.expectStatus('status-code', modified, STATUS.ok);
      const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'get after modify' });
      ctx.expect('read-after-write', appMatchesSent(appOf(got), { ...sent, ...patch }, 'get after modify'));
      const removed = await ctx.call('RemoveSIPControlAppByUUID', { uuid, purpose: 'remove the app' });
      if (ctx.expectStatus('status-code', removed, STATUS.ok)) await expectGone(ctx, uuid);
    },
  },
]);
