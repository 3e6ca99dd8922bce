import { type Argv } from 'yargs';
import { REPORTER_NAMES } from '../../reporters/names.ts';
import { OPERATION_IDS } from '../spec/operations.ts';
import { runOptionsBuilder } from './commands/run.ts';
/** Entry point: parse, dispatch, map every outcome to an exit code. Never lets a stack trace reach the user. */
export declare function main(argv: string[]): Promise<number>;
export declare function buildCli(argv: string[], setExitCode: (code: number) => void): Argv;
export { runOptionsBuilder, OPERATION_IDS, REPORTER_NAMES };
