import { type OperationId } from './operations.ts';
export interface SchemaError {
    /** JSON pointer into the validated body, e.g. "/payload/uuid" ("" = the body itself). */
    pointer: string;
    keyword: string;
    message: string;
}
export interface ResponseVerdict {
    /** false when the spec documents no response for that status. */
    documented: boolean;
    errors: SchemaError[];
}
/**
 * The --strict variant of the document: every schema object carrying `x-strict` takes those keywords
 * over its own (ERRATA: the default schema accepts every reading, `x-strict` is the single reading
 * --strict pins, e.g. RFC 3339 timestamps or the 2021 enums). The default document ignores `x-strict`.
 */
export declare function strictVariant(value: unknown): unknown;
/**
 * Validate a response body against the spec's schema for that operation and status.
 * Undocumented statuses >= 400 are still checked against ErrorEnvelope (documented: false).
 */
export declare function validateResponse(operationId: OperationId, status: number, body: unknown, strict?: boolean): ResponseVerdict;
/** Validate a JSON request body (Create, Modify, Assign); [] for operations without a JSON body. */
export declare function validateRequestBody(operationId: OperationId, body: unknown): SchemaError[];
/** The HTTP statuses the spec documents for an operation, ascending. */
export declare function documentedStatuses(operationId: OperationId): number[];
/** Validate a value against a named component schema, e.g. 'SIPControlApp', 'TNLease', 'ErrorEnvelope'. */
export declare function validateSchema(componentName: string, value: unknown): SchemaError[];
/** Property names a component documents (merged through allOf and local $refs). */
export declare function schemaProperties(componentName: string): string[];
/** One readable line per error: "<pointer>: <message>" ("(body)" for the body itself). */
export declare function formatSchemaErrors(errors: SchemaError[]): string;
