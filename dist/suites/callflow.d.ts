import { type ObservedResponse } from '../src/checks/observed.ts';
import { type CaseDefinition } from './case.ts';
import type { Caller, CaseContext } from '../src/runner/case-context.ts';
export type CallFlowEncoding = 'multipart' | 'raw';
/** Post XML as the 2021 document's multipart part `file`, or raw (E07). */
export declare function postCallFlow(ctx: CaseContext, uuid: string, xml: string, encoding: CallFlowEncoding, purpose: string, as?: Caller): Promise<ObservedResponse>;
/**
 * Post XML the way the server takes it (E07): multipart first and, if that encoding
 * is refused (400/415/422), raw. For requests whose point is not the XML (a bad token,
 * an unknown call): a server may refuse an encoding it does not take before it looks
 * at the token or the call, and that refusal must not be judged as the answer.
 * The last answer is returned; every answer still goes through the per-answer checks.
 */
export declare function postCallFlowAnyEncoding(ctx: CaseContext, uuid: string, xml: string, purpose: string, as?: Caller): Promise<ObservedResponse>;
export declare const callflowCases: CaseDefinition[];
