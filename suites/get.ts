import { STATUS } from '../src/checks/status-code.ts';
import { appMatchesSent } from '../src/checks/read-after-write.ts';
import { sameAppByUpperCase } from '../src/checks/app-state.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import { appOf, malformedUuids, unknownUuid } from './support.ts';
import type { OperationId } from '../src/spec/operations.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import type { ObservedResponse } from '../src/checks/observed.ts';
import type { SideEffects } from '../src/runner/case.ts';
import type { StatusRule } from '../src/checks/status-code.ts';

const OP = 'GetSIPControlAppByUUID' as const;

/** How a path-uuid case sends its request when a JSON body will not do (the call route's XML, E07). */
export type PathUuidSender = (ctx: CaseContext, uuid: string, purpose: string) => Promise<ObservedResponse>;

/**
 * The two path-uuid cases every `{uuid}` operation gets (E23, E24). `unknownRule` replaces 404 where the
 * body itself names something unknown, so a server that looks at the body first may report that instead.
 */
export function pathUuidCases(operation: OperationId, body?: () => unknown, sideEffects: SideEffects = 'none', sender?: PathUuidSender, unknownRule: StatusRule = STATUS.notFound): Array<Omit<CaseDefinition, 'suite'>> {
  const send: PathUuidSender = sender ?? ((ctx, uuid, purpose) => ctx.call(operation, { uuid, body: body?.(), purpose }));
  return [
    {
      id: 'unknown-uuid', title: 'an unknown uuid answers 404', operation, tags: ['not-found', 'uuid'],
      checks: ['unknown-uuid-not-found'], sideEffects,
      async run(ctx) {
        const res = await send(ctx, unknownUuid(), 'request an unknown uuid');
        ctx.expectStatus('unknown-uuid-not-found', res, unknownRule);
      },
    },
    {
      id: 'malformed-uuid', title: 'malformed uuids are refused with a 4xx', operation, tags: ['uuid'],
      checks: ['malformed-uuid-rejected'], sideEffects,
      async run(ctx) {
        for (const { label, value } of malformedUuids()) {
          const res = await send(ctx, value, `request with a path uuid that is ${label}`);
          ctx.expectStatus('malformed-uuid-rejected', res, { ...STATUS.malformedUuid, situation: `path uuid ${label}` });
        }
      },
    },
  ];
}

export const getCases: CaseDefinition[] = defineCases('get', [
  {
    id: 'own', title: 'get answers the app as created', operation: OP, tags: ['smoke', 'read-after-write'],
    checks: ['status-code', 'read-after-write'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid, sent } = await ctx.createApp('create app');
      const res = await ctx.call(OP, { uuid, purpose: 'get the app' });
      ctx.expectStatus('status-code', res, STATUS.ok);
      ctx.expect('read-after-write', appMatchesSent(appOf(res), sent, 'get after create'));
    },
  },
  {
    id: 'uppercase-own-uuid', title: "the app's uuid in upper case: the same app, or refused", operation: OP, tags: ['uuid'],
    checks: ['malformed-uuid-rejected', 'status-code'], sideEffects: 'writes',
    async run(ctx) {
      // E24: the page's pattern is lower case, but a server storing uuids natively may match case-insensitively.
      // By default the suite accepts the same app (200) or a 4xx; --strict pins the pattern (4xx).
      const { uuid } = await ctx.createApp('create app');
      const res = await ctx.call(OP, { uuid: uuid.toUpperCase(), purpose: 'get the app by its upper-case uuid' });
      if (!ctx.strict && res.status === 200) {
        const app = appOf(res);
        ctx.expect('malformed-uuid-rejected', sameAppByUpperCase(app, uuid));
        return;
      }
      ctx.expectStatus('malformed-uuid-rejected', res, { ...STATUS.malformedUuid, situation: 'upper-case form of an existing uuid' });
    },
  },
  ...pathUuidCases(OP),
]);
