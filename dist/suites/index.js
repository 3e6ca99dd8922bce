import { createCases } from "./create.js";
import { listCases } from "./list.js";
import { getCases } from "./get.js";
import { modifyCases } from "./modify.js";
import { removeCases } from "./remove.js";
import { tnleaseAssignCases, tnleaseListCases, leaseWorkflowCases } from "./tnlease.js";
import { callflowCases } from "./callflow.js";
import { authCases } from "./auth.js";
import { isolationCases } from "./isolation.js";
import { lifecycleCases } from "./lifecycle.js";
import { SUITE_NAMES } from "./names.js";
/** Every case of every suite, one suite per operation and per workflow, in run order. */
export const ALL_CASES = [
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
];
// The names are listed in names.ts (so the command line need not load the cases): keep the two in step.
const caseSuites = [...new Set(ALL_CASES.map((c) => c.suite))];
if (caseSuites.join() !== SUITE_NAMES.join()) {
    throw new Error(`suites/names.ts lists ${SUITE_NAMES.join(', ')} but the cases' suites are ${caseSuites.join(', ')}`);
}
export { SUITE_NAMES };
//# sourceMappingURL=index.js.map