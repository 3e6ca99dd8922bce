import { isObject } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/** Rules about posting call-flow XML to a live call (page call route, E06/E07, E31). */

/** `callflow-accepted`: valid XML was accepted in one of the encodings the errata allow (E07). */
export function validCallFlowAccepted(accepted: boolean, tried: string[]): Verdict {
  return accepted ? pass() : fail('valid call-flow XML was not accepted', '200 with the call (multipart "file" or raw XML, E07)', tried.join('; '));
}

/**
 * `callflow-accepted`: the answer carries the call. E65 requires the channel's fields only when a
 * channel is present (a call not yet bridged may have none): absent or null is fine, and a channel
 * that is there must be an object (its fields are response-schema's to judge).
 */
export function answerCarriesCall(call: unknown): Verdict {
  const channelOk = isObject(call) && (call.channel === undefined || call.channel === null || isObject(call.channel));
  return channelOk ? pass() : fail('the answer does not carry the call', 'payload: the call (with its channel object, when it has one; E65)', JSON.stringify(call)?.slice(0, 120) ?? 'nothing');
}

/** `call-uuid-matches` (advisory, E31): the call answered is the one posted to. */
export function callUuidMatches(call: unknown, callUuid: string): Verdict {
  return isObject(call) && call.uuid === callUuid ? pass() : fail('the call answered is not the one posted to', `uuid ${callUuid}`, `uuid ${JSON.stringify(isObject(call) ? call.uuid : undefined)}`);
}
