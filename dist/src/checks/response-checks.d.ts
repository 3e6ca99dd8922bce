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
/** `strict` validates against the spec's --strict variant (its `x-strict` keywords: E62, E71, E72). */
export declare function responseSchema(res: ObservedResponse, strict?: boolean): Verdict | null;
/**
 * Every `uuid` / `*_uuid` value the API hands out, anywhere in the body, except inside a call's
 * `channel`: those are FreeSWITCH's own ids (`uuid`, `call_uuid`), not pinned to OpenTact's pattern (E46).
 */
export declare function uuidFormat(res: ObservedResponse): Verdict | null;
export declare function errorStatusMatches(res: ObservedResponse): Verdict | null;
/** E72: a list of strings is accepted as an error message by default; a client printing `message` expects a string. */
export declare function errorMessageText(res: ObservedResponse): Verdict | null;
export declare function noSecretsExposed(res: ObservedResponse): Verdict | null;
/** The per-answer checks, in reporting order. `strict` pins the errata's single readings. */
export declare const RESPONSE_CHECKS: ReadonlyArray<[CheckName, (res: ObservedResponse, strict: boolean) => Verdict | null]>;
