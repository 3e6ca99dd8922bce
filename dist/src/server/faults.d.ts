/**
 * The fault catalogue: each entry is ONE realistic deviation a real implementation
 * could ship, expressed through the server's hook points only:
 *   - `behaviour`: request-phase switches read by handlers (behaviour.ts),
 *   - `respond`:   a response transformer applied to every answer,
 *   - `timing`:    per-operation slowness.
 * `caughtBy` names the normative check (src/checks/catalogue.ts) whose rule the fault breaks.
 */
import type { CheckName } from '../checks/catalogue.ts';
import type { OperationId } from '../spec/operations.ts';
import type { BehaviourPatch } from './behaviour.ts';
import { type ResponseContext } from './respond.ts';
export interface FaultSpec {
    name: string;
    category: string;
    /** One line: what it breaks. */
    description: string;
    caughtBy: CheckName;
}
export type Timing = 'delay' | 'hang';
export interface FaultDefinition extends FaultSpec {
    behaviour?: BehaviourPatch;
    respond?: (ctx: ResponseContext) => ResponseContext;
    timing?: (operation: OperationId | null) => Timing | undefined;
}
export declare const FAULT_CATEGORIES: readonly ["envelope", "status", "auth", "limits", "types", "uuid", "references", "persistence", "leases", "isolation", "callflow", "schema", "slowness"];
export declare const FAULTS: readonly FaultDefinition[];
export declare function faultByName(name: string): FaultDefinition | undefined;
