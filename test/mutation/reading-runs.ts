import type { CheckName } from '../../src/checks/catalogue.ts';
import type { ReadingSpec } from '../../src/server/index.ts';
import type { RunResult } from '../../src/results/model.ts';
import { describeFailures } from './kill-matrix.ts';

/**
 * What makes a default run against a reading a false alarm, in one place for the readings
 * tests and `npm run readings:seeds`: a failure, an error, a skipped case, or a warning on a
 * check the reading's errata do not call advisory. An empty list: the run was clean.
 */
export function falseAlarms(reading: ReadingSpec, result: RunResult): string[] {
  const problems: string[] = [];
  if (result.summary.exitCode !== 0 || result.summary.failed + result.summary.errors > 0) problems.push(`exit ${result.summary.exitCode}: ${describeFailures(result, 4)}`);
  if (result.summary.skipped > 0) problems.push(`${result.summary.skipped} case(s) skipped`);
  const allowed = new Set<string>(reading.warns ?? []);
  const warned = result.cases.flatMap((c) => c.checks.filter((o) => o.status === 'warning' && !allowed.has(o.check)).map((o) => `${c.id} [${o.check}] ${o.message.split('\n')[0]}`));
  if (warned.length) problems.push(`warnings the errata do not allow: ${warned.slice(0, 3).join('; ')}`);
  return problems;
}

/** The advisory checks the reading names that did warn (a reading that takes effect warns on each). */
export function warnedChecks(result: RunResult): Set<CheckName> {
  return new Set(result.cases.flatMap((c) => c.checks.filter((o) => o.status === 'warning').map((o) => o.check as CheckName)));
}
