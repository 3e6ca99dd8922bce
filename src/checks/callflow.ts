import { isObject } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/** Rules about posting call-flow XML to a live call (page call route, E06/E07, E31). */

/** `callflow-accepted`: valid XML was accepted in one of the encodings the errata allow (E07). */
export function validCallFlowAccepted(accepted: boolean, tried: string[]): Verdict {
  return accepted ? pass() : fail('valid call-flow XML was not accepted', '200 with the call (multipart "file" or raw XML, E07)', tried.join('; '));
}

/** `callflow-accepted`: the answer carries the call, with its channel. */
export function answerCarriesCall(call: unknown): Verdict {
  return isObject(call) && isObject(call.channel) ? pass() : fail('the answer does not carry the call', 'payload: the call with its channel', JSON.stringify(call)?.slice(0, 120) ?? 'nothing');
}

/** `call-uuid-matches` (advisory, E31): the call answered is the one posted to. */
export function callUuidMatches(call: unknown, callUuid: string): Verdict {
  return isObject(call) && call.uuid === callUuid ? pass() : fail('the call answered is not the one posted to', `uuid ${callUuid}`, `uuid ${JSON.stringify(isObject(call) ? call.uuid : undefined)}`);
}
