import { type CaseDefinition } from './case.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
/** After a successful remove: get and a second remove answer 404, the list omits the app. */
export declare function expectGone(ctx: CaseContext, uuid: string): Promise<void>;
export declare const removeCases: CaseDefinition[];
