import type { CaseDefinition } from '../../suites/case.ts';
import type { RunFixtures } from './environment.ts';
export interface Selection {
    grep?: string[];
    /** Cases that apply one of these named checks (per-answer checks apply in every case). */
    check?: string[];
    suite?: string[];
    tag?: string[];
    operation?: string[];
    shard?: {
        index: number;
        total: number;
    };
}
/** The cases a selection names, in definition order. Filters combine with AND; values within one filter with OR. */
export declare function selectCases(all: readonly CaseDefinition[], sel: Selection): CaseDefinition[];
/** What decides a case's shard: its lock when it has one, else its id. */
export declare function shardKey(c: CaseDefinition): string;
/** Deterministic shard (1-based) by a hash of the case id (or lock): stable as cases are added elsewhere. */
export declare function shardOf(id: string, total: number): number;
export interface Availability {
    tokenB: boolean;
    readOnly: boolean;
    fixtures: RunFixtures;
}
/** Why a case cannot run with what the user gave; undefined when it can. */
export declare function skipReason(c: CaseDefinition, a: Availability): string | undefined;
