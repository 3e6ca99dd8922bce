import { type CheckName } from '../checks/catalogue.ts';
import { type ObservedResponse } from '../checks/observed.ts';
import { type StatusRule } from '../checks/status-code.ts';
import type { Verdict } from '../checks/verdict.ts';
import type { SentApp } from '../checks/read-after-write.ts';
import { type OperationId } from '../spec/operations.ts';
import type { CheckOutcome, Exchange } from '../results/model.ts';
import type { RunEnvironment } from './environment.ts';
import type { Credential } from './tokens.ts';
/** Who a request is sent as. */
export type Caller = 'a' | 'b' | Credential;
export interface CallOptions {
    uuid?: string;
    /** JSON body (serialised here). */
    body?: unknown;
    /** Body sent byte for byte (e.g. malformed JSON, XML). */
    rawBody?: string;
    /** multipart/form-data body (call-flow XML as part `file`, E07). */
    form?: {
        field: string;
        filename: string;
        contentType: string;
        content: string;
    };
    contentType?: string;
    as?: Caller;
    purpose: string;
}
/** Thrown to stop a case: skipped for a reason, or unable to go on (transport, setup). */
export declare class CaseStop extends Error {
    readonly kind: 'skipped' | 'error';
    constructor(kind: 'skipped' | 'error', reason: string);
}
/**
 * What one case sees of the run: a recorder of exchanges and check outcomes.
 * Every answer is put through the per-answer checks automatically; cases add
 * the checks about what the answer means.
 */
export declare class CaseContext {
    readonly env: RunEnvironment;
    readonly exchanges: Exchange[];
    readonly outcomes: CheckOutcome[];
    /** Uuids of apps this case created (to clean up early and to find in the ledger). */
    readonly created: string[];
    constructor(env: RunEnvironment);
    get strict(): boolean;
    skip(reason: string): never;
    /** Send one operation's request, record it, apply the per-answer checks. */
    call(operation: OperationId, options: CallOptions): Promise<ObservedResponse>;
    /** Whatever the case meant, the ledger follows what the server said it did. */
    private keepLedger;
    send(method: string, path: string, options: CallOptions, operation?: OperationId): Promise<ObservedResponse>;
    private tokenFor;
    /** Record a check's verdict on the latest (or a given) exchange; returns whether it passed. */
    expect(check: CheckName, verdict: Verdict | null, exchange?: number): boolean;
    expectStatus(check: CheckName, res: ObservedResponse, rule: StatusRule): boolean;
    private record;
    /**
     * Create an app the run owns: ledger first, then the request; checks the
     * status; stops the case (error) if no app came of it, since what follows
     * needs one.
     */
    createApp(purpose: string, overrides?: Partial<SentApp>): Promise<{
        uuid: string;
        sent: SentApp;
        res: ObservedResponse;
    }>;
    /** Send a create and ledger whatever comes of it; no status expectation (boundary cases decide). */
    tryCreate(purpose: string, body: unknown, options?: Partial<CallOptions>): Promise<{
        res: ObservedResponse;
        uuid?: string;
    }>;
}
