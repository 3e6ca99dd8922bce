import t from 'tap';
import {
  documentedStatuses,
  formatSchemaErrors,
  schemaProperties,
  validateRequestBody,
  validateResponse,
  validateSchema,
  type SchemaError,
} from '../../src/spec/validators.ts';
import { fillPlaceholderUuids, readStoredExample } from '../../src/spec/page-examples.ts';

const U = '123e4567-e89b-12d3-a456-426614174000';
const pointers = (errors: SchemaError[]) => errors.map((e) => e.pointer);
const at = (errors: SchemaError[], pointer: string, keyword?: string) =>
  errors.some((e) => e.pointer === pointer && (keyword === undefined || e.keyword === keyword));

t.test('request limits: name 1..255, subdomain 3..255, counted in characters not bytes (E26)', async (t) => {
  for (const op of ['CreateSIPControlApp', 'ModifySIPControlApp'] as const) {
    const ok = (body: unknown) => validateRequestBody(op, { name: 'app', ...(body as object) });
    for (const ch of ['a', 'é', '中']) {
      t.ok(at(ok({ name: '' }), '/name', 'minLength'), `${op} name 0 fails`);
      t.same(ok({ name: ch }), [], `${op} name 1×${ch} passes`);
      t.same(ok({ name: ch.repeat(255) }), [], `${op} name 255×${ch} passes (${Buffer.byteLength(ch.repeat(255))} bytes)`);
      t.ok(at(ok({ name: ch.repeat(256) }), '/name', 'maxLength'), `${op} name 256×${ch} fails`);
      t.ok(at(ok({ subdomain: ch.repeat(2) }), '/subdomain', 'minLength'), `${op} subdomain 2×${ch} fails`);
      t.same(ok({ subdomain: ch.repeat(3) }), [], `${op} subdomain 3×${ch} passes`);
      t.same(ok({ subdomain: ch.repeat(255) }), [], `${op} subdomain 255×${ch} passes`);
      t.ok(at(ok({ subdomain: ch.repeat(256) }), '/subdomain', 'maxLength'), `${op} subdomain 256×${ch} fails`);
    }
  }
});

t.test('request: outbound_voice_profile uuid pattern', async (t) => {
  const v = (ovp: unknown) => validateRequestBody('CreateSIPControlApp', { name: 'a', outbound_voice_profile: ovp });
  t.same(v(U), []);
  t.ok(at(v(U.toUpperCase()), '/outbound_voice_profile', 'pattern'), 'upper case fails');
  t.ok(at(v(U.replace(/-/g, '')), '/outbound_voice_profile', 'pattern'), 'missing dashes fails');
  t.ok(at(v(` ${U}`), '/outbound_voice_profile', 'pattern'), 'leading space fails (anchored)');
  t.ok(at(v(`${U}0`), '/outbound_voice_profile', 'pattern'), 'trailing char fails (anchored)');
  t.ok(at(v(42), '/outbound_voice_profile', 'type'), 'number fails');
});

t.test('request: wrong types and required fields', async (t) => {
  t.ok(at(validateRequestBody('CreateSIPControlApp', { name: 5 }), '/name', 'type'), 'name number');
  t.ok(at(validateRequestBody('CreateSIPControlApp', { name: 'a', is_active: 'yes' }), '/is_active', 'type'), 'is_active "yes"');
  t.ok(at(validateRequestBody('CreateSIPControlApp', { name: 'a', is_active: 'true' }), '/is_active', 'type'), 'is_active "true" (E43)');
  t.ok(at(validateRequestBody('CreateSIPControlApp', {}), '/name', 'required'), 'Create requires name (E27)');
  t.same(validateRequestBody('ModifySIPControlApp', {}), [], 'Modify: all optional (E28)');
  t.ok(at(validateRequestBody('CreateSIPControlApp', []), '', 'type'), 'array body');
  t.ok(
    at(validateRequestBody('CreateSIPControlApp', { name: 'a', class4_egress_trunk_settings: { rpid: 'Sometimes' } }),
      '/class4_egress_trunk_settings/rpid', 'enum'),
    'trunk enum',
  );
  t.ok(
    at(validateRequestBody('CreateSIPControlApp', { name: 'a', class4_egress_trunk_settings: { rate_decimal: '6' } }),
      '/class4_egress_trunk_settings/rate_decimal', 'type'),
    'rate_decimal is a number in requests (E04)',
  );
  t.same(validateRequestBody('ExecuteSIPControlAppCallExecuteCallFlow', '<Response/>'), [], 'no JSON body');
  t.same(validateRequestBody('ListSIPControlApps', undefined), []);
});

t.test('request: add/remove are arrays of uuids, both optional (E17)', async (t) => {
  const v = (b: unknown) => validateRequestBody('AssignTNLeasesToSIPControlApp', b);
  t.same(v({}), []);
  t.same(v({ add: [U], remove: [] }), []);
  t.ok(at(v({ add: U }), '/add', 'type'), 'add non-array');
  t.ok(at(v({ remove: 'x' }), '/remove', 'type'), 'remove non-array');
  t.ok(at(v({ add: ['string'] }), '/add/0', 'pattern'), 'non-uuid item');
  t.ok(at(v({ remove: [U, U.toUpperCase()] }), '/remove/1', 'pattern'), 'upper-case item');
  t.ok(at(v({ add: [7] }), '/add/0', 'type'), 'number item');
});

const app = () =>
  fillPlaceholderUuids((readStoredExample('responses/GetSIPControlAppByUUID.200.json') as { payload: Record<string, unknown> }).payload);
const ok = (payload: unknown) => ({ success: true, payload });

t.test('response validation catches breakage', async (t) => {
  t.same(validateResponse('GetSIPControlAppByUUID', 200, ok(app())).errors, [], 'baseline passes');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, { success: 'true', payload: app() }).errors, '/success', 'const'), 'success "true"');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, { success: false, payload: app() }).errors, '/success', 'const'), 'success false on 200');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, { success: true }).errors, '/payload', 'required'), 'payload missing');
  t.ok(at(validateResponse('ListSIPControlApps', 200, ok(app())).errors, '/payload', 'type'), 'list payload not an array');
  t.ok(at(validateResponse('GetSIPControlAppTNLeasesList', 200, ok({})).errors, '/payload', 'type'), 'lease list not an array');
  const noUuid = app();
  delete noUuid.uuid;
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, ok(noUuid)).errors, '/payload/uuid', 'required'), 'app without uuid');
  t.ok(at(validateResponse('ListSIPControlApps', 200, ok([app(), noUuid])).errors, '/payload/1/uuid', 'required'), 'listed app without uuid');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, ok({ ...app(), uuid: U.toUpperCase() })).errors, '/payload/uuid', 'pattern'), 'uuid upper case');
  t.ok(
    at(validateResponse('GetSIPControlAppByUUID', 200, ok({ ...app(), created_on: '24/08/2019' })).errors, '/payload/created_on', 'pattern'),
    'created_on not a date-time',
  );
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, ok({ ...app(), is_active: 'true' })).errors, '/payload/is_active', 'type'), 'is_active string');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, ok({ ...app(), name: 7 })).errors, '/payload/name', 'type'), 'name number');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 404, { success: false, status: 404 }).errors, '/message', 'required'), 'error envelope without message');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 404, { success: true, message: 'x' }).errors, '/success', 'const'), 'error envelope success true');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 404, { success: false, message: 'x', status: '404' }).errors, '/status', 'type'), 'status string');
  const bad = app();
  bad.account = { uuid: 'nope', level: 7 };
  const errs = validateResponse('GetSIPControlAppByUUID', 200, ok(bad)).errors;
  t.ok(at(errs, '/payload/account/uuid', 'pattern') && at(errs, '/payload/account/level', 'type'), 'nested relation field errors, not "must be null"');
  t.notOk(errs.some((e) => e.pointer === '/payload/account' ), 'no noise at the relation itself');
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, ok({ ...app(), account: 'acct' })).errors, '/payload/account'), 'relation of the wrong shape');
  t.ok(
    at(validateResponse('GetSIPControlAppByUUID', 200, ok({ ...app(), class4_egress_trunk_settings: { rate_decimal: 'six' } })).errors,
      '/payload/class4_egress_trunk_settings/rate_decimal'),
    'rate_decimal not numeric',
  );
  t.ok(at(validateResponse('GetSIPControlAppByUUID', 200, ok({ ...app(), webhook_method: 'PUT' })).errors, '/payload/webhook_method', 'enum'), 'webhook_method PUT');
});

t.test('response validation is tolerant of every reading the errata accept', async (t) => {
  const minimal = { uuid: U, name: 'n', is_active: false, created_on: '2024-01-02T03:04:05.678+01:00', modified_on: '2024-01-02T03:04:05Z' };
  t.same(validateResponse('GetSIPControlAppByUUID', 200, ok(minimal)).errors, [], 'minimal app (E15)');
  t.same(validateResponse('ListSIPControlApps', 200, ok([])).errors, [], 'empty list');
  const relations = { ...minimal, account: {}, created_by: null, modified_by: {}, outbound_voice_profile: null, tnleases: [{}], class4_egress_trunk_settings: {}, subdomain: null, extra_field: { any: 1 } };
  t.same(validateResponse('ModifySIPControlApp', 200, ok(relations)).errors, [], 'relations {} / null, extra fields (E15)');
  t.same(validateResponse('CreateSIPControlApp', 200, ok(minimal)), { documented: true, errors: [] }, 'Create 200 (E12)');
  t.same(validateResponse('CreateSIPControlApp', 201, ok({ ...minimal, class4_egress_trunk_settings: { rate_decimal: 6 } })).errors, [], 'rate_decimal number (E04)');
  t.same(validateResponse('CreateSIPControlApp', 201, ok({ ...minimal, class4_egress_trunk_settings: { rate_decimal: '6.5' } })).errors, [], 'rate_decimal numeric string (E04)');
  t.same(validateResponse('ListSIPControlApps', 400, { success: false, message: 'bad' }).errors, [], 'status optional (E18)');
  t.same(validateSchema('User', { gender: 'Nonbinary', deleted_on: null, dob: null }), [], 'gender any string (E10), deleted_on null (E16)');
  const lease = fillPlaceholderUuids((readStoredExample('responses/GetSIPControlAppTNLeasesList.200.json') as { payload: unknown[] }).payload[0]) as Record<string, unknown>;
  t.same(validateResponse('GetSIPControlAppTNLeasesList', 200, ok([{ ...lease, tn: { tn: '15551234567' }, sip_control_app: null }])).errors, [], 'tn as string, app null');
  t.ok(at(validateResponse('GetSIPControlAppTNLeasesList', 200, ok([{}])).errors, '/payload/0/uuid', 'required'), 'a listed lease needs its uuid');
});

t.test('issue 15: the default accepts the other readings, --strict (x-strict) pins the single one', async (t) => {
  const base = app();
  const both = (body: unknown, op: Parameters<typeof validateResponse>[0] = 'GetSIPControlAppByUUID', status = 200) =>
    ({ default: validateResponse(op, status, body).errors, strict: validateResponse(op, status, body, true).errors });
  t.same(both(ok(base)).strict, [], 'the page example passes --strict too');

  // E62: naive timestamps and a date-only dob.
  const naive = both(ok({ ...base, created_on: '2024-05-01T10:00:00', modified_on: '2024-05-01 10:00:00.123', created_by: { ...(base.created_by as object), dob: '1985-06-15' } }));
  t.same(naive.default, [], 'timestamps without an offset, dob a date: accepted (E62)');
  t.ok(at(naive.strict, '/payload/created_on', 'format') && at(naive.strict, '/payload/created_by/dob', 'format'), '--strict pins RFC 3339');

  // E71: values the 2021 lists lack, and null, in nested objects.
  const newer = both(ok({ ...base, account: { ...(base.account as object), level: 'Level3' }, created_by: { ...(base.created_by as object), role: null },
    outbound_voice_profile: { ...(base.outbound_voice_profile as object), filemat: 'ogg', record_calls: null },
    class4_egress_trunk_settings: { ...(base.class4_egress_trunk_settings as object), media_type: 'Proxy Media + SRTP', rpid_id_type: null, ignore_early_media: null } }));
  t.same(newer.default, [], 'newer enum values and nulls accepted (E71)');
  for (const p of ['/payload/account/level', '/payload/created_by/role', '/payload/outbound_voice_profile/filemat', '/payload/outbound_voice_profile/record_calls',
    '/payload/class4_egress_trunk_settings/media_type', '/payload/class4_egress_trunk_settings/rpid_id_type', '/payload/class4_egress_trunk_settings/ignore_early_media']) {
    t.ok(at(newer.strict, p), `--strict pins ${p}`);
  }
  t.ok(at(both(ok({ ...base, account: { ...(base.account as object), level: 3 } })).default, '/payload/account/level', 'type'), 'a number is still not a level');

  // E15: relations as bare uuids; E63: a nested app needs only its uuid.
  const bare = both(ok({ ...base, account: U, created_by: U, outbound_voice_profile: U, tnleases: [U] }));
  t.same(bare, { default: [], strict: [] }, 'relations as bare uuid strings (E15)');
  t.ok(at(both(ok({ ...base, outbound_voice_profile: 'not-a-uuid' })).default, '/payload/outbound_voice_profile'), 'a bare relation is still a uuid');
  const lease = fillPlaceholderUuids((readStoredExample('responses/GetSIPControlAppTNLeasesList.200.json') as { payload: unknown[] }).payload[0]) as Record<string, unknown>;
  t.same(both(ok([{ ...lease, sip_control_app: { uuid: U } }]), 'GetSIPControlAppTNLeasesList'), { default: [], strict: [] }, 'a nested app of just its uuid (E63)');
  t.same(both(ok([{ ...lease, sip_control_app: U, tnorder: U }]), 'GetSIPControlAppTNLeasesList'), { default: [], strict: [] }, "a lease's relations as bare uuids");
  t.ok(at(both(ok([{ ...lease, sip_control_app: { name: 'x' } }]), 'GetSIPControlAppTNLeasesList').default, '/payload/0/sip_control_app/uuid', 'required'), 'a nested app without its uuid fails');

  // E72: an error message as a list of strings.
  const list = both({ success: false, message: ['name is too long'], status: 400 }, 'ListSIPControlApps', 400);
  t.same(list.default, [], 'a list of strings is accepted by default (E72)');
  t.ok(at(list.strict, '/message', 'type'), '--strict pins a string');
});

t.test('call answer: state any string (E09), created_epoch number or numeric string (E11)', async (t) => {
  const call = fillPlaceholderUuids(readStoredExample('responses/ExecuteSIPControlAppCallExecuteCallFlow.200.json')) as { payload: Record<string, any> };
  const v = (c: unknown) => validateResponse('ExecuteSIPControlAppCallExecuteCallFlow', 200, c).errors;
  t.same(v(call), []);
  call.payload.state = 'online';
  call.payload.channel.created_epoch = '1566656122';
  call.payload.channel.created = '2019-08-24 14:15:22';
  call.payload.channel.direction = 'inbound';
  t.same(v(call), [], 'FreeSWITCH renderings accepted (E11, E41, E45)');
  call.payload.channel.created_epoch = 'yesterday';
  t.ok(at(v(call), '/payload/channel/created_epoch'), 'created_epoch not numeric');
  call.payload.channel.created_epoch = 0;
  call.payload.channel.callstate = 'BUSY';
  call.payload.channel.state = 'CS_WHATEVER';
  t.ok(at(v(call), '/payload/channel/callstate', 'enum') && at(v(call), '/payload/channel/state', 'enum'), 'channel enums');
  delete call.payload.channel.dest;
  t.ok(at(v(call), '/payload/channel/dest', 'required'), 'channel required fields (2021)');
});

t.test('undocumented statuses', async (t) => {
  t.same(validateResponse('GetSIPControlAppByUUID', 500, { success: false, message: 'boom' }), { documented: false, errors: [] });
  const v = validateResponse('GetSIPControlAppByUUID', 422, { error: 'x' });
  t.equal(v.documented, false);
  t.ok(at(v.errors, '/success', 'required') && at(v.errors, '/message', 'required'), '4xx still checked against ErrorEnvelope');
  t.same(validateResponse('GetSIPControlAppByUUID', 204, undefined), { documented: false, errors: [] });
  t.same(validateResponse('ListSIPControlApps', 409, 'not json'), { documented: false, errors: [{ pointer: '', keyword: 'type', message: 'must be object' }] });
});

t.test('validateSchema, schemaProperties, documentedStatuses, formatSchemaErrors', async (t) => {
  t.same(validateSchema('ErrorEnvelope', { success: false, message: 'm', status: 401 }), []);
  t.ok(at(validateSchema('SIPControlApp', {}), '/uuid', 'required'));
  t.same(validateSchema('TNLease', {}), [], 'a lease may be {} when nested');
  t.throws(() => validateSchema('Nope', {}), /no component schema/);
  t.same(schemaProperties('ErrorEnvelope'), ['success', 'message', 'status']);
  t.ok(schemaProperties('TNLeaseListResponse').includes('payload'));
  t.same(documentedStatuses('RemoveSIPControlAppByUUID'), [200, 401, 404, 409]);
  const line = formatSchemaErrors(validateResponse('GetSIPControlAppByUUID', 200, { success: 'yes' }).errors);
  t.equal(line, '/payload: is required but missing\n/success: must be true');
  t.equal(formatSchemaErrors([{ pointer: '', keyword: 'type', message: 'must be object' }]), '(body): must be object');
  t.same(pointers([]), []);
});
