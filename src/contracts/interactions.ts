/**
 * The consumer's interactions with the SIP Control App API, one list for the consumer tests
 * (which write them into contracts/pacts/) and the verification (whose provider states they name).
 * Bodies and matchers come from the spec (derive.ts); what is written here is only WHICH
 * situations the client relies on: each operation's success and its documented errors.
 */
process.env.PACT_DO_NOT_TRACK ??= 'true';

import { MatchersV3 } from '@pact-foundation/pact';
import { BROKEN_CALLFLOWS } from '../callflow/validate.ts';
import { OPERATIONS, operationPath, type OperationId } from '../spec/operations.ts';
import { componentSchema, documentedSuccessStatuses, exampleUuid, pageRequestExample, responseMatcher } from './derive.ts';

const { fromProviderState, like, regex } = MatchersV3;

export const CONSUMER = 'sipapp-client';
export const PROVIDER = 'opentact-sip-control-app';

/** Provider states the contracts use; verify.ts has one handler for each. */
export const STATES = {
  appExists: 'an app exists',
  appWithLeases: 'an app with leases exists',
  appAndFreeLease: 'an app exists and a TN lease is available',
  noApp: 'no app exists with the uuid',
  liveCall: 'a live call exists',
  noCall: 'no call exists with the uuid',
  canCreate: 'an outbound voice profile exists',
  unknownOvp: 'no outbound voice profile exists with the uuid',
} as const;
export type StateName = (typeof STATES)[keyof typeof STATES];

/** The token the consumer tests send; a provider's request filter replaces it with a real one. */
export const EXAMPLE_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl';
/** The token of the 401 interactions; a request filter must leave it as it is. */
export const INVALID_TOKEN = 'not-a-valid-token';

/** Status classes for the status-code matcher (Pact V4). */
type StatusMatch = 'clientError' | number[];

export interface ContractInteraction {
  /** Stable id, also the CaseResult id (`pact.<id>`). */
  id: string;
  operationId: OperationId;
  /** Pact's `uponReceiving`; unique within the pact. */
  description: string;
  state?: StateName;
  /** Path uuid: from the provider state (`${uuid}`), a literal, or none. */
  path: { uuid: 'state' } | { literal: string } | { none: true };
  auth: 'valid' | 'invalid';
  /** JSON body template (may hold provider-state values). */
  json?: unknown;
  xml?: string;
  /** Example status; `statusMatch` widens it (Pact V4 status matcher) where the spec's errata allow several. */
  status: number;
  statusMatch?: StatusMatch;
  /** Where the spec/errata back the expectation, for reports. */
  rule: string;
  /**
   * Set when the interaction pins ONE of several readings the errata accept (the page's own
   * answer, or one encoding): written as a Pact `pending` interaction, so a provider taking
   * another accepted reading is told, not failed. `verify --strict` counts it like any other.
   */
  pending?: string;
}

const fromState = <T>(expression: string, example: T) => fromProviderState(expression, example);

/** The page's request example with the resource names and references the provider state supplies. */
function requestFromState(operationId: 'CreateSIPControlApp' | 'ModifySIPControlApp', example = pageRequestExample(operationId)): Record<string, unknown> {
  const body: Record<string, unknown> = { ...example };
  if ('name' in body) body.name = fromState('${name}', 'sct-20240101000000-abcdef-contract-1');
  if ('subdomain' in body) body.subdomain = fromState('${subdomain}', 'sct-20240101000000-abcdef-s2');
  if ('outbound_voice_profile' in body) body.outbound_voice_profile = fromState('${outboundVoiceProfile}', exampleUuid());
  return body;
}

/** The smallest call flow the spec gives (CallFlowXml example). */
export function exampleCallFlow(): string {
  return String(componentSchema('CallFlowXml').examples?.[0]);
}

/**
 * A call flow the spec's fixtures say breaks the call-flow schema (well-formed XML: Pact's XML
 * matcher must be able to parse the expected body, so a not-well-formed one cannot be a contract).
 */
function brokenCallFlow(): string {
  const broken = BROKEN_CALLFLOWS['schema-unknown-verb'] ?? Object.values(BROKEN_CALLFLOWS).find((b) => b.kind === 'schema');
  if (!broken) throw new Error('spec/callflow/fixtures has no schema-invalid call flow');
  return broken.xml;
}

/**
 * E07: call-flow XML travels raw or as multipart part `file`; a contract sends raw XML, which a
 * multipart-only server refuses (415) before it looks at the call or the token.
 */
/** E03: bad tokens get 401, or 403 (the page titles its 401 "Forbidden"). */
const UNAUTHENTICATED = [401, 403];

const RAW_XML_PENDING = 'ERRATA E07: a server may take call-flow XML as multipart only and refuse raw XML (415)';

/** Every interaction of the contract, in the order they are verified. */
export function contractInteractions(): ContractInteraction[] {
  const unknown = exampleUuid();
  const out: ContractInteraction[] = [];
  const add = (i: ContractInteraction) => out.push(i);

  // ── List
  add({ id: 'list.200', operationId: 'ListSIPControlApps', description: 'a request to list the SIP control apps', state: STATES.appExists, path: { none: true }, auth: 'valid', status: 200, rule: 'page: List 200' });
  add({ id: 'list.401', operationId: 'ListSIPControlApps', description: 'a request to list the SIP control apps with an invalid token', path: { none: true }, auth: 'invalid', status: 401, statusMatch: UNAUTHENTICATED, rule: 'ERRATA E13 (401 on every operation)' });

  // ── Create
  add({
    id: 'create.201', operationId: 'CreateSIPControlApp', description: 'a request to create a SIP control app', state: STATES.canCreate,
    path: { none: true }, auth: 'valid', json: requestFromState('CreateSIPControlApp'),
    status: 201, statusMatch: documentedSuccessStatuses('CreateSIPControlApp'), rule: 'page: Create 201; ERRATA E12 (200 or 201)',
  });
  // A negative request is valid in every respect but the one under test: every create carries a
  // subdomain (E27: optional, but a server may require it and refuse before it looks any further).
  add({
    id: 'create.400', operationId: 'CreateSIPControlApp', description: 'a request to create a SIP control app with a name of 256 characters', state: STATES.canCreate,
    path: { none: true }, auth: 'valid', json: { name: fromState('${longName}', `sct-20240101000000-abcdef-${'x'.repeat(256 - 26)}`), subdomain: fromState('${subdomain}', 'sct-20240101000000-abcdef-s2') },
    status: 400, statusMatch: 'clientError', rule: 'page: name [1 .. 255] characters; ERRATA E05 (any 4xx)',
  });
  add({
    id: 'create.404', operationId: 'CreateSIPControlApp', description: 'a request to create a SIP control app with an unknown outbound voice profile', state: STATES.unknownOvp,
    path: { none: true }, auth: 'valid', json: requestFromState('CreateSIPControlApp', { name: 'string', subdomain: 'string', outbound_voice_profile: unknown }),
    status: 404, statusMatch: 'clientError', rule: 'page: Create 404; ERRATA E22, E66 (any 4xx; --strict: 404)',
  });
  add({
    id: 'create.401', operationId: 'CreateSIPControlApp', description: 'a request to create a SIP control app with an invalid token', state: STATES.canCreate,
    path: { none: true }, auth: 'invalid', json: requestFromState('CreateSIPControlApp', { name: 'string', subdomain: 'string' }), status: 401, statusMatch: UNAUTHENTICATED, rule: 'page: Create 401',
  });

  // ── Get
  add({ id: 'get.200', operationId: 'GetSIPControlAppByUUID', description: 'a request for an app', state: STATES.appExists, path: { uuid: 'state' }, auth: 'valid', status: 200, rule: 'page: Get 200' });
  add({ id: 'get.404', operationId: 'GetSIPControlAppByUUID', description: 'a request for an unknown app', state: STATES.noApp, path: { uuid: 'state' }, auth: 'valid', status: 404, rule: 'page: Get 404' });
  add({
    id: 'get.400', operationId: 'GetSIPControlAppByUUID', description: 'a request for an app by a malformed uuid', path: { literal: 'not-a-uuid' }, auth: 'valid',
    status: 400, statusMatch: 'clientError', rule: 'page: uuid pattern; ERRATA E24 (any 4xx)',
  });
  add({ id: 'get.401', operationId: 'GetSIPControlAppByUUID', description: 'a request for an app with an invalid token', path: { literal: unknown }, auth: 'invalid', status: 401, statusMatch: UNAUTHENTICATED, rule: 'ERRATA E13' });

  // ── Modify
  add({
    id: 'modify.200', operationId: 'ModifySIPControlApp', description: 'a request to modify an app', state: STATES.appExists, path: { uuid: 'state' }, auth: 'valid',
    json: requestFromState('ModifySIPControlApp'), status: 200, rule: 'page: Modify 200',
  });
  add({
    id: 'modify.400', operationId: 'ModifySIPControlApp', description: 'a request to modify an app with an empty name', state: STATES.appExists, path: { uuid: 'state' }, auth: 'valid',
    json: { name: '' }, status: 400, statusMatch: 'clientError', rule: 'page: name [1 .. 255] characters; ERRATA E05',
  });
  add({ id: 'modify.404', operationId: 'ModifySIPControlApp', description: 'a request to modify an unknown app', state: STATES.noApp, path: { uuid: 'state' }, auth: 'valid', json: { is_active: true }, status: 404, rule: 'page: Modify 404' });
  add({ id: 'modify.401', operationId: 'ModifySIPControlApp', description: 'a request to modify an app with an invalid token', path: { literal: unknown }, auth: 'invalid', json: { is_active: true }, status: 401, statusMatch: UNAUTHENTICATED, rule: 'page: Modify 401' });

  // ── TN leases
  add({ id: 'leases.200', operationId: 'GetSIPControlAppTNLeasesList', description: "a request for an app's TN leases", state: STATES.appWithLeases, path: { uuid: 'state' }, auth: 'valid', status: 200, rule: 'page: TN lease list 200' });
  add({ id: 'leases.404', operationId: 'GetSIPControlAppTNLeasesList', description: "a request for an unknown app's TN leases", state: STATES.noApp, path: { uuid: 'state' }, auth: 'valid', status: 404, rule: 'page: TN lease list 404' });
  add({ id: 'leases.401', operationId: 'GetSIPControlAppTNLeasesList', description: "a request for an app's TN leases with an invalid token", path: { literal: unknown }, auth: 'invalid', status: 401, statusMatch: UNAUTHENTICATED, rule: 'page: TN lease list 401' });
  add({
    id: 'assign.200', operationId: 'AssignTNLeasesToSIPControlApp', description: 'a request to assign a TN lease to an app', state: STATES.appAndFreeLease, path: { uuid: 'state' }, auth: 'valid',
    json: { add: [fromState('${lease}', String((pageRequestExample('AssignTNLeasesToSIPControlApp').add as unknown[] | undefined)?.[0] ?? unknown))] },
    status: 200, rule: 'page: Assign 200; ERRATA E33',
  });
  add({
    id: 'assign.400', operationId: 'AssignTNLeasesToSIPControlApp', description: 'a request to assign a malformed TN lease uuid to an app', state: STATES.appExists, path: { uuid: 'state' }, auth: 'valid',
    json: { add: ['not-a-uuid'] }, status: 400, statusMatch: 'clientError', rule: 'page: uuid pattern; ERRATA E05',
  });
  // E17: a body with empty lists may itself be refused, so the request names a lease (an unknown one,
  // like the suite's: E21 lets a server refuse that first, with any 4xx).
  add({ id: 'assign.404', operationId: 'AssignTNLeasesToSIPControlApp', description: 'a request to assign TN leases to an unknown app', state: STATES.noApp, path: { uuid: 'state' }, auth: 'valid', json: { add: [unknown] }, status: 404, statusMatch: 'clientError', rule: 'page: Assign 404; ERRATA E17, E21 (any 4xx)' });
  add({ id: 'assign.401', operationId: 'AssignTNLeasesToSIPControlApp', description: 'a request to assign TN leases with an invalid token', path: { literal: unknown }, auth: 'invalid', json: { add: [unknown] }, status: 401, statusMatch: UNAUTHENTICATED, rule: 'page: Assign 401' });

  // ── Remove
  add({ id: 'remove.200', operationId: 'RemoveSIPControlAppByUUID', description: 'a request to remove an app', state: STATES.appExists, path: { uuid: 'state' }, auth: 'valid', status: 200, rule: 'page: Remove 200' });
  add({ id: 'remove.409', operationId: 'RemoveSIPControlAppByUUID', description: 'a request to remove an app that holds TN leases', state: STATES.appWithLeases, path: { uuid: 'state' }, auth: 'valid', status: 409, rule: 'page: Remove 409; ERRATA E19', pending: 'ERRATA E19: a server may instead release the leases and answer 200' });
  add({ id: 'remove.404', operationId: 'RemoveSIPControlAppByUUID', description: 'a request to remove an unknown app', state: STATES.noApp, path: { uuid: 'state' }, auth: 'valid', status: 404, rule: 'page: Remove 404' });
  add({ id: 'remove.401', operationId: 'RemoveSIPControlAppByUUID', description: 'a request to remove an app with an invalid token', path: { literal: unknown }, auth: 'invalid', status: 401, statusMatch: UNAUTHENTICATED, rule: 'ERRATA E13' });

  // ── Call flow
  add({ id: 'callflow.200', operationId: 'ExecuteSIPControlAppCallExecuteCallFlow', description: 'a call flow for a live call', state: STATES.liveCall, path: { uuid: 'state' }, auth: 'valid', xml: exampleCallFlow(), status: 200, rule: 'page: Call 200; ERRATA E07 (raw XML)', pending: RAW_XML_PENDING });
  add({
    id: 'callflow.400', operationId: 'ExecuteSIPControlAppCallExecuteCallFlow', description: 'a call flow that breaks the call-flow schema for a live call', state: STATES.liveCall, path: { uuid: 'state' }, auth: 'valid',
    xml: brokenCallFlow(), status: 400, statusMatch: 'clientError', rule: 'ERRATA E60 (any 4xx)',
  });
  add({ id: 'callflow.404', operationId: 'ExecuteSIPControlAppCallExecuteCallFlow', description: 'a call flow for an unknown call', state: STATES.noCall, path: { uuid: 'state' }, auth: 'valid', xml: exampleCallFlow(), status: 404, rule: 'page: Call 404', pending: RAW_XML_PENDING });
  add({ id: 'callflow.401', operationId: 'ExecuteSIPControlAppCallExecuteCallFlow', description: 'a call flow with an invalid token', path: { literal: unknown }, auth: 'invalid', xml: exampleCallFlow(), status: 401, statusMatch: UNAUTHENTICATED, rule: 'ERRATA E13', pending: RAW_XML_PENDING });
  return out;
}

/** The path of an interaction: a Pact template (provider-state uuid) and its example value. */
export function pathOf(i: ContractInteraction): { template: string | ReturnType<typeof fromProviderState>; example: string } {
  const template = OPERATIONS[i.operationId].path;
  if ('none' in i.path) return { template, example: template };
  if ('literal' in i.path) {
    const p = operationPath(i.operationId, i.path.literal);
    return { template: p, example: p };
  }
  const example = operationPath(i.operationId, exampleUuid());
  return { template: fromState(template.replace('{uuid}', '${uuid}'), example), example };
}

/** Request headers of an interaction (token as a type matcher, so any provider token fits). */
export function headersOf(i: ContractInteraction): Record<string, unknown> {
  const headers: Record<string, unknown> = {
    'X-Auth-Token': i.auth === 'valid' ? like(EXAMPLE_TOKEN) : INVALID_TOKEN,
  };
  if (i.xml !== undefined) headers['Content-Type'] = 'application/xml';
  return headers;
}

/** The response: status (or status matcher), JSON content type, body derived from the spec. */
export function responseOf(i: ContractInteraction): { status: number; statusMatch?: StatusMatch; headers: Record<string, unknown>; body: unknown } {
  return {
    status: i.status,
    statusMatch: i.statusMatch,
    headers: { 'Content-Type': regex('^application/json(;.*)?$', 'application/json; charset=utf-8') },
    body: responseMatcher(i.operationId, i.status),
  };
}
