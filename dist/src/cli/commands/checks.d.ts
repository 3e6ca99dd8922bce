import type { CommandModule } from 'yargs';
/** `checks`: the named checks, their kind and rule. */
export declare function checksCommand(setExitCode: (code: number) => void): CommandModule;
