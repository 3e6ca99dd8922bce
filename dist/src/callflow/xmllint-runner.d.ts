export interface LintOutcome {
    /** xmllint printed "<file> validates". */
    validates: boolean;
    /** stderr lines located in this document, with the "<file>:<line>: " prefix split off. */
    lines: Array<{
        line: number;
        text: string;
    }>;
}
export interface RawRun {
    exitCode: number;
    stderr: string;
}
type Doc = {
    fileName: string;
    contents: string;
};
/** Splits xmllint's stderr by document. */
export declare function splitOutput(stderr: string, fileNames: string[]): Map<string, LintOutcome>;
/** Validates many documents in ONE xmllint run through the public xmllint-wasm API (fallback path). */
export declare function runWithPublicApi(xsd: string, docs: Doc[]): Promise<RawRun>;
export declare class XmllintRunner {
    private readonly xsdPath;
    private xsdText;
    private readonly queue;
    private busy;
    private flushScheduled;
    private worker;
    private workerFailures;
    private nextRunId;
    private pendingRun;
    /** Force the public-API path (tests). */
    usePublicApi: boolean;
    constructor(xsdPath: string);
    /** The XSD text, read once. */
    xsd(): string;
    lint(xml: string): Promise<LintOutcome>;
    /** Stops the worker (it is unref'd while idle, so calling this is optional). */
    close(): Promise<void>;
    private scheduleFlush;
    private flush;
    private lintBatch;
    private runInWorker;
    private failWorker;
    private getWorker;
}
export {};
