import type { CommandModule } from 'yargs';
/** `verify`: Pact provider verification of contracts/pacts against a provider (default: the embedded server). */
export declare function verifyCommand(setExitCode: (code: number) => void): CommandModule;
