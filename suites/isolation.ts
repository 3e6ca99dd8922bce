import { STATUS } from '../src/checks/status-code.ts';
import { appMatchesSent } from '../src/checks/read-after-write.ts';
import { payloadOf } from '../src/checks/observed.ts';
import { notListedForOthers } from '../src/checks/app-state.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import { appOf, unknownUuid } from './support.ts';
import { leasesExactly } from '../src/checks/leases.ts';

const CHECK = 'cross-account-isolation' as const;

/** A's app, then B tries something on it: refused as if it did not exist (E25), and A's app is untouched. */
function isolationCase(id: string, title: string, attempt: (ctx: CaseContext, uuid: string) => Promise<void>): Omit<CaseDefinition, 'suite'> {
  return {
    id, title, operation: 'workflow', tags: ['isolation', 'security'], checks: [CHECK, 'status-code'], needs: ['tokenB'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid, sent } = await ctx.createApp("create account A's app");
      await attempt(ctx, uuid);
      const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: "A reads its app after B's attempt" });
      ctx.expectStatus(CHECK, got, { ...STATUS.ok, situation: "A's app after B's attempt" });
      ctx.expect(CHECK, appMatchesSent(appOf(got), sent, "A's app after B's attempt"));
    },
  };
}

const foreign = (situation: string) => ({ ...STATUS.foreign, situation });

export const isolationCases: CaseDefinition[] = defineCases('isolation', [
  isolationCase('get', "account B cannot get A's app", async (ctx, uuid) => {
    ctx.expectStatus(CHECK, await ctx.call('GetSIPControlAppByUUID', { uuid, as: 'b', purpose: "B gets A's app" }), foreign("B gets A's app"));
  }),
  isolationCase('list', "account B's list does not show A's app", async (ctx, uuid) => {
    const res = await ctx.call('ListSIPControlApps', { as: 'b', purpose: 'B lists its apps' });
    ctx.expect(CHECK, notListedForOthers(payloadOf(res), uuid));
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
    ctx.expectStatus(CHECK, assign, { ...STATUS.foreignLeaseChange, situation: "B assigns a lease to A's app" });
    const leases = await ctx.call('GetSIPControlAppTNLeasesList', { uuid, purpose: "A lists its app's leases after B's attempt" });
    if (ctx.expectStatus(CHECK, leases, { ...STATUS.ok, situation: "A's lease list after B's attempt" })) ctx.expect(CHECK, leasesExactly(payloadOf(leases), [], "A's lease list after B's attempt"));
  }),
]);
