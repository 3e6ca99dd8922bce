import { type CaseDefinition } from './case.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import type { CheckName } from '../src/checks/catalogue.ts';
/**
 * The app's lease list must be exactly `expected`; the leases it lists that name their app name this
 * one, and the app's own tnleases agree with the list (E73).
 */
export declare function expectLeases(ctx: CaseContext, uuid: string, expected: string[], when: string, check?: CheckName): Promise<void>;
export declare const tnleaseListCases: CaseDefinition[];
export declare const tnleaseAssignCases: CaseDefinition[];
export declare const leaseWorkflowCases: CaseDefinition[];
