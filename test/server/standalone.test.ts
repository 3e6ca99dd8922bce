import t from 'tap';
import { PassThrough } from 'node:stream';
import { serve } from '../../src/server/standalone.ts';
import { startReferenceServer } from '../../src/server/index.ts';
import { call, schemaErrors } from './helpers.ts';

t.test('serve prints the address, then one line of fixtures JSON', async (t) => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  const server = await serve({ out, handleSignals: false });
  const lines = text.trim().split('\n');
  t.equal(lines.length, 2);
  t.match(lines[0], server.url);
  const fixtures = JSON.parse(lines[1]);
  t.same(fixtures, server.fixtures);
  t.equal((await call(fixtures.baseUrl, 'GET', '/rest/sip/app', { token: fixtures.a.token })).status, 200);
  await server.close();
});

t.test('schema-drift faults break the response schema the suite checks', async (t) => {
  for (const fault of ['created-on-not-date', 'tnleases-not-array', 'get-payload-array']) {
    const server = await startReferenceServer({ fault });
    const { a } = server.fixtures;
    const created = await call(server.url, 'POST', '/rest/sip/app', { token: a.token, json: { name: 'x', subdomain: 'abc' } });
    const uuid = Array.isArray(created.body.payload) ? created.body.payload[0].uuid : created.body.payload.uuid;
    const got = await call(server.url, 'GET', `/rest/sip/app/${uuid}`, { token: a.token });
    t.not(schemaErrors('GetSIPControlAppByUUID', got).length, 0, `${fault}: get fails the schema`);
    await server.close();
  }
  const server = await startReferenceServer({ fault: 'call-channel-stub' });
  const { a } = server.fixtures;
  const r = await call(server.url, 'POST', `/rest/sip/app/call/${a.calls[0]}`, { token: a.token, raw: '<Response><Hangup/></Response>', contentType: 'application/xml' });
  t.not(schemaErrors('ExecuteSIPControlAppCallExecuteCallFlow', r).length, 0, 'call-channel-stub fails the schema');
  await server.close();
});
