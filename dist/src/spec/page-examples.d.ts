import { type OperationId } from './operations.ts';
/** Where the page is read from: $SIPAPP_API_PAGE, else the shared docs folder. */
export declare const PAGE_PATH: string;
export declare const EXAMPLES_DIR: string;
export interface ResponseExample {
    operationId: OperationId;
    status: number;
    /** The tab's title as the page writes it, e.g. "404 Not Found". */
    title: string;
    /** 1-based line of the opening fence in the page. */
    line: number;
    body: unknown;
}
export interface RequestExample {
    operationId: OperationId;
    /** Code-example tab: cURL, PHP, Python, Javascript, Go. */
    language: string;
    /** 1-based line of the line holding the body. */
    line: number;
    body: unknown;
}
export interface PageExamples {
    responses: ResponseExample[];
    requests: RequestExample[];
}
/** Extract every response example and every request body of the code examples from the page's markdown. */
export declare function extractPageExamples(markdown: string): PageExamples;
/** The page's examples, or undefined when the page is not available here. */
export declare function readPageExamples(path?: string): PageExamples | undefined;
/** File name (under spec/examples/) of a stored response example. */
export declare function responseExampleFile(operationId: OperationId, status: number): string;
/** File name (under spec/examples/) of a stored request example. */
export declare function requestExampleFile(operationId: OperationId): string;
export interface ExampleIndexEntry {
    kind: 'response' | 'request';
    operationId: OperationId;
    status?: number;
    title?: string;
    /** Code-example tabs holding this request body (all identical). */
    languages?: string[];
    /** Page lines where the example appears. */
    lines: number[];
    file: string;
}
/** spec/examples/index.json: what the stored examples are and where they come from. */
export declare function readExampleIndex(): ExampleIndexEntry[];
/** Read a stored example (path relative to spec/examples/). */
export declare function readStoredExample(file: string): unknown;
/** Keys whose placeholder "string" stands for an OpenTact uuid (ERRATA E14). */
export declare const UUID_KEYS: ReadonlySet<string>;
/** A deterministic, pattern-conforming uuid for placeholder n. */
export declare function placeholderUuid(n: number): string;
/**
 * Deep copy of an example with every placeholder uuid ("string" under a uuid key, and the "string"
 * items of add/remove arrays) replaced by distinct pattern-conforming uuids (ERRATA E14).
 */
export declare function fillPlaceholderUuids<T>(value: T): T;
