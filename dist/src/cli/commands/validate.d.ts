import type { CommandModule } from 'yargs';
/** `validate OPERATION STATUS FILE`: one saved response body against the spec, for a vendor debugging one payload. */
export declare function validateCommand(setExitCode: (code: number) => void): CommandModule;
