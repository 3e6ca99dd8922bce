import type { CommandModule } from 'yargs';
/** `serve`: the reference server as a local, stateful OpenTact stand-in. */
export declare function serveCommand(setExitCode: (code: number) => void): CommandModule;
