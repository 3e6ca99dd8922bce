import type { CaseDefinition } from './case.ts';
import { SUITE_NAMES } from './names.ts';
/** Every case of every suite, one suite per operation and per workflow, in run order. */
export declare const ALL_CASES: readonly CaseDefinition[];
export { SUITE_NAMES };
export type { CaseDefinition } from './case.ts';
