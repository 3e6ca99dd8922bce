import t from 'tap';
import { appTnleasesMatch, leaseBackReference } from '../../src/checks/lease-views.ts';
import { failed, U, U2 } from './helpers.ts';

const L1 = '323e4567-e89b-12d3-a456-426614174002';
const L2 = '423e4567-e89b-12d3-a456-426614174003';
const list = (...uuids: string[]) => uuids.map((uuid) => ({ uuid, sip_control_app: { uuid: U } }));

t.test('app-tnleases-match: the app and its lease list name the same leases (E73)', async (t) => {
  t.ok(appTnleasesMatch({ tnleases: [{ uuid: L1 }, { uuid: L2 }] }, list(L2, L1), 'get')!.pass, 'same leases, any order');
  t.ok(appTnleasesMatch({ tnleases: [L1] }, list(L1), 'get')!.pass, 'bare uuids (E15)');
  t.ok(appTnleasesMatch({ tnleases: [] }, [], 'get')!.pass, 'none on both sides');
  const stale = failed(appTnleasesMatch({ tnleases: [] }, list(L1), 'get after assigning'));
  t.equal(stale.actual, `the lease list has ${L1} but the app's tnleases do not`);
  const extra = failed(appTnleasesMatch({ tnleases: [{ uuid: L1 }, { uuid: L2 }] }, list(L1), 'get'));
  t.equal(extra.actual, `the app's tnleases have ${L2} but the lease list does not`);
  // Unexpanded or missing: nothing to compare (E15), not a pass either.
  t.equal(appTnleasesMatch({ tnleases: [{}] }, list(L1), 'get'), null, 'items without uuids');
  t.equal(appTnleasesMatch({ name: 'x' }, list(L1), 'get'), null, 'tnleases absent');
  t.equal(appTnleasesMatch(undefined, list(L1), 'get'), null, 'no app');
  t.equal(appTnleasesMatch({ tnleases: [] }, { not: 'a list' }, 'get'), null, 'no lease list');
});

t.test("lease-back-reference: a listed lease's sip_control_app names this app (E73)", async (t) => {
  t.ok(leaseBackReference(list(L1, L2), U, 'list')!.pass);
  t.ok(leaseBackReference([{ uuid: L1, sip_control_app: U }], U, 'list')!.pass, 'a bare uuid (E15)');
  t.equal(leaseBackReference([{ uuid: L1, sip_control_app: {} }, { uuid: L2, sip_control_app: null }, { uuid: L2 }], U, 'list'), null, 'unexpanded, null or absent: nothing to compare');
  t.equal(leaseBackReference([], U, 'list'), null, 'an empty list');
  const wrong = failed(leaseBackReference([{ uuid: L1, sip_control_app: { uuid: U } }, { uuid: L2, sip_control_app: { uuid: U2 } }], U, 'lease list after assigning'));
  t.equal(wrong.actual, `lease "${L2}" names app ${U2}`);
  t.equal(wrong.expected, `sip_control_app ${U}`);
});
