/**
 * The suites' names, in run order, without loading the cases: `--help` and
 * argument checking need the names, not the suites' modules (and what those
 * import). suites/index.ts refuses to load if a case names a suite not listed
 * here, or a suite listed here has no case.
 */
export const SUITE_NAMES: readonly string[] = [
  'create', 'list', 'get', 'modify', 'remove', 'tnlease-list', 'tnlease-assign', 'leases', 'callflow', 'auth', 'isolation', 'lifecycle', 'generated',
];
