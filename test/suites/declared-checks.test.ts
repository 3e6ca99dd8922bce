import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKS, PER_ANSWER_CHECKS, type CheckName } from '../../src/checks/catalogue.ts';
import { RESPONSE_CHECKS } from '../../src/checks/response-checks.ts';
import { DEFAULT_RUN_OPTIONS } from '../../src/runner/options.ts';
import { selectCases } from '../../src/runner/select.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { ALL_CASES } from '../../suites/index.ts';

/**
 * A case's `checks` is what `--check NAME` selects by and what `list` shows: it must be what the
 * case applies. Run against the conforming reference server (every fixture available, nothing
 * skipped), each case must record every check it declares, and record no case-scoped check it
 * does not declare. Per-answer checks apply to every answer of every case and are never declared.
 */
const ALWAYS: ReadonlySet<CheckName> = new Set(PER_ANSWER_CHECKS);

/**
 * Checks a case applies only where the server makes one of the errata's other choices; each is
 * proven below against the reading that makes the case record it.
 */
const UNDER_READING: Record<string, { check: CheckName; reading: string }> = {
  // E19: a server that refuses (409) leaves nothing to find gone; one that removes the app (and its leases) does.
  'leases.remove-app-with-leases': { check: 'not-found-after-remove', reading: 'remove-releases-leases' },
};

t.test('the per-answer list is the catalogue entries of scope "answer"', async (t) => {
  // response-time is judged on the request that got no answer (the case context), not on an answer.
  t.same(RESPONSE_CHECKS.map(([name]) => name).sort(), PER_ANSWER_CHECKS.filter((name) => name !== 'response-time').sort());
  t.ok(PER_ANSWER_CHECKS.includes('response-time'));
  for (const [name, entry] of Object.entries(CHECKS)) t.ok(['answer', 'case', 'contract'].includes(entry.scope), `${name}: a scope`);
});

t.test('every case declares exactly the case-scoped checks it records', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-declared-'));
  try {
    const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: [], out, concurrency: 4 });
    t.equal(result.summary.exitCode, 0, 'the conforming server passes');
    const problems: string[] = [];
    for (const c of ALL_CASES) {
      const r = result.cases.find((x) => x.id === c.id);
      if (!r || r.status === 'skipped') {
        problems.push(`${c.id}: did not run (${r?.reason ?? 'missing'})`);
        continue;
      }
      const declared = new Set<string>(c.checks);
      const recorded = new Set(r.checks.map((o) => o.check));
      for (const name of declared) {
        if (ALWAYS.has(name as CheckName)) problems.push(`${c.id}: declares ${name}, which applies to every answer`);
        else if (!recorded.has(name) && UNDER_READING[c.id]?.check !== name) problems.push(`${c.id}: declares ${name} but never records it`);
      }
      for (const name of recorded) if (!declared.has(name) && !ALWAYS.has(name as CheckName)) problems.push(`${c.id}: records ${name} without declaring it`);
    }
    t.same(problems, [], 'declared = recorded, case by case');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

t.test('the checks a case records only under another reading: recorded there', async (t) => {
  for (const [id, { check, reading }] of Object.entries(UNDER_READING)) {
    const out = mkdtempSync(join(tmpdir(), 'sipapp-declared-'));
    try {
      const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: [], out, grep: [`^${id.replace(/\./g, '\\.')} `], fault: `reading:${reading}` });
      const r = result.cases.find((c) => c.id === id);
      t.equal(r?.status, 'passed', `${id} passes under reading:${reading}`);
      t.ok(r?.checks.some((o) => o.check === check), `${id} records ${check} under reading:${reading}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
});

t.test('--check NAME selects every case that applies NAME', async (t) => {
  for (const name of Object.keys(CHECKS) as CheckName[]) {
    const selected = selectCases(ALL_CASES, { check: [name] });
    const expected = ALWAYS.has(name) ? ALL_CASES : ALL_CASES.filter((c) => c.checks.includes(name));
    t.same(selected.map((c) => c.id), expected.map((c) => c.id), name);
  }
});
