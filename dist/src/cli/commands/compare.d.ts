import type { CommandModule } from 'yargs';
/** `diff OLD NEW`: checks that newly fail, newly pass, newly skip. Exit 1 when something newly fails. */
export declare function diffCommand(setExitCode: (code: number) => void): CommandModule;
/** `merge FILES…`: one report from the JSON bundles of several shards. */
export declare function mergeCommand(setExitCode: (code: number) => void): CommandModule;
