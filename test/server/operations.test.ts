import t, { type Test } from 'tap';
import { startReferenceServer } from '../../src/server/index.ts';
import type { OperationId } from '../../src/spec/operations.ts';
import { UUID_PATTERN } from '../../src/spec/operations.ts';
import { JSON_CT, appBody, call, schemaErrors, type Res } from './helpers.ts';

const server = await startReferenceServer({ seedApps: 1 });
t.teardown(() => server.close());
const { a } = server.fixtures;
const u = server.url;
const tok = a.token;

/** Every answer: JSON content type, the right envelope, schema-valid for its operation. */
function conforms(t: Test, op: OperationId, res: Res, status: number) {
  t.equal(res.status, status, `${op} status`);
  t.match(res.contentType, JSON_CT, 'content type');
  if (status < 300) t.equal(res.body.success, true, 'success true');
  else t.same({ success: res.body.success, status: res.body.status, msg: typeof res.body.message }, { success: false, status, msg: 'string' }, 'error envelope');
  t.same(schemaErrors(op, res), [], 'schema-valid');
}

t.test('create → get → list → modify → remove', async (t) => {
  const c = await call(u, 'POST', '/rest/sip/app', {
    token: tok,
    json: appBody({ outbound_voice_profile: a.outboundVoiceProfile, class4_egress_trunk_settings: { rate_decimal: 4, cli_type: 'gray' }, unknown_field: 1 }),
  });
  conforms(t, 'CreateSIPControlApp', c, 201);
  const app = c.body.payload;
  t.match(app.uuid, UUID_PATTERN);
  t.equal(app.is_active, true, 'is_active defaults to true');
  t.equal(app.subdomain, 'support-line');
  t.equal(app.outbound_voice_profile.uuid, a.outboundVoiceProfile);
  t.equal(app.class4_egress_trunk_settings.rate_decimal, '4', 'rate_decimal comes back as a numeric string');
  t.equal(app.class4_egress_trunk_settings.cli_type, 'gray');
  t.equal(app.class4_egress_trunk_settings.rpid, 'Never', 'defaults for unsent settings');
  t.match(app.created_on, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  t.equal(app.created_by.password, '', 'no password');
  t.equal(app.created_by.token, '', 'no token');
  t.notOk('unknown_field' in app);

  const g = await call(u, 'GET', `/rest/sip/app/${app.uuid}`, { token: tok });
  conforms(t, 'GetSIPControlAppByUUID', g, 200);
  t.same(g.body.payload, app);

  const l = await call(u, 'GET', '/rest/sip/app', { token: tok });
  conforms(t, 'ListSIPControlApps', l, 200);
  t.equal(l.body.payload.filter((x: { uuid: string }) => x.uuid === app.uuid).length, 1, 'listed once');
  t.equal(l.body.payload.length, 2, 'with the one seeded app');

  const m = await call(u, 'PATCH', `/rest/sip/app/${app.uuid}`, { token: tok, json: { name: 'Renamed', class4_egress_trunk_settings: { pci: 'Yes' } } });
  conforms(t, 'ModifySIPControlApp', m, 200);
  t.equal(m.body.payload.name, 'Renamed');
  t.equal(m.body.payload.subdomain, 'support-line', 'PATCH keeps omitted fields');
  t.equal(m.body.payload.class4_egress_trunk_settings.cli_type, 'gray', 'settings merged');
  t.equal(m.body.payload.class4_egress_trunk_settings.pci, 'Yes');

  const r = await call(u, 'DELETE', `/rest/sip/app/${app.uuid}`, { token: tok });
  conforms(t, 'RemoveSIPControlAppByUUID', r, 200);
  t.equal(r.body.payload.uuid, app.uuid);
  conforms(t, 'GetSIPControlAppByUUID', await call(u, 'GET', `/rest/sip/app/${app.uuid}`, { token: tok }), 404);
  conforms(t, 'RemoveSIPControlAppByUUID', await call(u, 'DELETE', `/rest/sip/app/${app.uuid}`, { token: tok }), 404);
  const l2 = await call(u, 'GET', '/rest/sip/app', { token: tok });
  t.notOk(l2.body.payload.some((x: { uuid: string }) => x.uuid === app.uuid), 'gone from the list');
});

t.test('errors of the app operations', async (t) => {
  const unknown = '123e4567-e89b-12d3-a456-426614174000';
  for (const [method, op] of [['GET', 'GetSIPControlAppByUUID'], ['PATCH', 'ModifySIPControlApp'], ['DELETE', 'RemoveSIPControlAppByUUID']] as const) {
    const json = method === 'PATCH' ? { name: 'x' } : undefined;
    conforms(t, op, await call(u, method, `/rest/sip/app/${unknown}`, { token: tok, json }), 404);
    for (const bad of ['not-a-uuid', unknown.toUpperCase(), unknown.replace(/-/g, '')]) {
      conforms(t, op, await call(u, method, `/rest/sip/app/${bad}`, { token: tok, json }), 400);
    }
  }
  const create = (json: unknown) => call(u, 'POST', '/rest/sip/app', { token: tok, json });
  conforms(t, 'CreateSIPControlApp', await create(appBody({ outbound_voice_profile: unknown })), 404);
  conforms(t, 'CreateSIPControlApp', await create(appBody({ outbound_voice_profile: server.fixtures.b.outboundVoiceProfile })), 404);
  conforms(t, 'CreateSIPControlApp', await create(appBody({ outbound_voice_profile: 'nope' })), 400);
  conforms(t, 'CreateSIPControlApp', await create({ subdomain: 'abc' }), 400);
  conforms(t, 'CreateSIPControlApp', await create([appBody()]), 400);
  conforms(t, 'CreateSIPControlApp', await create('name'), 400);
  conforms(t, 'CreateSIPControlApp', await create(null), 400);
  conforms(t, 'CreateSIPControlApp', await create(appBody({ is_active: 'yes' })), 400);
  conforms(t, 'CreateSIPControlApp', await create(appBody({ name: 42 })), 400);
  conforms(t, 'CreateSIPControlApp', await create(appBody({ subdomain: 123 })), 400);
  conforms(t, 'CreateSIPControlApp', await create(appBody({ class4_egress_trunk_settings: { rpid: 'Sometimes' } })), 400);
  conforms(t, 'CreateSIPControlApp', await create(appBody({ class4_egress_trunk_settings: 'x' })), 400);
  conforms(t, 'CreateSIPControlApp', await create(appBody({ class4_egress_trunk_settings: { rate_decimal: 'six' } })), 400);
  const malformed = await call(u, 'POST', '/rest/sip/app', { token: tok, raw: '{"name": "x",' });
  conforms(t, 'CreateSIPControlApp', malformed, 400);
  const nf = await call(u, 'GET', '/rest/nothing', { token: tok });
  t.equal(nf.status, 404);
  t.match(nf.contentType, JSON_CT);
  t.same({ success: nf.body.success, status: nf.body.status }, { success: false, status: 404 });
});

t.test('E01: the misspelt settings field is accepted', async (t) => {
  const c = await call(u, 'POST', '/rest/sip/app', { token: tok, json: appBody({ class4_egress_trunk_stings: { rpid: 'Always' } }) });
  t.equal(c.status, 201);
  t.equal(c.body.payload.class4_egress_trunk_settings.rpid, 'Always');
});

t.test('request log and snapshot', async (t) => {
  const before = server.requestLog.length;
  await call(u, 'GET', '/rest/sip/app', { token: tok });
  const last = server.requestLog[server.requestLog.length - 1];
  t.equal(server.requestLog.length, before + 1);
  t.same(last, { method: 'GET', url: '/rest/sip/app', status: 200, account: a.accountUuid });
  const s1 = JSON.stringify(server.snapshot());
  await call(u, 'GET', '/rest/sip/app', { token: tok });
  await call(u, 'POST', '/rest/sip/app', { token: tok, json: appBody({ name: '' }) });
  t.equal(JSON.stringify(server.snapshot()), s1, 'reads and refused writes change nothing');
});
