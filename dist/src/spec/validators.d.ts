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
 * Validate a response body against the spec's schema for that operation and status.
 * Undocumented statuses >= 400 are still checked against ErrorEnvelope (documented: false).
 */
export declare function validateResponse(operationId: OperationId, status: number, body: unknown): ResponseVerdict;
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
