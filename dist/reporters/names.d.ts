/** The reporter names `--reporter` takes; apart from index.ts so the CLI can list them without loading every reporter. */
export declare const REPORTER_NAMES: readonly ["console", "junit", "tap", "json", "html"];
export type ReporterName = (typeof REPORTER_NAMES)[number];
export declare function isReporterName(name: string): name is ReporterName;
