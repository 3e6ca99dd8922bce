import { type CallFlowTier } from './tiers.ts';
export type CallFlowVerdict = {
    ok: true;
} | {
    ok: false;
    kind: 'not-well-formed' | 'schema';
    errors: string[];
};
/** Absolute path of the call-flow XSD. */
export declare const CALLFLOW_XSD_PATH: string;
/** The smallest useful call flow (opentact-notes.md, "Call-flow XML"). */
export declare const MINIMAL_CALLFLOW = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>";
/** Valid call flows, keyed by fixture name (spec/callflow/fixtures/valid/<name>.xml). */
export declare const SAMPLE_CALLFLOWS: Record<string, string>;
/**
 * Broken call flows, keyed by fixture name (spec/callflow/fixtures/invalid/<kind>-<what>.xml);
 * the kind is the file name's prefix; the tier (tiers.ts, E69) says whether refusing the
 * document is normative or only this suite's schema reading.
 */
export declare const BROKEN_CALLFLOWS: Record<string, {
    xml: string;
    kind: 'not-well-formed' | 'schema';
    tier: CallFlowTier;
}>;
export declare function validateCallFlow(xml: string): Promise<CallFlowVerdict>;
