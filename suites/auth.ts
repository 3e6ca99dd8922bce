import { STATUS } from '../src/checks/status-code.ts';
import { MINIMAL_CALLFLOW } from '../src/callflow/validate.ts';
import { OPERATION_IDS, type OperationId } from '../src/spec/operations.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import { postCallFlowAnyEncoding } from './callflow.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import { unknownUuid } from './support.ts';

/**
 * Every operation refuses every bad credential (page 401 "Forbidden", E03).
 * Path operations target an app the run owns (a server that checks existence
 * before the token would otherwise hide the flaw); in --read-only, a random uuid.
 * The call route always targets a random uuid: a bad token must never drive a live call.
 */
function authCase(operation: OperationId): Omit<CaseDefinition, 'suite'> {
  const readOnlyOp = operation === 'ListSIPControlApps' || operation === 'GetSIPControlAppByUUID' || operation === 'GetSIPControlAppTNLeasesList';
  return {
    id: operation, title: `${operation} refuses missing, garbage and forged tokens`, operation, tags: ['auth', 'security'],
    // Path operations create the app they aim at (status-code judges that create), except in --read-only.
    checks: aimsAtOwnApp(operation) ? ['auth-required', 'status-code'] : ['auth-required'], sideEffects: readOnlyOp ? 'none' : 'writes',
    async run(ctx: CaseContext) {
      const target = await targetFor(ctx, operation);
      for (const credential of ctx.env.forged) {
        const purpose = `${operation} with ${credential.describe}`;
        const res = operation === 'CreateSIPControlApp'
          ? (await ctx.tryCreate(purpose, { name: ctx.env.names.name('auth'), subdomain: ctx.env.names.subdomain() }, { as: credential })).res
          : operation === 'ExecuteSIPControlAppCallExecuteCallFlow'
            // E07: in whichever encoding the server takes; one it refuses before checking the token (415) is no answer about the token.
            ? await postCallFlowAnyEncoding(ctx, target!, MINIMAL_CALLFLOW, purpose, credential)
            : await ctx.call(operation, { uuid: target, body: bodyFor(operation, ctx), as: credential, purpose });
        ctx.expectStatus('auth-required', res, { ...STATUS.unauthenticated, situation: credential.describe });
      }
    },
  };
}

/** Operations whose auth case creates an app of the run's to aim at (the call route never does). */
function aimsAtOwnApp(operation: OperationId): boolean {
  return operation !== 'CreateSIPControlApp' && operation !== 'ListSIPControlApps' && operation !== 'ExecuteSIPControlAppCallExecuteCallFlow';
}

async function targetFor(ctx: CaseContext, operation: OperationId): Promise<string | undefined> {
  if (operation === 'CreateSIPControlApp' || operation === 'ListSIPControlApps') return undefined;
  if (!aimsAtOwnApp(operation) || ctx.env.readOnly) return unknownUuid();
  return (await ctx.createApp('create an app to aim at')).uuid;
}

function bodyFor(operation: OperationId, ctx: CaseContext): unknown {
  if (operation === 'ModifySIPControlApp') return { name: ctx.env.names.name('auth') };
  if (operation === 'AssignTNLeasesToSIPControlApp') return { add: [] };
  return undefined;
}

export const authCases: CaseDefinition[] = defineCases('auth', OPERATION_IDS.map(authCase));
