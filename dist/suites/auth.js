import { STATUS } from "../src/checks/status-code.js";
import { MINIMAL_CALLFLOW } from "../src/callflow/validate.js";
import { OPERATION_IDS } from "../src/spec/operations.js";
import { defineCases } from "./case.js";
import { postCallFlowAnyEncoding } from "./callflow.js";
import { unknownUuid } from "./support.js";
/**
 * Every operation refuses every bad credential (page 401 "Forbidden", E03).
 * Path operations target an app the run owns (a server that checks existence
 * before the token would otherwise hide the flaw); in --read-only, a random uuid.
 * The call route always targets a random uuid: a bad token must never drive a live call.
 */
function authCase(operation) {
    const readOnlyOp = operation === 'ListSIPControlApps' || operation === 'GetSIPControlAppByUUID' || operation === 'GetSIPControlAppTNLeasesList';
    return {
        id: operation, title: `${operation} refuses missing, garbage and forged tokens`, operation, tags: ['auth', 'security'],
        checks: ['auth-required'], sideEffects: readOnlyOp ? 'none' : 'writes',
        async run(ctx) {
            const target = await targetFor(ctx, operation);
            for (const credential of ctx.env.forged) {
                const purpose = `${operation} with ${credential.describe}`;
                const res = operation === 'CreateSIPControlApp'
                    ? (await ctx.tryCreate(purpose, { name: ctx.env.names.name('auth'), subdomain: ctx.env.names.subdomain() }, { as: credential })).res
                    : operation === 'ExecuteSIPControlAppCallExecuteCallFlow'
                        // E07: in whichever encoding the server takes; one it refuses before checking the token (415) is no answer about the token.
                        ? await postCallFlowAnyEncoding(ctx, target, MINIMAL_CALLFLOW, purpose, credential)
                        : await ctx.call(operation, { uuid: target, body: bodyFor(operation, ctx), as: credential, purpose });
                ctx.expectStatus('auth-required', res, { ...STATUS.unauthenticated, situation: credential.describe });
            }
        },
    };
}
async function targetFor(ctx, operation) {
    if (operation === 'CreateSIPControlApp' || operation === 'ListSIPControlApps')
        return undefined;
    if (operation === 'ExecuteSIPControlAppCallExecuteCallFlow' || ctx.env.readOnly)
        return unknownUuid();
    return (await ctx.createApp('create an app to aim at')).uuid;
}
function bodyFor(operation, ctx) {
    if (operation === 'ModifySIPControlApp')
        return { name: ctx.env.names.name('auth') };
    if (operation === 'AssignTNLeasesToSIPControlApp')
        return { add: [] };
    return undefined;
}
export const authCases = defineCases('auth', OPERATION_IDS.map(authCase));
//# sourceMappingURL=auth.js.map