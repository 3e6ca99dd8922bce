import type { RunResult } from '../results/model.ts';
export interface VerifyOptions {
    /** The provider under test; unset = the embedded reference server. */
    baseUrl?: string;
    /** X-Auth-Token for the provider (required with baseUrl). */
    token?: string;
    /** TN lease uuids of the account the states may assign (they are released afterwards). */
    tnlease?: string[];
    /** A live call's uuid (states "a live call exists"). */
    callUuid?: string;
    /** An outbound voice profile uuid of the account (state "an outbound voice profile exists"). */
    outboundVoiceProfile?: string;
    /** A pact file or a directory of them; default contracts/pacts/. */
    pactDir?: string;
    /** Output directory for reporters and the run ledger; default `sipapp-results`. */
    out?: string;
    /** Reporter names (as `run --reporter`); default ['console']. */
    reporters?: string[];
    /** Per-request timeout of the verifier and of the state set-up requests, ms; default 10000. */
    timeoutMs?: number;
    /** Longest wait for a throttled (429/503) state set-up or cleanup request, ms (E70); default 60 s. */
    maxWaitMs?: number;
    /** Embedded reference server only: run it with this catalogue fault. */
    fault?: string;
    /**
     * Pending interactions (those that pin one of several readings the errata accept, e.g. Remove's
     * 409, raw call-flow XML) fail like the others; by default their mismatches are warnings.
     */
    strict?: boolean;
    /** Where console output goes (tests capture it). */
    stream?: NodeJS.WritableStream;
    runId?: string;
}
export interface VerifyOutcome {
    exitCode: 0 | 1;
    result: RunResult;
    /** Files the reporters wrote. */
    files?: string[];
}
/** Thrown for usage problems (no pacts, --base-url without --token …), before anything is verified. */
export declare class VerifyUsageError extends Error {
}
/** The pact files to verify: a file, or every *.json of a directory. */
export declare function pactFiles(pactDir?: string): string[];
/**
 * Verify a provider against the contracts. Resolves with `run`'s exit codes (0 every interaction
 * verified, 1 a failure); usage problems throw VerifyUsageError before anything runs.
 */
export declare function verifyProvider(options?: VerifyOptions): Promise<VerifyOutcome>;
