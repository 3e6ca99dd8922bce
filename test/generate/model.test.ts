import t from 'tap';
import { READING_PREFIX } from '../../src/server/index.ts';
import { STATUS, eitherRule, statusAllowed } from '../../src/checks/status-code.ts';
import { stateAfter } from '../../src/checks/refusal.ts';
import { modelCoverage } from '../../src/results/coverage.ts';
import { modelCoverageHeadline } from '../../reporters/coverage-view.ts';
import { possibleTransitions } from '../../src/generate/model.ts';
import type { CaseResult } from '../../src/results/model.ts';
import { describeFailures, failedChecks, runSuite } from '../mutation/kill-matrix.ts';

// The model-based suite: one rule per situation shared with the hand-written cases, the transitions
// it can take, and the coverage figure. The runs here are small selections at fixed seeds.

t.setTimeout(10 * 60_000);

t.test('a request in several situations gets every status one of them allows', async (t) => {
  const rule = eitherRule('taken and duplicate', [{ situation: 'lease change', accept: [200] }, STATUS.alreadyHeld]);
  t.same([200, 409].map((s) => statusAllowed(rule, s, false)), [true, true]);
  t.equal(statusAllowed(rule, 422, false), false, 'E68 alone: 200 or 409');
  const taken = eitherRule('taken', [{ situation: 'lease change', accept: [200] }, STATUS.leaseTaken]);
  t.same([200, 400, 409, 422].map((s) => statusAllowed(taken, s, false)), [true, true, true, true], 'E20: moved or refused with any 4xx');
  t.same([201, 302, 500].map((s) => statusAllowed(taken, s, false)), [false, false, false]);
  t.ok(statusAllowed(STATUS.foreignLeaseChange, 400, false), "another account's lease change may be refused as unknown leases (E21)");
  t.notOk(statusAllowed(STATUS.foreignLeaseChange, 400, true), '--strict: 404');
  t.same(stateAfter(409, 'before', 'applied'), 'before', 'a refused request changes nothing');
  t.same(stateAfter(200, 'before', 'applied'), 'applied');
});

t.test('the transitions the model can take depend on what the run was given', async (t) => {
  const full = possibleTransitions({ hasB: true, leases: 2, hasOvp: true, hasCall: true });
  t.equal(new Set(full).size, full.length, 'no transition twice');
  t.ok(full.length >= 55, `${full.length} transitions with a second account, two leases, a profile and a call`);
  for (const t0 of ['assign add-held-elsewhere @leases', 'remove @lost', 'modify trunk @leases', 'get @upper', 'assign @foreign', 'modify concurrent @live', 'create subdomain-in-use', 'get @many', 'leases @many']) t.ok(full.includes(t0), t0);
  const bare = possibleTransitions({ hasB: false, leases: 0, hasOvp: false, hasCall: false });
  t.notOk(bare.some((x) => x.includes('@foreign') || x.includes('@leases') || x.includes('outbound_voice_profile')), 'nothing needing B, a lease or a profile');
  t.ok(bare.includes('assign add-unknown @bare'), 'an unknown lease needs no lease');
  t.notOk(possibleTransitions({ hasB: true, leases: 2, hasOvp: true, hasCall: true }).includes('assign add-two @leases'), 'three leases needed');
});

t.test('model coverage is the union over the model-based cases, and names what no case took', async (t) => {
  const kase = (possible: string[], covered: string[]) => ({ transitions: { possible, covered } }) as unknown as CaseResult;
  const model = modelCoverage([kase(['a', 'b'], ['a']), kase(['c', 'd'], ['c', 'd', 'b']), { } as CaseResult]);
  t.same(model, { covered: 4, possible: 4, percent: 100, missing: [] }, "one case's transition covered by the other counts");
  const part = modelCoverage([kase(['a', 'b', 'c'], ['a'])])!;
  t.same(part, { covered: 1, possible: 3, percent: 33.3, missing: ['b', 'c'] });
  t.match(modelCoverageHeadline(part), /^Model coverage 33\.3% \(1\/3 transitions: .*not covered: b, c\)$/);
  t.equal(modelCoverage([{} as CaseResult]), undefined, 'no model-based case, no figure');
});

t.test('the default budget covers every transition on the reference server, deterministically', async (t) => {
  const [a, b] = await Promise.all([runSuite({ suite: ['generated'], grep: ['stateful'], seed: 7 }), runSuite({ suite: ['generated'], grep: ['stateful'], seed: 7 })]);
  t.equal(a.summary.exitCode, 0, describeFailures(a));
  t.ok(a.coverage?.model && a.coverage.model.percent >= 95, `model coverage ${a.coverage?.model?.percent}% (missing: ${a.coverage?.model?.missing.join(', ')})`);
  t.same(b.coverage?.model, a.coverage?.model, 'the same seed covers the same transitions');
  const small = await runSuite({ suite: ['generated'], grep: ['stateful'], seed: 7, budget: { requests: 40 } });
  t.ok(small.coverage!.model!.missing.length > 0, `a small --budget says what it left out (${small.coverage!.model!.missing.length} transitions)`);
});

// One rule, one home: a server that refuses a taken lease with 422, or another account's lease change
// with 400 (its leases are unknown to the caller, resolved before the app), passes the hand-written
// lease and isolation cases and the model alike — they judge with the same STATUS entries.
for (const reading of ['lease-taken-refused-422', 'lease-change-body-first']) {
  t.test(`${reading}: the hand-written cases and the model accept it alike`, async (t) => {
    const result = await runSuite({ fault: `${READING_PREFIX}${reading}`, suite: ['leases', 'tnlease-assign', 'isolation', 'generated'], grep: ['^leases\\.', 'tnlease-assign', 'isolation', 'stateful'], seed: 11 });
    t.equal(result.summary.exitCode, 0, describeFailures(result));
    t.same(failedChecks(result), []);
    t.ok(result.cases.some((c) => c.id.startsWith('generated.stateful') && c.status === 'passed'), 'the model ran');
    t.ok(result.cases.some((c) => !c.id.startsWith('generated') && c.status === 'passed'), 'hand-written cases ran');
  });
}
