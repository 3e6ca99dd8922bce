import type { CommandModule } from 'yargs';
/** `cleanup`: remove what earlier (crashed or interrupted) runs left, by their ledgers, and nothing else. */
export declare function cleanupCommand(setExitCode: (code: number) => void): CommandModule;
