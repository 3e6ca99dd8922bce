import type { CallflowMode } from './behaviour.ts';
export type CallFlowVerdict = {
    ok: true;
} | {
    ok: false;
    kind: 'not-well-formed' | 'schema';
    errors: string[];
};
export declare function wellFormed(xml: string): CallFlowVerdict;
/** Judge a call-flow document the way the server's (possibly faulty) behaviour says. */
export declare function judgeCallFlow(xml: string, mode: CallflowMode): Promise<CallFlowVerdict>;
