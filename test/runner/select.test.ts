import t from 'tap';
import { ALL_CASES, SUITE_NAMES } from '../../suites/index.ts';
import type { CaseDefinition } from '../../src/runner/case.ts';
import { exclusionReason, selectCases, shardKey, shardOf, skipReason, type Availability } from '../../src/runner/select.ts';

const ids = (cases: readonly CaseDefinition[]) => cases.map((c) => c.id);
const ALL_IDS = ids(ALL_CASES);

t.test('case ids are unique (shards and reports key on them)', async (t) => {
  t.equal(new Set(ALL_IDS).size, ALL_IDS.length);
  t.ok(ALL_IDS.length > 20);
});

t.test('shards: for n = 1..5 the shards partition the cases', async (t) => {
  for (const total of [1, 2, 3, 4, 5]) {
    const seen: string[] = [];
    for (let index = 1; index <= total; index++) {
      const cases = selectCases(ALL_CASES, { shard: { index, total } });
      const part = ids(cases);
      seen.push(...part);
      for (const c of cases) t.equal(shardOf(shardKey(c), total), index);
    }
    t.equal(new Set(seen).size, seen.length, `n=${total}: no case in two shards`);
    t.same([...seen].sort(), [...ALL_IDS].sort(), `n=${total}: the union is every case`);
  }
});

t.test('cases sharing a lock (fixtures) always land in one shard', async (t) => {
  for (const total of [2, 3, 4]) {
    const shardsOfLock = new Map<string, Set<number>>();
    for (let index = 1; index <= total; index++) {
      for (const c of selectCases(ALL_CASES, { shard: { index, total } })) {
        if (c.lock) shardsOfLock.set(c.lock, new Set([...(shardsOfLock.get(c.lock) ?? []), index]));
      }
    }
    t.ok(shardsOfLock.size > 0);
    for (const [lock, shards] of shardsOfLock) t.equal(shards.size, 1, `n=${total}: lock ${lock} in one shard`);
  }
});

t.test('shards for n = 3: non-empty, in definition order, stable across calls', async (t) => {
  const first = [1, 2, 3].map((index) => ids(selectCases(ALL_CASES, { shard: { index, total: 3 } })));
  const again = [1, 2, 3].map((index) => ids(selectCases(ALL_CASES, { shard: { index, total: 3 } })));
  t.same(again, first, 'the same shards every time');
  for (const part of first) {
    t.ok(part.length > 0, 'no empty shard');
    t.same(part, ALL_IDS.filter((id) => part.includes(id)), 'definition order');
  }
  t.same(first.flat().sort(), [...ALL_IDS].sort());
  t.equal(shardOf('create.minimal', 3), shardOf('create.minimal', 3));
  // A shard depends on the id alone, not on which other cases exist.
  const withoutFirst = ALL_CASES.slice(1);
  t.same(ids(selectCases(withoutFirst, { shard: { index: 2, total: 3 } })), first[1]!.filter((id) => id !== ALL_IDS[0]));
});

t.test('selectCases filters', async (t) => {
  t.same(ids(selectCases(ALL_CASES, {})), ALL_IDS, 'no filter: everything, in order');
  const auth = selectCases(ALL_CASES, { suite: ['auth'] });
  t.equal(auth.length, 8);
  t.ok(auth.every((c) => c.suite === 'auth'));
  const two = selectCases(ALL_CASES, { suite: ['auth', 'list'] });
  t.equal(two.length, auth.length + ALL_CASES.filter((c) => c.suite === 'list').length, 'values of one filter: OR');

  const grep = selectCases(ALL_CASES, { grep: ['^LIST\\.'] });
  t.ok(grep.length > 0 && grep.every((c) => c.id.startsWith('list.')), 'grep is case-insensitive and matches the id');
  const byTitle = ALL_CASES[0]!;
  t.ok(ids(selectCases(ALL_CASES, { grep: [byTitle.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')] })).includes(byTitle.id), 'grep matches the title');
  t.same(selectCases(ALL_CASES, { grep: ['no-such-case-anywhere'] }), []);

  const smoke = selectCases(ALL_CASES, { tag: ['smoke'] });
  t.ok(smoke.length > 0 && smoke.every((c) => c.tags.includes('smoke')));
  const op = selectCases(ALL_CASES, { operation: ['ListSIPControlApps'] });
  t.ok(op.length > 0 && op.every((c) => c.operation === 'ListSIPControlApps'));

  const and = selectCases(ALL_CASES, { suite: ['auth'], operation: ['ListSIPControlApps'] });
  t.same(ids(and), ['auth.ListSIPControlApps'], 'filters combine with AND');
  t.same(selectCases(ALL_CASES, { suite: ['auth'], tag: ['limits'] }), []);
  t.ok(SUITE_NAMES.includes('auth'));
});

const everything: Availability = { readOnly: false, tokenB: true, fixtures: { tnleases: ['l1', 'l2'], outboundVoiceProfile: 'o', callUuid: 'c', expiredToken: 'e' } };
const nothing: Availability = { readOnly: false, tokenB: false, fixtures: { tnleases: [] } };
const byId = (id: string) => ALL_CASES.find((c) => c.id === id)!;

t.test('skipReason: everything available runs everything', async (t) => {
  for (const c of ALL_CASES) t.equal(skipReason(c, everything), undefined, c.id);
});

t.test('skipReason: --read-only skips every case with side effects', async (t) => {
  const ro = { ...everything, readOnly: true };
  for (const c of ALL_CASES) {
    const reason = skipReason(c, ro);
    if (c.sideEffects === 'none') t.equal(reason, undefined, `${c.id} runs`);
    else t.match(reason, /^--read-only: /, `${c.id} skipped`);
  }
  t.ok(ALL_CASES.some((c) => c.sideEffects === 'none'), 'some cases are read-only');
});

t.test('skipReason: missing fixtures name the option to pass', async (t) => {
  const expectations: Array<[string, RegExp]> = [
    ['isolation.get', /--token-b/],
    ['tnlease-assign.assign-remove', /--tnlease/],
    ['tnlease-assign.swap', /two --tnlease values/],
    ['callflow.accepts-valid', /--call-uuid/],
  ];
  for (const [id, option] of expectations) {
    const c = byId(id);
    t.ok(c, `${id} exists`);
    const reason = skipReason(c, nothing);
    t.match(reason, /^needs /);
    t.match(reason, option, `${id}: ${reason}`);
  }
  t.match(skipReason(byId('tnlease-assign.swap'), { ...everything, fixtures: { ...everything.fixtures, tnleases: ['one'] } }), /two --tnlease/, 'one lease is not two');
  t.equal(skipReason(byId('tnlease-assign.assign-remove'), { ...everything, fixtures: { ...everything.fixtures, tnleases: ['one'] } }), undefined);
  const fake: CaseDefinition = { ...byId('list.shape'), needs: ['outboundVoiceProfile', 'expiredToken'] };
  t.equal(skipReason(fake, nothing), 'needs --outbound-voice-profile and --expired-token');
  t.equal(skipReason(byId('list.shape'), nothing), undefined, 'a case without needs runs with nothing');
});

// The printed rerun hints write `--grep '^<id>$'`: an anchor must work on the id alone (issue 22.3).
t.test('--grep: anchors work on the id alone; a pattern may still match the title or span both', async (t) => {
  t.same(ids(selectCases(ALL_CASES, { grep: ['^generated\\.stateful$'] })), ['generated.stateful'], 'exactly the one case');
  t.same(ids(selectCases(ALL_CASES, { grep: ['^generated\\.stateful'] })), ['generated.stateful', 'generated.stateful-2']);
  const titled = ALL_CASES.find((c) => c.id === 'generated.create-valid')!;
  t.same(ids(selectCases(ALL_CASES, { grep: [`^${titled.title}$`] })), [titled.id], 'a whole title, anchored');
  t.same(ids(selectCases(ALL_CASES, { grep: ['^generated\\.create-valid every create'] })), [titled.id], '"id title" still matches across both');
  const stateful = ALL_CASES.filter((c) => c.id.startsWith('generated.stateful'));
  t.same(stateful.map((c) => Boolean(exclusionReason(c, { grepInvert: ['^generated\\.stateful$'] }))), [true, false], '--grep-invert reads anchors the same way');
});
