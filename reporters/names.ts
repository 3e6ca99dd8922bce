/** The reporter names `--reporter` takes; apart from index.ts so the CLI can list them without loading every reporter. */
export const REPORTER_NAMES = ['console', 'junit', 'tap', 'json', 'html', 'github', 'har'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

export function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}
