/** The reporter names `--reporter` takes; apart from index.ts so the CLI can list them without loading every reporter. */
export const REPORTER_NAMES = ['console', 'junit', 'tap', 'json', 'html'];
export function isReporterName(name) {
    return REPORTER_NAMES.includes(name);
}
//# sourceMappingURL=names.js.map