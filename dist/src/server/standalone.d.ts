import type { ReferenceServerOptions, RunningReferenceServer } from './types.ts';
export interface ServeOptions extends ReferenceServerOptions {
    /** Where to print; default process.stdout. */
    out?: NodeJS.WritableStream;
    /** Install SIGINT/SIGTERM handlers that close the server (default true). */
    handleSignals?: boolean;
}
export declare function serve(opts?: ServeOptions): Promise<RunningReferenceServer>;
