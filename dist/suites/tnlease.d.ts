import { type CaseDefinition } from './case.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
/** The app's lease list must be exactly `expected`. */
export declare function expectLeases(ctx: CaseContext, uuid: string, expected: string[], when: string, check?: 'lease-assignment' | 'unknown-reference-rejected'): Promise<void>;
export declare const tnleaseListCases: CaseDefinition[];
export declare const tnleaseAssignCases: CaseDefinition[];
export declare const leaseWorkflowCases: CaseDefinition[];
