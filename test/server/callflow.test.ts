import t from 'tap';
import { startReferenceServer } from '../../src/server/index.ts';
import { BROKEN_CALLFLOWS, MINIMAL_CALLFLOW, SAMPLE_CALLFLOWS } from '../../src/callflow/validate.ts';
import { JSON_CT, call, callFlowForm, schemaErrors } from './helpers.ts';

const server = await startReferenceServer();
t.teardown(() => server.close());
const { a, b } = server.fixtures;
const u = server.url;
const OP = 'ExecuteSIPControlAppCallExecuteCallFlow';
const path = (uuid: string) => `/rest/sip/app/call/${uuid}`;

t.test('valid XML raw and multipart → 200 with the call', async (t) => {
  for (const ct of ['application/xml', 'text/xml', 'application/xml; charset=utf-8']) {
    const r = await call(u, 'POST', path(a.calls[0]), { token: a.token, raw: MINIMAL_CALLFLOW, contentType: ct });
    t.equal(r.status, 200, ct);
    t.match(r.contentType, JSON_CT);
    t.same(schemaErrors(OP, r), []);
    t.equal(r.body.payload.uuid, a.calls[0]);
    t.equal(r.body.payload.account_uuid, a.accountUuid);
    t.equal(r.body.payload.state, 'started');
    t.equal(r.body.payload.channel.uuid, a.calls[0]);
    t.type(r.body.payload.sip_control_app.webhook_url, 'string');
  }
  const m = await call(u, 'POST', path(a.calls[1]), { token: a.token, form: callFlowForm(MINIMAL_CALLFLOW) });
  t.equal(m.status, 200, 'multipart part file');
  t.same(schemaErrors(OP, m), []);
  for (const [name, xml] of Object.entries(SAMPLE_CALLFLOWS)) {
    const r = await call(u, 'POST', path(a.calls[0]), { token: a.token, form: callFlowForm(xml) });
    t.equal(r.status, 200, `sample ${name}`);
  }
});

t.test('broken XML → 400 naming the kind', async (t) => {
  for (const [name, { xml, kind }] of Object.entries(BROKEN_CALLFLOWS)) {
    const r = await call(u, 'POST', path(a.calls[0]), { token: a.token, raw: xml, contentType: 'application/xml' });
    t.equal(r.status, 400, `broken ${name}`);
    t.same(schemaErrors(OP, r), []);
    t.match(r.body.message, kind === 'schema' ? /schema/ : /not well-formed/, `${name}: message names ${kind}`);
    const m = await call(u, 'POST', path(a.calls[0]), { token: a.token, form: callFlowForm(xml) });
    t.equal(m.status, 400, `broken ${name} (multipart)`);
  }
  t.equal((await call(u, 'POST', path(a.calls[0]), { token: a.token, form: callFlowForm(MINIMAL_CALLFLOW, 'xml') })).status, 400, 'no part named file');
  t.equal((await call(u, 'POST', path(a.calls[0]), { token: a.token, json: { xml: MINIMAL_CALLFLOW } })).status, 400, 'JSON body');
});

t.test('unknown, foreign and malformed call uuids', async (t) => {
  const unknown = await call(u, 'POST', path('123e4567-e89b-12d3-a456-426614174000'), { token: a.token, raw: MINIMAL_CALLFLOW, contentType: 'application/xml' });
  t.equal(unknown.status, 404);
  t.same(schemaErrors(OP, unknown), []);
  t.equal((await call(u, 'POST', path(b.calls[0]), { token: a.token, raw: MINIMAL_CALLFLOW, contentType: 'application/xml' })).status, 404, "another account's call");
  t.equal((await call(u, 'POST', path('nope'), { token: a.token, raw: MINIMAL_CALLFLOW, contentType: 'application/xml' })).status, 400);
});
