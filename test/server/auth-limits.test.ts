import t from 'tap';
import { startReferenceServer } from '../../src/server/index.ts';
import { MINIMAL_CALLFLOW } from '../../src/callflow/validate.ts';
import { JSON_CT, appBody, call, schemaErrors, tamperedToken, unsignedToken, wronglySignedToken } from './helpers.ts';

const server = await startReferenceServer();
t.teardown(() => server.close());
const { a } = server.fixtures;
const u = server.url;

t.test('tokens: only a valid one gets through, on every operation', async (t) => {
  const app = (await call(u, 'POST', '/rest/sip/app', { token: a.token, json: appBody() })).body.payload;
  const routes = [
    ['POST', '/rest/sip/app', appBody({ name: 'other' })],
    ['GET', '/rest/sip/app', undefined],
    ['GET', `/rest/sip/app/${app.uuid}`, undefined],
    ['PATCH', `/rest/sip/app/${app.uuid}`, { name: 'patched' }],
    ['GET', `/rest/sip/app/${app.uuid}/tnlease`, undefined],
    ['POST', `/rest/sip/app/${app.uuid}/tnlease`, { add: [] }],
  ] as const;
  const bad: Record<string, string | undefined> = {
    missing: undefined,
    garbage: 'not-a-jwt',
    'alg none': unsignedToken(a.accountUuid),
    tampered: tamperedToken(a.token),
    'wrong secret': await wronglySignedToken(a.accountUuid),
    expired: a.expiredToken,
    'unknown account': await (async () => unsignedToken('123e4567-e89b-12d3-a456-426614174000'))(),
  };
  for (const [method, path, json] of routes) {
    for (const [what, token] of Object.entries(bad)) {
      const r = await call(u, method, path, { token, json });
      t.equal(r.status, 401, `${method} ${path} with ${what} token → 401`);
      t.match(r.contentType, JSON_CT);
      t.same(schemaErrors('ListSIPControlApps', r), [], 'error envelope');
    }
    const ok = await call(u, method, path, { token: a.token, json });
    t.ok(ok.status >= 200 && ok.status < 300, `${method} ${path} with the valid token → 2xx`);
  }
  for (const [what, token] of Object.entries(bad)) {
    const r = await call(u, 'POST', `/rest/sip/app/call/${a.calls[0]}`, { token, raw: MINIMAL_CALLFLOW, contentType: 'application/xml' });
    t.equal(r.status, 401, `call route with ${what} token → 401`);
  }
  t.equal((await call(u, 'DELETE', `/rest/sip/app/${app.uuid}`, { token: 'garbage' })).status, 401);
  t.equal((await call(u, 'DELETE', `/rest/sip/app/${app.uuid}`, { token: a.token })).status, 200);
});

t.test('E08: Authorization: Bearer on the call route only', async (t) => {
  const headers = { authorization: `Bearer ${a.token}` };
  const c = await call(u, 'POST', `/rest/sip/app/call/${a.calls[0]}`, { headers, raw: MINIMAL_CALLFLOW, contentType: 'application/xml' });
  t.equal(c.status, 200);
  t.equal((await call(u, 'GET', '/rest/sip/app', { headers })).status, 401);
});

t.test('length limits on both sides, in code points', async (t) => {
  const create = (over: Record<string, unknown>) => call(u, 'POST', '/rest/sip/app', { token: a.token, json: appBody(over) });
  const cases: Array<[string, Record<string, unknown>, number]> = [
    ['name 1', { name: 'x' }, 201],
    ['name 255', { name: 'n'.repeat(255) }, 201],
    ['name 255 multibyte é', { name: 'é'.repeat(255) }, 201],
    ['name 255 multibyte 中', { name: '中'.repeat(255) }, 201],
    ['name 0', { name: '' }, 400],
    ['name 256', { name: 'n'.repeat(256) }, 400],
    ['name 256 multibyte', { name: '中'.repeat(256) }, 400],
    ['subdomain 3', { subdomain: 'abc' }, 201],
    ['subdomain 255', { subdomain: 's'.repeat(255) }, 201],
    ['subdomain 2', { subdomain: 'ab' }, 400],
    ['subdomain 256', { subdomain: 's'.repeat(256) }, 400],
    ['no subdomain', { subdomain: undefined }, 201],
  ];
  for (const [what, over, status] of cases) {
    const r = await create(over);
    t.equal(r.status, status, what);
    t.same(schemaErrors('CreateSIPControlApp', r), [], `${what}: schema-valid`);
    if (status === 201 && typeof over.name === 'string') t.equal(r.body.payload.name, over.name, `${what}: stored as sent`);
  }
  const app = (await create({})).body.payload;
  const patch = (json: unknown) => call(u, 'PATCH', `/rest/sip/app/${app.uuid}`, { token: a.token, json });
  t.equal((await patch({ name: 'n'.repeat(256) })).status, 400, 'modify: name 256');
  t.equal((await patch({ name: '' })).status, 400, 'modify: name 0');
  t.equal((await patch({ subdomain: 'ab' })).status, 400, 'modify: subdomain 2');
  t.equal((await patch({ is_active: 'false' })).status, 400, 'modify: is_active string');
  t.equal((await patch({ name: '中'.repeat(255), is_active: false })).status, 200, 'modify: name 255 multibyte');
  const g = await call(u, 'GET', `/rest/sip/app/${app.uuid}`, { token: a.token });
  t.equal(g.body.payload.is_active, false);
  t.equal(g.body.payload.subdomain, 'support-line');
});
