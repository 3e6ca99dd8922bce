import type { ObservedResponse } from './observed.ts';
import { type Verdict } from './verdict.ts';
/**
 * What status a situation allows. Where the errata leaves room (E03, E05, E12,
 * E21/E22, E25) the default accepts every reasonable reading and `strict` pins one.
 */
export interface StatusRule {
    /** Human description of the situation, e.g. "name of 256 characters". */
    situation: string;
    accept: number[] | 'any-4xx';
    strict?: number[];
}
export declare function describeAllowed(rule: StatusRule, strict: boolean): string;
export declare function statusAllowed(rule: StatusRule, status: number, strict: boolean): boolean;
export declare function checkStatus(res: ObservedResponse, rule: StatusRule, strict: boolean): Verdict;
/** Shared rules the suites use, so every case words and pins them alike. */
export declare const STATUS: {
    created: {
        situation: string;
        accept: number[];
        strict: number[];
    };
    ok: {
        situation: string;
        accept: number[];
    };
    invalidInput: {
        situation: string;
        accept: "any-4xx";
        strict: number[];
    };
    unauthenticated: {
        situation: string;
        accept: number[];
        strict: number[];
    };
    notFound: {
        situation: string;
        accept: number[];
    };
    malformedUuid: {
        situation: string;
        accept: "any-4xx";
    };
    unknownReference: {
        situation: string;
        accept: "any-4xx";
        strict: number[];
    };
    foreign: {
        situation: string;
        accept: number[];
        strict: number[];
    };
};
