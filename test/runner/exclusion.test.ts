import t from 'tap';
import { ALL_CASES } from '../../suites/index.ts';
import { excludedAnswerChecks, exclusionReason, selectCases } from '../../src/runner/select.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/runner/options.ts';

t.test('exclusionReason: each exclusion names itself; per-answer checks exclude no case', async (t) => {
  const auth = ALL_CASES.filter((c) => c.suite === 'auth');
  for (const c of auth) t.equal(exclusionReason(c, { excludeSuite: ['auth'] }), 'excluded (--exclude-suite auth)');
  const create = ALL_CASES.find((c) => c.id === 'create.minimal')!;
  t.equal(exclusionReason(create, { grepInvert: ['^CREATE\\.min'] }), 'excluded (--grep-invert ^CREATE\\.min)', 'case-insensitive, like --grep');
  t.equal(exclusionReason(create, { grepInvert: ['with name and subdomain'] }), 'excluded (--grep-invert with name and subdomain)', 'matches the title too');
  const limits = ALL_CASES.filter((c) => (c.checks as string[]).includes('length-limits'));
  t.ok(limits.length > 0);
  for (const c of limits) t.equal(exclusionReason(c, { excludeCheck: ['length-limits'] }), 'excluded (--exclude-check length-limits)');
  t.ok(ALL_CASES.every((c) => exclusionReason(c, { excludeCheck: ['envelope'] }) === undefined), 'a per-answer check excludes no case');
  t.same([...excludedAnswerChecks({ excludeCheck: ['envelope', 'length-limits'] })], ['envelope']);
  t.equal(selectCases(ALL_CASES, { excludeSuite: ['auth'] }).length, ALL_CASES.length, 'exclusion does not drop cases from the selection: they are reported');
});

t.test('a run reports excluded cases as skipped "excluded", and an excluded per-answer check as skipped', async (t) => {
  const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: [], out: t.testdir(), suite: ['create', 'list'], excludeCheck: ['length-limits', 'content-type'], grepInvert: ['^list\\.shape '] });
  const excluded = result.cases.filter((c) => c.reason?.startsWith('excluded'));
  t.ok(excluded.length > 0 && excluded.every((c) => c.status === 'skipped' && c.exchanges.length === 0), 'skipped, nothing sent');
  t.ok(excluded.some((c) => c.id === 'list.shape'), '--grep-invert');
  t.ok(excluded.some((c) => c.reason === 'excluded (--exclude-check length-limits)'));
  const ran = result.cases.filter((c) => c.status === 'passed' && c.suite !== 'cleanup');
  t.ok(ran.length > 0);
  for (const c of ran) {
    const ct = c.checks.filter((k) => k.check === 'content-type');
    t.same(ct.map((k) => [k.status, k.message]), [['skipped', 'excluded (--exclude-check content-type)']], `${c.id}: content-type recorded once, skipped`);
  }
  t.equal(result.summary.skipped, excluded.length);
  t.equal(result.summary.exitCode, 0);
});
