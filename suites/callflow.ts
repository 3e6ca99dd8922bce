import { STATUS } from '../src/checks/status-code.ts';
import { payloadOf, type ObservedResponse } from '../src/checks/observed.ts';
import { answerCarriesCall, callUuidMatches, validCallFlowAccepted } from '../src/checks/callflow.ts';
import { BROKEN_CALLFLOWS, SAMPLE_CALLFLOWS, MINIMAL_CALLFLOW } from '../src/callflow/validate.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import type { Caller, CaseContext } from '../src/runner/case-context.ts';
import { pathUuidCases } from './get.ts';
import { mapPool } from '../src/runner/pool.ts';

const OP = 'ExecuteSIPControlAppCallExecuteCallFlow' as const;

export type CallFlowEncoding = 'multipart' | 'raw';

/** Post XML as the 2021 document's multipart part `file`, or raw (E07). */
export function postCallFlow(ctx: CaseContext, uuid: string, xml: string, encoding: CallFlowEncoding, purpose: string, as?: Caller): Promise<ObservedResponse> {
  return encoding === 'multipart'
    ? ctx.call(OP, { uuid, form: { field: 'file', filename: 'callflow.xml', contentType: 'application/xml', content: xml }, as, purpose: `${purpose} (multipart "file")` })
    : ctx.call(OP, { uuid, rawBody: xml, contentType: 'application/xml', as, purpose: `${purpose} (raw application/xml)` });
}

/**
 * E07: the answers that mean "not in this encoding": 415, or a 400/422 from a server
 * that reads the other encoding's bytes as a body it cannot process (E05 allows either).
 */
const ENCODING_REFUSED = new Set([400, 415, 422]);

/** E07: the encodings the suite tries, in order. --strict pins multipart. */
const encodingsFor = (ctx: CaseContext): CallFlowEncoding[] => (ctx.strict ? ['multipart'] : ['multipart', 'raw']);

/**
 * Post XML the way the server takes it (E07): multipart first and, if that encoding
 * is refused (400/415/422), raw. For requests whose point is not the XML (a bad token,
 * an unknown call): a server may refuse an encoding it does not take before it looks
 * at the token or the call, and that refusal must not be judged as the answer.
 * The last answer is returned; every answer still goes through the per-answer checks.
 */
export async function postCallFlowAnyEncoding(ctx: CaseContext, uuid: string, xml: string, purpose: string, as?: Caller): Promise<ObservedResponse> {
  let res: ObservedResponse | undefined;
  for (const encoding of encodingsFor(ctx)) {
    res = await postCallFlow(ctx, uuid, xml, encoding, purpose, as);
    if (!ENCODING_REFUSED.has(res.status)) break;
  }
  return res!;
}

/**
 * A document that keeps a live call going, so later posts still reach it
 * (a Hangup would end the call the user lent us).
 */
const GENTLE_CALLFLOW = SAMPLE_CALLFLOWS['say-text-and-content'] ?? SAMPLE_CALLFLOWS['play-pause'] ?? MINIMAL_CALLFLOW;

export const callflowCases: CaseDefinition[] = defineCases('callflow', [
  {
    id: 'accepts-valid', title: 'valid call-flow XML is accepted and answers the call', operation: OP, tags: ['callflow'],
    checks: ['callflow-accepted', 'status-code', 'call-uuid-matches'], needs: ['callUuid'], sideEffects: 'drives-call', lock: 'call',
    async run(ctx) {
      const callUuid = ctx.env.fixtures.callUuid!;
      let accepted: ObservedResponse | undefined;
      const tried: string[] = [];
      for (const encoding of encodingsFor(ctx)) {
        const res = await postCallFlow(ctx, callUuid, GENTLE_CALLFLOW, encoding, 'post valid call-flow XML');
        tried.push(`${encoding}: ${res.status}`);
        if (res.status < 300) { accepted = res; break; }
        // Only a refusal of the encoding itself justifies trying the other one.
        if (!ENCODING_REFUSED.has(res.status)) break;
      }
      if (!ctx.expect('callflow-accepted', validCallFlowAccepted(Boolean(accepted), tried))) return;
      ctx.expectStatus('status-code', accepted!, STATUS.ok);
      const call = payloadOf(accepted!);
      ctx.expect('callflow-accepted', answerCarriesCall(call));
      ctx.expect('call-uuid-matches', callUuidMatches(call, callUuid));
    },
  },
  {
    id: 'rejects-broken', title: 'broken call-flow XML is refused with a 4xx error', operation: OP, tags: ['callflow'],
    checks: ['callflow-rejected', 'callflow-schema-enforced'], needs: ['callUuid'], sideEffects: 'drives-call', lock: 'call',
    async run(ctx) {
      const callUuid = ctx.env.fixtures.callUuid!;
      const posts = Object.entries(BROKEN_CALLFLOWS).flatMap(([name, doc]) => encodingsFor(ctx).map((encoding) => ({ name, ...doc, encoding })));
      // Independent documents: a few at a time, so a slow target costs the longest answer, not the sum.
      await mapPool(posts, 4, async ({ name, xml, kind, tier, encoding }) => {
        const res = await postCallFlow(ctx, callUuid, xml, encoding, `post broken call-flow XML (${kind}: ${name})`);
        // E69: refusing what is not XML, not rooted in Response or names an unknown element is
        // the page's rule; the XSD's finer rules are our reading (advisory, failures under --strict).
        if (tier === 'normative') {
          ctx.expectStatus('callflow-rejected', res, { ...STATUS.invalidInput, situation: `broken call-flow XML, ${name}` });
        } else {
          ctx.expectStatus('callflow-schema-enforced', res, { ...STATUS.invalidInput, situation: `call-flow XSD rule ${name.replace(/^schema-/, '')}` });
        }
      });
    },
  },
  ...pathUuidCases(OP, undefined, 'writes', (ctx, uuid, purpose) => postCallFlowAnyEncoding(ctx, uuid, MINIMAL_CALLFLOW, purpose)),
]);
