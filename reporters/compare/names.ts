/** The reports `compare` writes (names only: the CLI reads them at start-up without loading a reporter). */
export const COMPARE_REPORTER_NAMES = ['console', 'json', 'html', 'junit', 'github'] as const;
export const COMPARE_DEFAULT_REPORTERS = ['console', 'json', 'html', 'junit'];
