import { type CaseDefinition } from './case.ts';
import type { OperationId } from '../src/spec/operations.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import type { ObservedResponse } from '../src/checks/observed.ts';
import type { SideEffects } from './case.ts';
import type { StatusRule } from '../src/checks/status-code.ts';
/** How a path-uuid case sends its request when a JSON body will not do (the call route's XML, E07). */
export type PathUuidSender = (ctx: CaseContext, uuid: string, purpose: string) => Promise<ObservedResponse>;
/**
 * The two path-uuid cases every `{uuid}` operation gets (E23, E24). `unknownRule` replaces 404 where the
 * body itself names something unknown, so a server that looks at the body first may report that instead.
 */
export declare function pathUuidCases(operation: OperationId, body?: () => unknown, sideEffects?: SideEffects, sender?: PathUuidSender, unknownRule?: StatusRule): Array<Omit<CaseDefinition, 'suite'>>;
export declare const getCases: CaseDefinition[];
