import { PactV4 } from '@pact-foundation/pact';
import { HttpClient } from '../runner/http.ts';
import { type ContractInteraction } from './interactions.ts';
/** Where the committed contracts live. */
export declare const PACT_DIR: string;
export declare const PACT_FILE_NAME = "sipapp-client-opentact-sip-control-app.json";
export declare function newPact(dir: string): PactV4;
export interface ConsumerOutcome {
    status: number;
    body: unknown;
}
/**
 * Register one interaction and exercise it against the mock server; resolves with what the
 * client saw. Rejects when the mock server did not get the request it expected.
 */
export declare function recordInteraction(pact: PactV4, i: ContractInteraction, http: HttpClient): Promise<ConsumerOutcome>;
/**
 * Generate the contracts: every interaction into a fresh temporary directory, then the file is
 * moved into `outDir` in one rename (readers never see a half-written pact). Returns its path.
 */
export declare function generateContracts(outDir?: string, interactions?: ContractInteraction[]): Promise<string>;
/** Move the pact file written in `workDir` into `outDir` atomically (copy next to it, then rename). */
export declare function publishPactFile(workDir: string, outDir: string): string;
