import t from 'tap';
import {
  contentType, envelope, errorMessageText, errorStatusMatches, noSecretsExposed, noServerError, responseSchema, uuidFormat, RESPONSE_CHECKS,
} from '../../src/checks/response-checks.ts';
import { CHECKS } from '../../src/checks/catalogue.ts';
import { observe } from '../../src/checks/observed.ts';
import { fillPlaceholderUuids, readStoredExample } from '../../src/spec/page-examples.ts';
import { answer, failed, U, U2 } from './helpers.ts';

const validApp = () => structuredClone((fillPlaceholderUuids(readStoredExample('responses/GetSIPControlAppByUUID.200.json')) as { payload: Record<string, unknown> }).payload);

t.test('RESPONSE_CHECKS names only catalogued checks, each once', async (t) => {
  const names = RESPONSE_CHECKS.map(([n]) => n);
  t.same(names, ['no-server-error', 'content-type', 'envelope', 'response-schema', 'uuid-format', 'error-status-matches', 'error-message-text', 'no-secrets-exposed']);
  for (const n of names) t.ok(n in CHECKS, `${n} is catalogued`);
});

t.test('no-server-error', async (t) => {
  for (const s of [200, 201, 204, 302, 400, 404, 499]) t.ok(noServerError(answer(s, { success: s < 300 })).pass, `${s} passes`);
  const f = failed(noServerError(answer(503, 'upstream down', { headers: {} })));
  t.equal(f.expected, 'a status below 500');
  t.match(f.actual, /^503 "upstream down"/);
  t.match(f.message, /GET \/rest\/sip\/app answered a server error/);
  t.notOk(noServerError(answer(500, { success: false, message: 'x' })).pass);
});

t.test('content-type', async (t) => {
  t.ok(contentType(answer(200, { success: true, payload: [] }))!.pass, 'application/json; charset=utf-8');
  t.ok(contentType(answer(200, {}, { headers: { 'content-type': 'application/json' } }))!.pass, 'bare application/json');
  t.ok(contentType(answer(200, {}, { headers: { 'content-type': 'Application/JSON;charset=UTF-8' } }))!.pass, 'case-insensitive');
  t.ok(contentType(answer(400, {}, { headers: { 'content-type': 'application/problem+json' } }))!.pass, '+json suffix');

  const html = failed(contentType(answer(404, '<html></html>', { headers: { 'content-type': 'text/html' } })));
  t.equal(html.expected, 'Content-Type: application/json');
  t.equal(html.actual, 'Content-Type: text/html');
  t.match(html.message, /404 with a non-JSON content type/);

  const missing = failed(contentType(answer(200, { success: true, payload: [] }, { headers: {} })));
  t.equal(missing.actual, 'no Content-Type header');
  t.equal(missing.expected, 'Content-Type: application/json');

  t.notOk(contentType(answer(200, {}, { headers: { 'content-type': 'application/jsonp' } }))!.pass, 'application/jsonp is not JSON');
  t.notOk(contentType(answer(200, {}, { headers: { 'content-type': 'text/json' } }))!.pass, 'text/json is not application/json');

  t.equal(contentType(answer(204, '', { headers: {} })), null, '204 carries no body: not applicable');
  t.equal(contentType(answer(302, '', { headers: {} })), null, 'redirects: not applicable');
});

t.test('envelope: success answers', async (t) => {
  t.ok(envelope(answer(200, { success: true, payload: [] }))!.pass);
  t.ok(envelope(answer(201, { success: true, payload: null }))!.pass, 'a null payload is still a payload');

  const str = failed(envelope(answer(200, { success: 'true', payload: {} })));
  t.equal(str.expected, 'success: true');
  t.equal(str.actual, 'success: "true"', 'the string is shown quoted');

  const noPayload = failed(envelope(answer(201, { success: true, uuid: U })));
  t.equal(noPayload.expected, '{success: true, payload}');
  t.equal(noPayload.actual, 'keys: success, uuid');
  t.match(noPayload.message, /201 without a payload/);

  const empty = failed(envelope(answer(200, {})));
  t.equal(empty.actual, 'success: undefined');

  const arr = failed(envelope(answer(200, [1, 2])));
  t.equal(arr.expected, 'a JSON object {success, …}');
  t.equal(arr.actual, '[1,2]');
});

t.test('envelope: error answers', async (t) => {
  t.ok(envelope(answer(404, { success: false, message: 'not found' }))!.pass, 'status is optional (E18)');
  t.ok(envelope(answer(404, { success: false, message: 'not found', status: 404 }))!.pass);

  const noMessage = failed(envelope(answer(400, { success: false, status: 400 })));
  t.equal(noMessage.expected, 'message: string');
  t.equal(noMessage.actual, 'message: undefined');
  t.match(noMessage.message, /error envelope without a message/);

  // E72: a list of strings is a message (the advisory error-message-text reports it); other shapes are not.
  t.ok(envelope(answer(400, { success: false, message: ['name is too long', 'subdomain is too short'] }))!.pass, 'a list of strings is a message (E72)');
  t.equal(failed(envelope(answer(400, { success: false, message: [] }))).actual, 'message: []');
  t.equal(failed(envelope(answer(400, { success: false, message: ['a', 2] }))).actual, 'message: ["a",2]');
  t.equal(failed(envelope(answer(400, { success: false, message: { name: 'too long' } }))).actual, 'message: {"name":"too long"}');

  const badStatus = failed(envelope(answer(401, { success: false, message: 'no', status: '401' })));
  t.match(badStatus.expected, /^status: number/);
  t.equal(badStatus.actual, 'status: "401"');

  const successTrue = failed(envelope(answer(404, { success: true, payload: null })));
  t.equal(successTrue.expected, 'success: false');
  t.equal(successTrue.actual, 'success: true');
});

t.test('envelope: bodies that are not JSON', async (t) => {
  const html = failed(envelope(answer(500, '<h1>Internal</h1>', { headers: { 'content-type': 'text/html' } })));
  t.equal(html.expected, 'a JSON object {success, …}');
  t.match(html.actual, /^not JSON \(/);
  t.match(html.actual, /<h1>Internal<\/h1>/);
  t.match(html.message, /500 without a JSON envelope/);

  const empty = failed(envelope(answer(200, '')));
  t.match(empty.actual, /^empty body: /);

  t.equal(envelope(answer(302, '', { headers: { location: 'http://elsewhere/' } })), null, 'redirects: not applicable');
});

t.test('response-schema', async (t) => {
  const ok = answer(200, { success: true, payload: validApp() }, { operation: 'GetSIPControlAppByUUID' });
  t.same(responseSchema(ok), { pass: true, note: undefined }, 'the page example, uuids filled, is valid');

  const app = validApp();
  app.is_active = 'yes';
  const bad = failed(responseSchema(answer(200, { success: true, payload: app }, { operation: 'GetSIPControlAppByUUID' })));
  t.match(bad.expected, /spec\/openapi\.yaml \(GetSIPControlAppByUUID 200\)/);
  t.match(bad.actual, /^\/payload\/is_active: must be boolean/m, 'the actual names the JSON pointer');
  t.match(bad.message, /GetSIPControlAppByUUID 200: the body does not match/);

  const list = failed(responseSchema(answer(200, { success: true, payload: {} }, { operation: 'ListSIPControlApps' })));
  t.match(list.actual, /\/payload: must be array/);

  t.ok(responseSchema(answer(200, { success: true, payload: [] }, { operation: 'ListSIPControlApps' }))!.pass);
  t.equal(responseSchema(answer(200, { success: true, payload: [] })), null, 'without an operation: not applicable');
  t.equal(responseSchema(answer(200, 'oops', { operation: 'ListSIPControlApps' })), null, 'non-JSON: the envelope check\'s business');
});

t.test('uuid-format', async (t) => {
  t.ok(uuidFormat(answer(200, { success: true, payload: { uuid: U, account_uuid: U2, tnleases: [{ uuid: U2 }] } }))!.pass);
  t.ok(uuidFormat(answer(200, { success: true, payload: { name: 'NOT-A-UUID', uuid_note: 'x' } }))!.pass, 'only uuid and *_uuid keys are looked at');

  const upper = failed(uuidFormat(answer(200, { success: true, payload: { uuid: U.toUpperCase() } })));
  t.match(upper.expected, /lower-case 8-4-4-4-12 hex/);
  t.equal(upper.actual, `/payload/uuid: "${U.toUpperCase()}"`);

  const dashless = failed(uuidFormat(answer(200, { success: true, payload: { uuid: U.replace(/-/g, '') } })));
  t.equal(dashless.actual, `/payload/uuid: "${U.replace(/-/g, '')}"`);

  const numeric = failed(uuidFormat(answer(200, { success: true, payload: { uuid: 42 } })));
  t.equal(numeric.actual, '/payload/uuid: 42 (a number)');

  const nested = failed(uuidFormat(answer(200, { success: true, payload: { uuid: U, tnleases: [{ uuid: 'abc' }] } })));
  t.equal(nested.actual, '/payload/tnleases/0/uuid: "abc"');

  const suffixed = failed(uuidFormat(answer(200, { success: true, payload: [{ uuid: U, call_uuid: `${U} ` }] })));
  t.equal(suffixed.actual, `/payload/0/call_uuid: "${U} "`);

  const several = failed(uuidFormat(answer(200, { success: true, payload: [{ uuid: 'a' }, { uuid: 'b' }] })));
  t.equal(several.actual, '/payload/0/uuid: "a"; /payload/1/uuid: "b"');

  t.equal(uuidFormat(answer(200, 'not json')), null);

  // E46: the call's channel carries FreeSWITCH's ids, not OpenTact's; the call's own uuids still count.
  const call = { uuid: U, account_uuid: U2, channel: { uuid: 'A1B2C3D4-0000', call_uuid: 'fs-42' }, sip_control_app: { uuid: U } };
  t.ok(uuidFormat(answer(200, { success: true, payload: call }))!.pass, 'channel uuid and call_uuid are not pinned (E46)');
  const outside = failed(uuidFormat(answer(200, { success: true, payload: { ...call, sip_control_app: { uuid: 'nope' } } })));
  t.equal(outside.actual, '/payload/sip_control_app/uuid: "nope"', 'outside the channel the pattern still holds');
});

t.test('error-message-text (advisory, E72)', async (t) => {
  t.ok(errorMessageText(answer(400, { success: false, message: 'bad' }))!.pass);
  const f = failed(errorMessageText(answer(400, { success: false, message: ['bad', 'worse'] })));
  t.equal(f.expected, 'message: string');
  t.equal(errorMessageText(answer(200, { success: true, payload: {} })), null, 'success answers are not its business');
  t.equal(errorMessageText(answer(404, { success: false })), null, 'a missing message is the envelope check\'s');
});

t.test('error-status-matches (advisory)', async (t) => {
  t.ok(errorStatusMatches(answer(404, { success: false, message: 'x', status: 404 }))!.pass);
  const f = failed(errorStatusMatches(answer(404, { success: false, message: 'x', status: 401 })));
  t.equal(f.expected, 'status: 404');
  t.equal(f.actual, 'status: 401');
  t.match(f.message, /envelope status differs from the HTTP status/);
  t.equal(errorStatusMatches(answer(404, { success: false, message: 'x' })), null, 'no status: nothing to compare');
  t.equal(errorStatusMatches(answer(404, { success: false, message: 'x', status: '404' })), null, 'a string status is the envelope check\'s business');
  t.equal(errorStatusMatches(answer(200, { success: true, payload: { status: 1 } })), null, 'success answers: not applicable');
});

t.test('no-secrets-exposed (advisory)', async (t) => {
  t.ok(noSecretsExposed(answer(200, { success: true, payload: { account: { users: [{ email: 'a@b', password: '', token: null }] } } }))!.pass,
    'empty or null secrets are fine');
  const f = failed(noSecretsExposed(answer(200, { success: true, payload: { account: { users: [{ password: 'hunter2', token: 'eyJx' }] } } })));
  t.equal(f.expected, 'no filled password/token fields');
  t.equal(f.actual, '/payload/account/users/0/password, /payload/account/users/0/token');
  t.match(f.message, /answer carries credentials/);
  t.equal(failed(noSecretsExposed(answer(200, { success: true, payload: { api_key: 'k', secret: 's' } }))).actual, '/payload/api_key, /payload/secret');
  t.equal(noSecretsExposed(answer(400, { success: false, message: 'x', token: 'abc' })), null, 'error answers: not applicable');
  t.equal(noSecretsExposed(observe({ method: 'GET', path: '/', status: 200, headers: {}, text: '' })), null);
});
