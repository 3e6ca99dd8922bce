/**
 * How every reporter shows API coverage: the same rows and headline in the
 * console, the HTML report and the GitHub job summary, so they cannot disagree.
 */
import type { Coverage, ModelCoverage } from '../src/results/coverage.ts';

export { coverageShortfall } from '../src/results/coverage.ts';

export const COVERAGE_HEAD = ['operation', 'status', 'content type', 'exchanges', 'failed', 'state'] as const;

/** Spec-documented answers first (COVERED / NOT TESTED), then what the server answered that the spec does not document. */
export function coverageRows(coverage: Coverage): string[][] {
  return [
    ...coverage.cells.map((c) => [c.operation, c.status, c.contentType, String(c.exercised), String(c.failed), c.state === 'covered' ? 'covered' : 'not tested']),
    ...coverage.undocumented.map((u) => [u.operation, u.status, u.contentType, String(u.exercised), String(u.failed), 'not in spec']),
  ];
}

/** `API coverage 85.7% (24/28 documented answers exercised; 2 answers not in the spec)`. */
export function coverageHeadline(coverage: Coverage): string {
  const extra = coverage.undocumented.length ? `; ${coverage.undocumented.length} kind${coverage.undocumented.length === 1 ? '' : 's'} of answer not in the spec` : '';
  const threshold = coverage.threshold === undefined ? '' : `, --min-coverage ${coverage.threshold}%`;
  return `API coverage ${coverage.percent}% (${coverage.covered}/${coverage.documented} documented answers exercised${extra}${threshold})`;
}

/**
 * `Model coverage 100% (59/59 transitions: command × target × state)`, and what was left out when
 * some were not taken (a --budget too small for the coverage walk, or a server that refused the way there).
 */
export function modelCoverageHeadline(model: ModelCoverage, listMissing = 6): string {
  const shown = model.missing.slice(0, listMissing).join(', ');
  const more = model.missing.length > listMissing ? ` and ${model.missing.length - listMissing} more` : '';
  const left = model.missing.length ? `; not covered: ${shown}${more}` : '';
  return `Model coverage ${model.percent}% (${model.covered}/${model.possible} transitions: command × target × state${left})`;
}
