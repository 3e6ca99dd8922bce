import { MatchersV3 } from '@pact-foundation/pact';
import { type OperationId } from '../spec/operations.ts';
declare const fromProviderState: typeof MatchersV3.fromProviderState;
export declare const CONSUMER = "sipapp-client";
export declare const PROVIDER = "opentact-sip-control-app";
/** Provider states the contracts use; verify.ts has one handler for each. */
export declare const STATES: {
    readonly appExists: "an app exists";
    readonly appWithLeases: "an app with leases exists";
    readonly appAndFreeLease: "an app exists and a TN lease is available";
    readonly noApp: "no app exists with the uuid";
    readonly liveCall: "a live call exists";
    readonly noCall: "no call exists with the uuid";
    readonly canCreate: "an outbound voice profile exists";
    readonly unknownOvp: "no outbound voice profile exists with the uuid";
};
export type StateName = (typeof STATES)[keyof typeof STATES];
/** The token the consumer tests send; a provider's request filter replaces it with a real one. */
export declare const EXAMPLE_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl";
/** The token of the 401 interactions; a request filter must leave it as it is. */
export declare const INVALID_TOKEN = "not-a-valid-token";
/** Status classes for the status-code matcher (Pact V4). */
type StatusMatch = 'clientError' | number[];
export interface ContractInteraction {
    /** Stable id, also the CaseResult id (`pact.<id>`). */
    id: string;
    operationId: OperationId;
    /** Pact's `uponReceiving`; unique within the pact. */
    description: string;
    state?: StateName;
    /** Path uuid: from the provider state (`${uuid}`), a literal, or none. */
    path: {
        uuid: 'state';
    } | {
        literal: string;
    } | {
        none: true;
    };
    auth: 'valid' | 'invalid';
    /** JSON body template (may hold provider-state values). */
    json?: unknown;
    xml?: string;
    /** Example status; `statusMatch` widens it (Pact V4 status matcher) where the spec's errata allow several. */
    status: number;
    statusMatch?: StatusMatch;
    /** Where the spec/errata back the expectation, for reports. */
    rule: string;
    /**
     * Set when the interaction pins ONE of several readings the errata accept (the page's own
     * answer, or one encoding): written as a Pact `pending` interaction, so a provider taking
     * another accepted reading is told, not failed. `verify --strict` counts it like any other.
     */
    pending?: string;
}
/** The smallest call flow the spec gives (CallFlowXml example). */
export declare function exampleCallFlow(): string;
/** Every interaction of the contract, in the order they are verified. */
export declare function contractInteractions(): ContractInteraction[];
/** The path of an interaction: a Pact template (provider-state uuid) and its example value. */
export declare function pathOf(i: ContractInteraction): {
    template: string | ReturnType<typeof fromProviderState>;
    example: string;
};
/** Request headers of an interaction (token as a type matcher, so any provider token fits). */
export declare function headersOf(i: ContractInteraction): Record<string, unknown>;
/** The response: status (or status matcher), JSON content type, body derived from the spec. */
export declare function responseOf(i: ContractInteraction): {
    status: number;
    statusMatch?: StatusMatch;
    headers: Record<string, unknown>;
    body: unknown;
};
export {};
