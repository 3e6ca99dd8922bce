import t from 'tap';
import { leasesExactly, leaseUuids } from '../../src/checks/leases.ts';
import { failed, U, U2 } from './helpers.ts';

const U3 = '323e4567-e89b-12d3-a456-426614174002';
const list = (...uuids: string[]) => uuids.map((uuid) => ({ uuid, tn: { tn: 1 } }));

t.test('exactly the expected leases pass, in any order', async (t) => {
  t.same(leasesExactly(list(U, U2), [U, U2], 'after assign'), { pass: true, note: undefined });
  t.ok(leasesExactly(list(U2, U), [U, U2], 'after assign').pass);
  t.ok(leasesExactly([], [], 'after unassign').pass);
});

t.test('missing, extra and twice', async (t) => {
  const missing = failed(leasesExactly(list(U), [U, U2], 'after assign'));
  t.equal(missing.message, 'after assign: the lease list is not what was assigned');
  t.equal(missing.expected, `exactly [${U}, ${U2}]`);
  t.equal(missing.actual, `missing ${U2}`);

  const extra = failed(leasesExactly(list(U, U3), [U], 'get leases'));
  t.equal(extra.actual, `unexpected ${U3}`);
  t.equal(failed(leasesExactly(list(U), [], 'after unassign')).expected, 'an empty list');

  const twice = failed(leasesExactly(list(U, U), [U], 'get leases'));
  t.equal(twice.actual, `listed twice ${U}`);

  const all = failed(leasesExactly(list(U3, U3), [U], 'x'));
  t.equal(all.actual, `missing ${U}; unexpected ${U3}, ${U3}; listed twice ${U3}`);
});

t.test('not a lease list', async (t) => {
  for (const payload of [null, {}, 'x', { payload: [] }]) {
    const f = failed(leasesExactly(payload, [U], 'get leases'));
    t.equal(f.message, 'get leases: not a lease list');
    t.equal(f.expected, `leases [${U}]`);
    t.match(f.actual, /^payload is not an array: /);
  }
  const noUuid = failed(leasesExactly([{ uuid: U }, { tn: 1 }], [U], 'x'));
  t.equal(noUuid.actual, 'a lease without a uuid: {"tn":1}');
  t.match(failed(leasesExactly([U], [U], 'x')).actual, /^a lease without a uuid/, 'bare strings are not lease objects');
});

t.test('leaseUuids', async (t) => {
  t.same(leaseUuids(list(U, U2)), [U, U2]);
  t.type(leaseUuids(42), 'string');
});
