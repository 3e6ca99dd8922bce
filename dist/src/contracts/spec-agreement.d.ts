import { type OperationId } from '../spec/operations.ts';
/** One interaction as a V4 pact file stores it (the parts this check reads). */
export interface PactHttpInteraction {
    description: string;
    providerStates?: Array<{
        name: string;
    }>;
    request: {
        method: string;
        path: string;
        headers?: Record<string, string[] | string>;
        body?: {
            content?: unknown;
            contentType?: string;
        };
    };
    response: {
        status: number;
        headers?: Record<string, string[] | string>;
        body?: {
            content?: unknown;
            contentType?: string;
        };
        matchingRules?: {
            status?: {
                $?: {
                    matchers?: Array<{
                        match: string;
                        status?: string | number[];
                    }>;
                };
            };
        };
    };
}
/** The operation whose method and path template the request matches, and its path uuid. */
export declare function matchOperation(method: string, path: string): {
    operationId: OperationId;
    uuid?: string;
} | undefined;
/** The statuses the interaction accepts: its status, widened by a V4 status-code matcher. */
export declare function acceptedStatuses(i: PactHttpInteraction): {
    statuses: number[];
    range?: [number, number];
};
/** Every way the interaction disagrees with the spec; [] when it agrees. */
export declare function disagreements(i: PactHttpInteraction): Promise<string[]>;
