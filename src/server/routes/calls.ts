/**
 * ExecuteSIPControlAppCallExecuteCallFlow: POST call-flow XML to a live call
 * (E06: the path uuid is the call's). XML raw (application/xml, text/xml) or as
 * multipart part `file` (E07).
 */
import type { FastifyRequest } from 'fastify';
import type { OperationId } from '../../spec/operations.ts';
import type { Behaviour } from '../behaviour.ts';
import { judgeCallFlow } from '../callflow.ts';
import type { Handler, HandlerContext } from '../context.ts';
import { pathUuid, sameUuid, visible } from '../context.ts';
import { renderCall } from '../serialize.ts';
import type { CallRec } from '../state.ts';
import { ApiError, isoNow } from '../util.ts';

/** E07: an encoding the server does not take is answered 415 (called first thing when `encodingCheckedFirst`, as a framework's body parser would). */
export function refuseUnacceptedEncoding(req: FastifyRequest, behaviour: Behaviour): void {
  const { multipart, raw, refusedStatus = 415 } = behaviour.callflowEncodings;
  if (req.isMultipart() && !multipart) throw new ApiError(refusedStatus, 'call flow must be sent as raw XML (application/xml or text/xml)');
  if (!req.isMultipart() && typeof req.body === 'string' && !raw) throw new ApiError(refusedStatus, 'call flow must be sent as multipart/form-data, part "file"');
}

async function readCallFlow(ctx: HandlerContext): Promise<string> {
  const req = ctx.request;
  refuseUnacceptedEncoding(req, ctx.behaviour);
  if (req.isMultipart()) {
    if (ctx.behaviour.multipartCrashes) throw new TypeError("Cannot read properties of undefined (reading 'toString')");
    let xml: string | undefined;
    for await (const part of req.parts()) {
      if (part.fieldname !== 'file') {
        if (part.type === 'file') part.file.resume();
        continue;
      }
      xml = part.type === 'file' ? (await part.toBuffer()).toString('utf8') : String(part.value);
    }
    if (xml === undefined) throw new ApiError(400, "multipart body must carry the call flow in the part named 'file'");
    return xml;
  }
  if (typeof ctx.body === 'string') return ctx.body;
  if (ctx.body === undefined) throw new ApiError(400, 'call flow XML is missing (send application/xml or multipart part "file")');
  throw new ApiError(400, 'call flow must be XML (application/xml, text/xml or multipart part "file")');
}

function findCall(ctx: HandlerContext, uuid: string): CallRec {
  for (const call of ctx.store.calls.values()) {
    if (sameUuid(ctx, call.uuid, uuid) && visible(ctx, call.account)) return call;
  }
  if (ctx.behaviour.unknownCallFound) {
    const template = [...ctx.store.calls.values()].find((c) => ctx.account === null || c.account === ctx.account);
    if (template) return { ...structuredClone(template), uuid, channel: { ...template.channel, uuid, call_uuid: uuid } };
  }
  throw new ApiError(404, `Call ${uuid} not found`);
}

const execute: Handler = async (ctx) => {
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

export const CALL_HANDLERS: Partial<Record<OperationId, Handler>> = {
  ExecuteSIPControlAppCallExecuteCallFlow: execute,
};
