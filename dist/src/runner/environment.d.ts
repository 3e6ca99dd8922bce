import type { HttpClient } from './http.ts';
import type { Ledger } from './ledger.ts';
import type { NameFactory } from './names.ts';
import type { Redactor } from './redact.ts';
import type { Credential } from './tokens.ts';
/** Fixtures of the account under test that the run may use (never create). */
export interface RunFixtures {
    tnleases: string[];
    outboundVoiceProfile?: string;
    callUuid?: string;
    expiredToken?: string;
}
/** Everything a case may use, shared by all cases of one run. */
export interface RunEnvironment {
    runId: string;
    baseUrl: string;
    strict: boolean;
    readOnly: boolean;
    http: HttpClient;
    redactor: Redactor;
    tokens: {
        a: string;
        b?: string;
    };
    forged: Credential[];
    fixtures: RunFixtures;
    ledger: Ledger;
    names: NameFactory;
    /** Waits for the --rate budget before each request. */
    pace(): Promise<void>;
    /** Counts requests for the summary. */
    requestCount: number;
    /** Epoch ms of the run deadline (--deadline): waiting out throttling never goes past it. Unset for cleanup. */
    deadlineAt?: number;
}
/** Spaces requests to at most `perSecond`; 0 = unlimited. */
export declare function createPacer(perSecond: number): () => Promise<void>;
