import { STATUS } from '../src/checks/status-code.ts';
import { payloadOf } from '../src/checks/observed.ts';
import { absentFromList, removedAppAnswered } from '../src/checks/app-state.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import { pathUuidCases } from './get.ts';
import { appOf } from './support.ts';

const OP = 'RemoveSIPControlAppByUUID' as const;

/** After a successful remove: get and a second remove answer 404, the list omits the app. */
export async function expectGone(ctx: CaseContext, uuid: string): Promise<void> {
  const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'get the removed app' });
  ctx.expectStatus('not-found-after-remove', got, { ...STATUS.notFound, situation: 'get after remove' });
  const again = await ctx.call(OP, { uuid, purpose: 'remove it again' });
  ctx.expectStatus('not-found-after-remove', again, { ...STATUS.notFound, situation: 'second remove' });
  const list = await ctx.call('ListSIPControlApps', { purpose: 'list after remove' });
  ctx.expect('not-found-after-remove', absentFromList(payloadOf(list), uuid));
}

export const removeCases: CaseDefinition[] = defineCases('remove', [
  {
    id: 'own', title: 'remove answers the removed app, which is then gone', operation: OP, tags: ['smoke', 'lifecycle'],
    checks: ['status-code', 'read-after-write', 'not-found-after-remove'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid, sent } = await ctx.createApp('create app');
      const res = await ctx.call(OP, { uuid, purpose: 'remove the app' });
      if (!ctx.expectStatus('status-code', res, STATUS.ok)) return;
      ctx.expect('read-after-write', removedAppAnswered(appOf(res), uuid, sent.name));
      await expectGone(ctx, uuid);
    },
  },
  ...pathUuidCases(OP, undefined, 'writes'),
]);
