import type { OpenAPIV3_1 } from 'openapi-types';
import { type OperationId } from '../spec/operations.ts';
/** The parts of a JSON Schema (OpenAPI 3.1) the derivation reads. */
interface Schema {
    $ref?: string;
    type?: string | string[];
    const?: unknown;
    examples?: unknown[];
    example?: unknown;
    format?: string;
    pattern?: string;
    required?: string[];
    properties?: Record<string, Schema | Ref>;
    items?: Schema | Ref;
    allOf?: Array<Schema | Ref>;
    [key: string]: unknown;
}
type Ref = OpenAPIV3_1.ReferenceObject;
/** RFC 3339 date-time (the spec's `format: date-time`), fractional seconds and offsets allowed. */
export declare const ISO_8601_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$";
/** A component schema of the spec, e.g. 'Uuid', 'CallFlowXml'. */
export declare function componentSchema(name: string): Schema;
/** The uuid pattern, as the spec's Uuid component writes it. */
export declare function uuidPattern(): string;
/** The spec's example uuid (components.schemas.Uuid.examples[0]). */
export declare function exampleUuid(): string;
/** Does the spec document `status` for the operation (in `responses`)? */
export declare function responseSchema(operationId: OperationId, status: number): Schema | Ref;
/** The success statuses (2xx) the spec documents for an operation, ascending. */
export declare function documentedSuccessStatuses(operationId: OperationId): number[];
/** The page's example body for (operation, status), uuid placeholders filled (E14); undefined when the page has none. */
export declare function pageResponseExample(operationId: OperationId, status: number): unknown;
/** The page's request body example for an operation, uuid placeholders filled (E14). */
export declare function pageRequestExample(operationId: OperationId): Record<string, unknown>;
/**
 * The matcher template for a value of `schema`, with `example` (from the page) as its example
 * value. Objects keep only their required properties (what every conforming provider answers);
 * leaves become matchers; `const` stays literal (e.g. `success: true`).
 */
export declare function matcherFor(schema: Schema | Ref, example: unknown, at?: string): unknown;
/** The response body matcher for (operation, status): the spec's schema, the page's example values. */
export declare function responseMatcher(operationId: OperationId, status: number): unknown;
export {};
