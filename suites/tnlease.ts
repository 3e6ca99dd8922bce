import { STATUS } from '../src/checks/status-code.ts';
import { leasesExactly } from '../src/checks/leases.ts';
import { refused, stateAfter } from '../src/checks/refusal.ts';
import { payloadOf } from '../src/checks/observed.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import { pathUuidCases } from './get.ts';
import { appOf, unknownUuid } from './support.ts';
import { expectGone } from './remove.ts';
import { appTnleasesMatch, leaseBackReference } from '../src/checks/lease-views.ts';
import type { CheckName } from '../src/checks/catalogue.ts';

const ASSIGN = 'AssignTNLeasesToSIPControlApp' as const;
const LIST = 'GetSIPControlAppTNLeasesList' as const;

/**
 * The app's lease list must be exactly `expected`; the leases it lists that name their app name this
 * one, and the app's own tnleases agree with the list (E73).
 */
export async function expectLeases(ctx: CaseContext, uuid: string, expected: string[], when: string, check: CheckName = 'lease-assignment'): Promise<void> {
  const res = await ctx.call(LIST, { uuid, purpose: `list leases ${when}` });
  if (!ctx.expectStatus('status-code', res, STATUS.ok)) return;
  const payload = payloadOf(res);
  ctx.expect(check, leasesExactly(payload, expected, `lease list ${when}`));
  ctx.expect('lease-back-reference', leaseBackReference(payload, uuid, `lease list ${when}`));
  const app = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: `get the app ${when}` });
  if (app.status === 200) ctx.expect('app-tnleases-match', appTnleasesMatch(appOf(app), payload, `the app ${when}`));
}

/** The checks every case that lists an app's leases applies (expectLeases). */
const LEASE_VIEWS: CheckName[] = ['lease-back-reference', 'app-tnleases-match'];

/**
 * E33: which leases the answer lists is not pinned by default (the lease list
 * operation is what the suite trusts); --strict pins "the app's leases after the change".
 */
async function assign(ctx: CaseContext, uuid: string, body: { add?: string[]; remove?: string[] }, purpose: string, after?: string[]): Promise<boolean> {
  const res = await ctx.call(ASSIGN, { uuid, body, purpose });
  const ok = ctx.expectStatus('status-code', res, STATUS.ok);
  if (ok && ctx.strict && after) ctx.expect('lease-assignment', leasesExactly(payloadOf(res), after, `assign answer (${purpose})`));
  return ok;
}

export const tnleaseListCases: CaseDefinition[] = defineCases('tnlease-list', [
  {
    id: 'empty', title: 'a new app has no leases', operation: LIST, tags: ['smoke', 'leases'],
    // An empty list names no app to refer back to: lease-back-reference has nothing to judge here.
    checks: ['status-code', 'lease-assignment', 'app-tnleases-match'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid } = await ctx.createApp('create app');
      await expectLeases(ctx, uuid, [], 'of a new app');
    },
  },
  ...pathUuidCases(LIST),
]);

export const tnleaseAssignCases: CaseDefinition[] = defineCases('tnlease-assign', [
  {
    id: 'assign-remove', title: 'assign a lease, then remove it', operation: ASSIGN, tags: ['leases'],
    checks: ['status-code', 'lease-assignment', ...LEASE_VIEWS], needs: ['tnlease'], sideEffects: 'writes', lock: 'tnleases',
    async run(ctx) {
      const [lease] = ctx.env.fixtures.tnleases;
      const { uuid } = await ctx.createApp('create app');
      if (!(await assign(ctx, uuid, { add: [lease] }, 'assign one lease', [lease]))) return;
      await expectLeases(ctx, uuid, [lease], 'after assigning it');
      // Re-assigning a lease the app holds: a no-op (200), or refused like any taken lease (409, E20);
      // either way it is listed once.
      const again = await ctx.call(ASSIGN, { uuid, body: { add: [lease] }, purpose: 'assign the same lease again' });
      ctx.expectStatus('status-code', again, STATUS.alreadyHeld);
      if (again.status === 200 && ctx.strict) ctx.expect('lease-assignment', leasesExactly(payloadOf(again), [lease], 'assign answer (assign the same lease again)'));
      await expectLeases(ctx, uuid, [lease], 'after assigning it twice');
      if (!(await assign(ctx, uuid, { remove: [lease] }, 'remove the lease', []))) return;
      await expectLeases(ctx, uuid, [], 'after removing it');
    },
  },
  {
    id: 'remove-not-held', title: 'removing a lease the app does not hold takes it from no app', operation: ASSIGN, tags: ['leases'],
    checks: ['lease-remove-scoped', ...LEASE_VIEWS, 'status-code'], needs: ['tnlease'], sideEffects: 'writes', lock: 'tnleases',
    async run(ctx) {
      const [lease] = ctx.env.fixtures.tnleases;
      const holder = await ctx.createApp('create the app that holds the lease');
      const other = await ctx.createApp('create an app without leases');
      if (!(await assign(ctx, holder.uuid, { add: [lease] }, 'assign the lease to the first app'))) return;
      const res = await ctx.call(ASSIGN, { uuid: other.uuid, body: { remove: [lease] }, purpose: 'remove the lease from the app that does not hold it' });
      // E75: the page is silent on what this answers: a no-op (200) or a refusal (4xx); never taken from its holder.
      ctx.expectStatus('lease-remove-scoped', res, STATUS.removeNotHeld);
      await expectLeases(ctx, holder.uuid, [lease], 'of the holding app after another app removed its lease', 'lease-remove-scoped');
      await expectLeases(ctx, other.uuid, [], 'of the other app after removing a lease it never held', 'lease-remove-scoped');
      await ctx.call(ASSIGN, { uuid: holder.uuid, body: { remove: [lease] }, purpose: 'release the lease' });
    },
  },
  {
    id: 'swap', title: 'add one lease and remove another in one request', operation: ASSIGN, tags: ['leases'],
    checks: ['status-code', 'lease-assignment', ...LEASE_VIEWS], needs: ['twoTnleases'], sideEffects: 'writes', lock: 'tnleases',
    async run(ctx) {
      const [first, second] = ctx.env.fixtures.tnleases;
      const { uuid } = await ctx.createApp('create app');
      if (!(await assign(ctx, uuid, { add: [first] }, 'assign the first lease', [first]))) return;
      if (!(await assign(ctx, uuid, { add: [second], remove: [first] }, 'swap first for second', [second]))) return;
      await expectLeases(ctx, uuid, [second], 'after the swap');
      await assign(ctx, uuid, { remove: [second] }, 'release the second lease');
      await expectLeases(ctx, uuid, [], 'after releasing all');
    },
  },
  {
    id: 'unknown-lease', title: 'an unknown lease is refused and nothing changes', operation: ASSIGN, tags: ['leases', 'references'],
    // The app holds no lease before or after: lease-back-reference has nothing to judge here.
    checks: ['unknown-reference-rejected', 'app-tnleases-match', 'status-code'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid } = await ctx.createApp('create app');
      const res = await ctx.call(ASSIGN, { uuid, body: { add: [unknownUuid()] }, purpose: 'assign an unknown lease' });
      ctx.expectStatus('unknown-reference-rejected', res, { ...STATUS.unknownReference, situation: 'unknown lease uuid in add' });
      await expectLeases(ctx, uuid, [], 'after a refused assignment', 'unknown-reference-rejected');
    },
  },
  {
    id: 'unknown-lease-among-known', title: 'a request naming a known and an unknown lease changes nothing', operation: ASSIGN, tags: ['leases', 'references'],
    checks: ['unknown-reference-rejected', 'app-tnleases-match', 'status-code'], needs: ['tnlease'], sideEffects: 'writes', lock: 'tnleases',
    async run(ctx) {
      const [lease] = ctx.env.fixtures.tnleases;
      const { uuid } = await ctx.createApp('create app');
      const res = await ctx.call(ASSIGN, { uuid, body: { add: [lease, unknownUuid()] }, purpose: 'assign a known and an unknown lease together' });
      ctx.expectStatus('unknown-reference-rejected', res, { ...STATUS.unknownReference, situation: 'unknown lease uuid beside a known one' });
      // A refused request must not half-apply: the known lease stays unassigned. Refused is any error
      // answer, whether or not its status is the one --strict pins (E21): a 400 under --strict is a wrong
      // status, not a request that should have assigned the known lease.
      const wasRefused = res.status >= 400;
      await expectLeases(ctx, uuid, wasRefused ? [] : [lease], wasRefused ? 'after a refused mixed assignment' : 'after the mixed assignment', 'unknown-reference-rejected');
      if (!wasRefused) await ctx.call(ASSIGN, { uuid, body: { remove: [lease] }, purpose: 'release the lease' });
    },
  },
  {
    id: 'malformed-body', title: 'add that is not an array of uuids is refused', operation: ASSIGN, tags: ['leases', 'types'],
    checks: ['input-validation', 'status-code'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid } = await ctx.createApp('create app');
      for (const [label, body] of [['add a string', { add: 'not-an-array' }], ['add holding a non-uuid', { add: ['not-a-uuid'] }]] as const) {
        const res = await ctx.call(ASSIGN, { uuid, body, purpose: label });
        ctx.expectStatus('input-validation', res, { ...STATUS.invalidInput, situation: label });
      }
    },
  },
  // A well-formed body, not `{add: []}`: the page never says an empty list is a no-op (E17). The lease it
  // names is unknown too, so a server resolving the body first may refuse that instead (E21: any 4xx; --strict 404).
  ...pathUuidCases(ASSIGN, () => ({ add: [unknownUuid()] }), 'writes', undefined, { situation: 'unknown app uuid (the lease in add is unknown too, E21)', accept: 'any-4xx', strict: [404] }),
]);

export const leaseWorkflowCases: CaseDefinition[] = defineCases('leases', [
  {
    id: 'move-between-apps', title: 'a lease is never in two apps at once', operation: 'workflow', tags: ['leases', 'workflow'],
    checks: ['lease-assignment', ...LEASE_VIEWS, 'status-code'], needs: ['tnlease'], sideEffects: 'writes', lock: 'tnleases',
    async run(ctx) {
      const [lease] = ctx.env.fixtures.tnleases;
      const first = await ctx.createApp('create the first app');
      const second = await ctx.createApp('create the second app');
      if (!(await assign(ctx, first.uuid, { add: [lease] }, 'assign the lease to the first app'))) return;
      const res = await ctx.call(ASSIGN, { uuid: second.uuid, body: { add: [lease] }, purpose: 'assign the same lease to the second app' });
      // E20: moved (200) or refused (any 4xx, nothing changes); either way exactly one app holds it.
      ctx.expectStatus('lease-assignment', res, STATUS.leaseTaken);
      const moved = !refused(res.status);
      await expectLeases(ctx, first.uuid, stateAfter(res.status, [lease], []), moved ? 'of the first app after the lease moved' : 'of the first app after a refused move');
      await expectLeases(ctx, second.uuid, stateAfter(res.status, [], [lease]), moved ? 'of the second app after the move' : 'of the second app after a refused move');
      await ctx.call(ASSIGN, { uuid: moved ? second.uuid : first.uuid, body: { remove: [lease] }, purpose: 'release the lease' });
    },
  },
  {
    id: 'remove-app-with-leases', title: 'removing an app that holds leases: 409, or removed with them', operation: 'workflow', tags: ['leases', 'workflow'],
    checks: ['lease-assignment', 'not-found-after-remove', ...LEASE_VIEWS, 'status-code'], needs: ['tnlease'], sideEffects: 'writes', lock: 'tnleases',
    async run(ctx) {
      const [lease] = ctx.env.fixtures.tnleases;
      const { uuid } = await ctx.createApp('create app');
      if (!(await assign(ctx, uuid, { add: [lease] }, 'assign a lease'))) return;
      const res = await ctx.call('RemoveSIPControlAppByUUID', { uuid, purpose: 'remove the app holding a lease' });
      if (res.status === 409) {
        // E19: refused; the app and its lease stay as they were.
        await expectLeases(ctx, uuid, [lease], 'after a refused remove');
        await ctx.call(ASSIGN, { uuid, body: { remove: [lease] }, purpose: 'release the lease' });
        return;
      }
      if (!ctx.expectStatus('status-code', res, STATUS.removeHoldingLeases)) return;
      await expectGone(ctx, uuid);
    },
  },
]);
