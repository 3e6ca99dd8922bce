import { judgeCallFlow } from "../callflow.js";
import { pathUuid, sameUuid, visible } from "../context.js";
import { renderCall } from "../serialize.js";
import { ApiError, isoNow } from "../util.js";
/** E07: an encoding the server does not take is answered 415 (called first thing when `encodingCheckedFirst`, as a framework's body parser would). */
export function refuseUnacceptedEncoding(req, behaviour) {
    const { multipart, raw, refusedStatus = 415 } = behaviour.callflowEncodings;
    if (req.isMultipart() && !multipart)
        throw new ApiError(refusedStatus, 'call flow must be sent as raw XML (application/xml or text/xml)');
    if (!req.isMultipart() && typeof req.body === 'string' && !raw)
        throw new ApiError(refusedStatus, 'call flow must be sent as multipart/form-data, part "file"');
}
async function readCallFlow(ctx) {
    const req = ctx.request;
    refuseUnacceptedEncoding(req, ctx.behaviour);
    if (req.isMultipart()) {
        if (ctx.behaviour.multipartCrashes)
            throw new TypeError("Cannot read properties of undefined (reading 'toString')");
        let xml;
        for await (const part of req.parts()) {
            if (part.fieldname !== 'file') {
                if (part.type === 'file')
                    part.file.resume();
                continue;
            }
            xml = part.type === 'file' ? (await part.toBuffer()).toString('utf8') : String(part.value);
        }
        if (xml === undefined)
            throw new ApiError(400, "multipart body must carry the call flow in the part named 'file'");
        return xml;
    }
    if (typeof ctx.body === 'string')
        return ctx.body;
    if (ctx.body === undefined)
        throw new ApiError(400, 'call flow XML is missing (send application/xml or multipart part "file")');
    throw new ApiError(400, 'call flow must be XML (application/xml, text/xml or multipart part "file")');
}
function findCall(ctx, uuid) {
    for (const call of ctx.store.calls.values()) {
        if (sameUuid(ctx, call.uuid, uuid) && visible(ctx, call.account))
            return call;
    }
    if (ctx.behaviour.unknownCallFound) {
        const template = [...ctx.store.calls.values()].find((c) => ctx.account === null || c.account === ctx.account);
        if (template)
            return { ...structuredClone(template), uuid, channel: { ...template.channel, uuid, call_uuid: uuid } };
    }
    throw new ApiError(404, `Call ${uuid} not found`);
}
const execute = async (ctx) => {
    const uuid = pathUuid(ctx);
    const xml = await readCallFlow(ctx);
    const call = findCall(ctx, uuid);
    const verdict = await judgeCallFlow(xml, ctx.behaviour.callflow);
    if (!verdict.ok) {
        const what = verdict.kind === 'not-well-formed' ? 'not well-formed XML' : 'not valid call-flow XML (schema)';
        throw new ApiError(400, `call flow is ${what}: ${verdict.errors.slice(0, 3).join('; ')}`);
    }
    call.call_flow = xml;
    call.modified_on = isoNow();
    return { status: 200, payload: renderCall(ctx.store, call) };
};
export const CALL_HANDLERS = {
    ExecuteSIPControlAppCallExecuteCallFlow: execute,
};
//# sourceMappingURL=calls.js.map