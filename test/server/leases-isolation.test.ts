import t from 'tap';
import { startReferenceServer } from '../../src/server/index.ts';
import { appBody, call, schemaErrors } from './helpers.ts';

const server = await startReferenceServer();
t.teardown(() => server.close());
const { a, b } = server.fixtures;
const u = server.url;
const newApp = async (token: string, name = 'Lease app') =>
  (await call(u, 'POST', '/rest/sip/app', { token, json: appBody({ name }) })).body.payload.uuid as string;
const leasesOf = async (app: string, token = a.token) => {
  const r = await call(u, 'GET', `/rest/sip/app/${app}/tnlease`, { token });
  return (r.body.payload as Array<{ uuid: string }>).map((l) => l.uuid);
};
const assign = (app: string, json: unknown, token = a.token) => call(u, 'POST', `/rest/sip/app/${app}/tnlease`, { token, json });

t.test('fixtures', async (t) => {
  t.ok(a.tnleases.length >= 4 && b.tnleases.length >= 4, 'at least 4 leases each');
  t.ok(a.calls.length >= 2 && b.calls.length >= 2, 'at least 2 calls each');
  t.not(a.accountUuid, b.accountUuid);
});

t.test('assign, remove, move, unknown, 409 on remove', async (t) => {
  const app1 = await newApp(a.token);
  const app2 = await newApp(a.token, 'Second');
  t.same(await leasesOf(app1), [], 'starts empty');

  const r1 = await assign(app1, { add: [a.tnleases[0], a.tnleases[1]] });
  t.equal(r1.status, 200);
  t.same(schemaErrors('AssignTNLeasesToSIPControlApp', r1), []);
  t.same(r1.body.payload.map((l: { uuid: string }) => l.uuid), [a.tnleases[0], a.tnleases[1]], 'answer lists the app\'s leases');
  t.equal(r1.body.payload[0].sip_control_app.uuid, app1);
  t.equal(typeof r1.body.payload[0].tn.tn, 'number');
  t.same(await leasesOf(app1), [a.tnleases[0], a.tnleases[1]]);
  t.same(schemaErrors('GetSIPControlAppTNLeasesList', await call(u, 'GET', `/rest/sip/app/${app1}/tnlease`, { token: a.token })), []);

  await assign(app1, { add: [a.tnleases[0]] });
  t.same(await leasesOf(app1), [a.tnleases[0], a.tnleases[1]], 'assigning again does not duplicate');

  await assign(app1, { remove: [a.tnleases[0]] });
  t.same(await leasesOf(app1), [a.tnleases[1]], 'removed');

  const moved = await assign(app2, { add: [a.tnleases[1]] });
  t.equal(moved.status, 200, 'E20: a lease of another app moves');
  t.same(await leasesOf(app2), [a.tnleases[1]]);
  t.same(await leasesOf(app1), [], 'and leaves the first app');

  const snap = JSON.stringify(server.snapshot());
  const unknown = await assign(app1, { add: [a.tnleases[2], '123e4567-e89b-12d3-a456-426614174000'] });
  t.equal(unknown.status, 404, 'unknown lease → 404');
  t.same(schemaErrors('AssignTNLeasesToSIPControlApp', unknown), []);
  t.equal(JSON.stringify(server.snapshot()), snap, 'nothing changed');
  t.equal((await assign(app1, { add: [b.tnleases[0]] })).status, 404, "another account's lease is unknown here");
  t.equal((await assign(app1, { add: ['nope'] })).status, 400, 'malformed lease uuid');
  t.equal((await assign(app1, { add: 'x' })).status, 400, 'add not an array');
  t.equal((await assign(app1, {})).status, 200, 'empty body is a no-op');
  t.equal((await call(u, 'GET', `/rest/sip/app/123e4567-e89b-12d3-a456-426614174000/tnlease`, { token: a.token })).status, 404);

  const conflict = await call(u, 'DELETE', `/rest/sip/app/${app2}`, { token: a.token });
  t.equal(conflict.status, 409, 'E19: remove of an app with leases → 409');
  t.same(schemaErrors('RemoveSIPControlAppByUUID', conflict), []);
  await assign(app2, { remove: [a.tnleases[1]] });
  t.equal((await call(u, 'DELETE', `/rest/sip/app/${app2}`, { token: a.token })).status, 200, 'removable once unassigned');
});

t.test('account isolation', async (t) => {
  const appA = await newApp(a.token, 'A only');
  const snap = JSON.stringify(server.snapshot());
  t.equal((await call(u, 'GET', `/rest/sip/app/${appA}`, { token: b.token })).status, 404, 'B cannot get');
  t.equal((await call(u, 'PATCH', `/rest/sip/app/${appA}`, { token: b.token, json: { name: 'B was here' } })).status, 404, 'B cannot modify');
  t.equal((await call(u, 'DELETE', `/rest/sip/app/${appA}`, { token: b.token })).status, 404, 'B cannot remove');
  t.equal((await call(u, 'GET', `/rest/sip/app/${appA}/tnlease`, { token: b.token })).status, 404, 'B cannot list leases');
  t.equal((await assign(appA, { add: [b.tnleases[0]] }, b.token)).status, 404, 'B cannot assign');
  const listB = await call(u, 'GET', '/rest/sip/app', { token: b.token });
  t.notOk(listB.body.payload.some((x: { uuid: string }) => x.uuid === appA), "B's list lacks A's app");
  t.equal(JSON.stringify(server.snapshot()), snap, 'nothing changed');
  const appB = await newApp(b.token, 'B app');
  t.equal((await assign(appB, { add: [a.tnleases[3]] }, b.token)).status, 404, "B cannot lease A's TN");
  t.equal((await call(u, 'PATCH', `/rest/sip/app/${appB}`, { token: b.token, json: { outbound_voice_profile: a.outboundVoiceProfile } })).status, 404, "B cannot use A's profile");
});
