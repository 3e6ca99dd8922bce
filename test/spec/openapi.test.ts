import t from 'tap';
import { validate, compileErrors } from '@readme/openapi-parser';
import { loadSpec, specSha256, specVersion } from '../../src/spec/load.ts';
import { OPERATIONS, OPERATION_IDS, UUID_PATTERN } from '../../src/spec/operations.ts';
import { documentedStatuses, schemaProperties } from '../../src/spec/validators.ts';
import type { OpenAPIV3_1 } from 'openapi-types';

t.test('spec/openapi.yaml is valid OpenAPI 3.1', async (t) => {
  const doc = structuredClone(loadSpec());
  t.equal(doc.openapi, '3.1.0');
  const result = await validate(doc as never);
  t.ok(result.valid, result.valid ? 'valid' : compileErrors(result));
  t.same(result.warnings, [], 'no warnings');
});

t.test('load.ts: version and sha256', async (t) => {
  t.match(specVersion(), /^\d+\.\d+\.\d+$/);
  t.match(specSha256(), /^[0-9a-f]{64}$/);
  t.equal(loadSpec(), loadSpec(), 'parsed once');
});

t.test('servers and security', async (t) => {
  const doc = loadSpec();
  t.same(doc.servers?.map((s) => s.url), ['https://api.opentact.org', 'https://api.stage.opentact.org']);
  t.same(doc.security, [{ XAuthToken: [] }]);
  t.same(doc.components?.securitySchemes?.XAuthToken, {
    ...doc.components?.securitySchemes?.XAuthToken,
    type: 'apiKey',
    in: 'header',
    name: 'X-Auth-Token',
  });
});

t.test('all 8 operations, with the methods and paths of operations.ts', async (t) => {
  const doc = loadSpec();
  const found = new Map<string, { method: string; path: string }>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const) {
      const op = (item as OpenAPIV3_1.PathItemObject)[method];
      if (op?.operationId) found.set(op.operationId, { method: method.toUpperCase(), path });
    }
  }
  t.equal(found.size, 8);
  for (const id of OPERATION_IDS) t.same(found.get(id), OPERATIONS[id], id);
});

t.test('path uuids carry the page pattern', async (t) => {
  const doc = loadSpec();
  const uuid = doc.components!.schemas!.Uuid!;
  t.equal(uuid.pattern, UUID_PATTERN.source);
});

t.test('documented statuses: the page per operation, plus 401 everywhere (E13), 200 for Create (E12)', async (t) => {
  const expected: Record<string, number[]> = {
    CreateSIPControlApp: [200, 201, 401, 404],
    ListSIPControlApps: [200, 400, 401],
    GetSIPControlAppByUUID: [200, 401, 404],
    ModifySIPControlApp: [200, 401, 404],
    RemoveSIPControlAppByUUID: [200, 401, 404, 409],
    AssignTNLeasesToSIPControlApp: [200, 401, 404],
    GetSIPControlAppTNLeasesList: [200, 401, 404],
    ExecuteSIPControlAppCallExecuteCallFlow: [200, 401, 404],
  };
  for (const id of OPERATION_IDS) t.same(documentedStatuses(id), expected[id], id);
});

t.test('named component schemas exist', async (t) => {
  const names = [
    'SIPControlApp', 'Class4TrunkSettings', 'Class4TrunkSettingsNewParams', 'TNLease', 'TN', 'Account', 'User',
    'TNOrder', 'MessagingProfile', 'SIPConnection', 'OutboundVoiceProfile', 'Call', 'FreeSwitchChannel',
    'ErrorEnvelope', 'CreateSIPControlAppRequest', 'ModifySIPControlAppRequest', 'AssignTNLeasesRequest',
  ];
  const schemas = loadSpec().components!.schemas!;
  for (const n of names) t.ok(schemas[n], n);
  const app = schemaProperties('SIPControlApp');
  for (const f of ['webhook_url', 'webhook_method', 'webhook_request_timeout', 'call_flow_url',
    'call_flow_request_timeout', 'call_flow_method', 'logs', 'uuid', 'class4_egress_trunk_settings']) {
    t.ok(app.includes(f), `SIPControlApp.${f}`);
  }
  t.same(schemas.SIPControlApp!.required, ['uuid', 'name', 'is_active', 'created_on', 'modified_on']);
  t.throws(() => schemaProperties('NoSuchThing'));
});

t.test('call-flow request body: XML raw or multipart part `file` (E07)', async (t) => {
  const op = loadSpec().paths!['/rest/sip/app/call/{uuid}']!.post!;
  const body = op.requestBody as OpenAPIV3_1.RequestBodyObject;
  t.same(Object.keys(body.content).sort(), ['application/xml', 'multipart/form-data', 'text/xml']);
});
