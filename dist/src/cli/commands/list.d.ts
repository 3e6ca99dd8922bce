import type { CommandModule } from 'yargs';
/** `list`: the cases a selection would run, with ids, tags and checks — nothing is sent. */
export declare function listCommand(setExitCode: (code: number) => void): CommandModule;
