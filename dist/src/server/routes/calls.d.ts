/**
 * ExecuteSIPControlAppCallExecuteCallFlow: POST call-flow XML to a live call
 * (E06: the path uuid is the call's). XML raw (application/xml, text/xml) or as
 * multipart part `file` (E07).
 */
import type { FastifyRequest } from 'fastify';
import type { OperationId } from '../../spec/operations.ts';
import type { Behaviour } from '../behaviour.ts';
import type { Handler } from '../context.ts';
/** E07: an encoding the server does not take is answered 415 (called first thing when `encodingCheckedFirst`, as a framework's body parser would). */
export declare function refuseUnacceptedEncoding(req: FastifyRequest, behaviour: Behaviour): void;
export declare const CALL_HANDLERS: Partial<Record<OperationId, Handler>>;
