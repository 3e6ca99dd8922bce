import type { CheckName } from './catalogue.ts';
import { type ObservedResponse } from './observed.ts';
import { type Verdict } from './verdict.ts';
/**
 * Checks that hold for every answer, whatever was asked: the runner applies all
 * of them to each response a case receives. Each is one rule, one message.
 */
export declare function noServerError(res: ObservedResponse): Verdict;
export declare function contentType(res: ObservedResponse): Verdict | null;
export declare function envelope(res: ObservedResponse, strict?: boolean): Verdict | null;
export declare function responseSchema(res: ObservedResponse): Verdict | null;
/** Every `uuid` / `*_uuid` value the API hands out, anywhere in the body. */
export declare function uuidFormat(res: ObservedResponse): Verdict | null;
export declare function errorStatusMatches(res: ObservedResponse): Verdict | null;
export declare function noSecretsExposed(res: ObservedResponse): Verdict | null;
/** The per-answer checks, in reporting order. `strict` pins the errata's single readings. */
export declare const RESPONSE_CHECKS: ReadonlyArray<[CheckName, (res: ObservedResponse, strict: boolean) => Verdict | null]>;
