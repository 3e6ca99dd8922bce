import { type CaseDefinition } from './case.ts';
export declare const listCases: CaseDefinition[];
