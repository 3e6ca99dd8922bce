import type { CaseDefinition } from '../src/runner/case.ts';
import { createCases } from './create.ts';
import { listCases } from './list.ts';
import { getCases } from './get.ts';
import { modifyCases } from './modify.ts';
import { removeCases } from './remove.ts';
import { tnleaseAssignCases, tnleaseListCases, leaseWorkflowCases } from './tnlease.ts';
import { callflowCases } from './callflow.ts';
import { authCases } from './auth.ts';
import { isolationCases } from './isolation.ts';
import { lifecycleCases } from './lifecycle.ts';
import { generatedCases } from './generated.ts';
import { SUITE_NAMES } from './names.ts';

/** Every case of every suite, one suite per operation and per workflow, in run order. */
export const ALL_CASES: readonly CaseDefinition[] = [
  ...createCases,
  ...listCases,
  ...getCases,
  ...modifyCases,
  ...removeCases,
  ...tnleaseListCases,
  ...tnleaseAssignCases,
  ...leaseWorkflowCases,
  ...callflowCases,
  ...authCases,
  ...isolationCases,
  ...lifecycleCases,
  ...generatedCases,
];

// The names are listed in names.ts (so the command line need not load the cases): keep the two in step.
const caseSuites = [...new Set(ALL_CASES.map((c) => c.suite))];
if (caseSuites.join() !== SUITE_NAMES.join()) {
  throw new Error(`suites/names.ts lists ${SUITE_NAMES.join(', ')} but the cases' suites are ${caseSuites.join(', ')}`);
}
export { SUITE_NAMES };

export type { CaseDefinition } from '../src/runner/case.ts';
