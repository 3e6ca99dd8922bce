/**
 * The fault catalogue: each entry is ONE realistic deviation a real implementation
 * could ship, expressed through the server's hook points only:
 *   - `behaviour`: request-phase switches read by handlers (behaviour.ts),
 *   - `respond`:   a response transformer applied to every answer,
 *   - `timing`:    per-operation slowness.
 * `caughtBy` names the normative check (src/checks/catalogue.ts) whose rule the fault breaks.
 */
import type { CheckName } from '../checks/catalogue.ts';
import type { OperationId } from '../spec/operations.ts';
import type { AuthFailure, AuthVerdict } from './auth.ts';
import type { BehaviourPatch } from './behaviour.ts';
import {
  APP_OPERATIONS,
  LEASE_OPERATIONS,
  errorBody,
  mapPayloadObjects,
  payloadOf,
  withPayload,
  type ResponseContext,
} from './respond.ts';
import { UUID_RE, newUuid } from './util.ts';

export interface FaultSpec {
  name: string;
  category: string;
  /** One line: what it breaks. */
  description: string;
  caughtBy: CheckName;
  /**
   * The mode that catches it: `default` (the page's rules), or `strict` for a fault that only
   * breaks a rule --strict pins (ERRATA E77: types and enums inside the trunk settings). Default: `default`.
   */
  mode?: 'default' | 'strict';
  /**
   * No hand-written case meets the situation: only the generated suite (properties and
   * model-based sequences) can catch it. The kill matrix proves both halves of the claim.
   */
  generatedOnly?: boolean;
}

export type Timing = 'delay' | 'hang';

export interface FaultDefinition extends FaultSpec {
  behaviour?: BehaviourPatch;
  respond?: (ctx: ResponseContext) => ResponseContext;
  timing?: (operation: OperationId | null) => Timing | undefined;
}

export const FAULT_CATEGORIES = [
  'envelope',
  'status',
  'auth',
  'limits',
  'types',
  'uuid',
  'references',
  'persistence',
  'leases',
  'isolation',
  'callflow',
  'schema',
  'slowness',
] as const;

type Obj = Record<string, unknown>;
const is2xx = (c: ResponseContext) => c.status >= 200 && c.status <= 299;
const isError = (c: ResponseContext) => c.status >= 400;
const on = (op: OperationId, fn: (c: ResponseContext) => ResponseContext) => (c: ResponseContext) =>
  c.operation === op ? fn(c) : c;
const statusOnSuccess = (op: OperationId, status: number) =>
  on(op, (c) => (is2xx(c) ? { ...c, status } : c));
const accept = (reason: AuthFailure) =>
  (v: AuthVerdict): AuthVerdict => (!v.ok && v.reason === reason && v.claimed ? { ok: true, account: v.claimed } : v);
const appOps = (fn: (c: ResponseContext) => ResponseContext) => (c: ResponseContext) =>
  c.operation !== null && APP_OPERATIONS.has(c.operation) ? fn(c) : c;
const upperUuid = (s: string) => s.toUpperCase();
const noDashUuid = () => newUuid().replace(/-/g, '');

export const FAULTS: readonly FaultDefinition[] = [
  // ── envelope and content type ────────────────────────────────────────────
  {
    name: 'error-content-type-html',
    category: 'envelope',
    description: 'Error answers are labelled text/html (the framework default error page type) though the body is JSON.',
    caughtBy: 'content-type',
    respond: (c) => (isError(c) ? { ...c, contentType: 'text/html; charset=utf-8' } : c),
  },
  {
    name: 'list-content-type-text-plain',
    category: 'envelope',
    description: 'List is answered with Content-Type text/plain.',
    caughtBy: 'content-type',
    respond: on('ListSIPControlApps', (c) => ({ ...c, contentType: 'text/plain; charset=utf-8' })),
  },
  {
    name: 'success-as-string',
    category: 'envelope',
    description: 'Successful answers carry success: "true" (a string) instead of the boolean.',
    caughtBy: 'envelope',
    respond: (c) => (is2xx(c) && typeof c.body === 'object' ? { ...c, body: { ...(c.body as Obj), success: 'true' } } : c),
  },
  {
    name: 'create-missing-payload',
    category: 'envelope',
    description: 'Create answers {success: true} without the payload.',
    caughtBy: 'envelope',
    respond: on('CreateSIPControlApp', (c) => (is2xx(c) ? { ...c, body: { success: true } } : c)),
  },
  {
    name: 'error-without-message',
    category: 'envelope',
    description: 'Error envelopes omit message.',
    caughtBy: 'envelope',
    respond: (c) => (isError(c) ? { ...c, body: { success: false, status: c.status } } : c),
  },
  {
    name: 'not-found-success-true',
    category: 'envelope',
    description: '404 answers say success: true.',
    caughtBy: 'envelope',
    respond: (c) => (c.status === 404 ? { ...c, body: { ...(c.body as Obj), success: true } } : c),
  },
  // ── status codes ─────────────────────────────────────────────────────────
  {
    name: 'create-202',
    category: 'status',
    description: 'Create answers 202 Accepted (as if provisioning were asynchronous).',
    caughtBy: 'status-code',
    respond: statusOnSuccess('CreateSIPControlApp', 202),
  },
  {
    name: 'modify-201',
    category: 'status',
    description: 'Modify answers 201 Created.',
    caughtBy: 'status-code',
    respond: statusOnSuccess('ModifySIPControlApp', 201),
  },
  {
    name: 'remove-204-no-body',
    category: 'status',
    description: 'Remove answers 204 No Content with no body instead of 200 with the removed app.',
    caughtBy: 'status-code',
    respond: on('RemoveSIPControlAppByUUID', (c) => (is2xx(c) ? { ...c, status: 204, body: undefined } : c)),
  },
  {
    name: 'assign-leases-201',
    category: 'status',
    description: 'Assign TN leases answers 201 Created.',
    caughtBy: 'status-code',
    respond: statusOnSuccess('AssignTNLeasesToSIPControlApp', 201),
  },
  {
    name: 'callflow-202',
    category: 'status',
    description: 'Execute call flow answers 202 Accepted instead of 200.',
    caughtBy: 'status-code',
    respond: statusOnSuccess('ExecuteSIPControlAppCallExecuteCallFlow', 202),
  },
  {
    name: 'get-unknown-200-null',
    category: 'status',
    description: 'Get of an unknown app answers 200 with payload null.',
    caughtBy: 'unknown-uuid-not-found',
    respond: on('GetSIPControlAppByUUID', (c) => (c.status === 404 ? { ...c, status: 200, body: { success: true, payload: null } } : c)),
  },
  {
    name: 'list-500',
    category: 'status',
    description: 'List fails with 500 Internal Server Error.',
    caughtBy: 'no-server-error',
    respond: on('ListSIPControlApps', (c) => (is2xx(c) ? { ...c, status: 500, body: errorBody(500, 'Internal Server Error') } : c)),
  },
  {
    name: 'remove-with-leases-500',
    category: 'status',
    description: 'Removing an app that still holds leases surfaces the foreign-key violation as 500 instead of 409.',
    caughtBy: 'no-server-error',
    behaviour: { removeWithLeases: 'crash' },
  },
  // ── authentication ───────────────────────────────────────────────────────
  {
    name: 'get-without-token',
    category: 'auth',
    description: 'Get answers without any token (the route was left out of the auth guard).',
    caughtBy: 'auth-required',
    behaviour: { anonymous: new Set<OperationId>(['GetSIPControlAppByUUID']) },
  },
  {
    name: 'callflow-without-token',
    category: 'auth',
    description: 'Execute call flow answers without any token.',
    caughtBy: 'auth-required',
    behaviour: { anonymous: new Set<OperationId>(['ExecuteSIPControlAppCallExecuteCallFlow']) },
  },
  {
    name: 'accepts-alg-none',
    category: 'auth',
    description: 'Unsigned tokens (alg: none) are accepted.',
    caughtBy: 'auth-required',
    behaviour: { judgeToken: accept('alg-none') },
  },
  {
    name: 'accepts-expired',
    category: 'auth',
    description: 'Expired tokens are accepted (exp is not checked).',
    caughtBy: 'auth-required',
    behaviour: { judgeToken: accept('expired') },
  },
  {
    name: 'signature-not-verified',
    category: 'auth',
    description: 'Token signatures are not verified: tampered and wrongly signed tokens are accepted.',
    caughtBy: 'auth-required',
    behaviour: { judgeToken: accept('bad-signature') },
  },
  {
    name: 'list-garbage-token-200',
    category: 'auth',
    description: 'List answers 200 with an empty list to a token that is not a JWT at all.',
    caughtBy: 'auth-required',
    respond: on('ListSIPControlApps', (c) => (c.authFailure === 'malformed' ? { ...c, status: 200, body: { success: true, payload: [] } } : c)),
  },
  {
    name: 'garbage-token-500',
    category: 'auth',
    description: 'A token that is not a JWT crashes the auth guard (500 instead of 401).',
    caughtBy: 'auth-required',
    behaviour: {
      judgeToken: (v) => {
        if (!v.ok && v.reason === 'malformed') throw new Error('Cannot read properties of undefined (reading "sub")');
        return v;
      },
    },
  },
  // ── length limits ────────────────────────────────────────────────────────
  {
    name: 'name-256-accepted',
    category: 'limits',
    description: 'name of 256 characters is accepted (off-by-one upper bound).',
    caughtBy: 'length-limits',
    behaviour: { nameLimits: [1, 256] },
  },
  {
    name: 'name-1-refused',
    category: 'limits',
    description: 'name of 1 character is refused (minimum taken as 2).',
    caughtBy: 'length-limits',
    behaviour: { nameLimits: [2, 255] },
  },
  {
    name: 'empty-name-accepted',
    category: 'limits',
    description: 'An empty name is accepted (no lower bound).',
    caughtBy: 'length-limits',
    behaviour: { nameLimits: [0, 255] },
  },
  {
    name: 'name-counts-bytes',
    category: 'limits',
    description: 'Lengths are counted in UTF-8 bytes: a 255-character multibyte name is refused.',
    caughtBy: 'length-limits',
    behaviour: { measure: (s) => Buffer.byteLength(s, 'utf8') },
  },
  {
    name: 'subdomain-2-accepted',
    category: 'limits',
    description: 'subdomain of 2 characters is accepted (minimum taken as 2).',
    caughtBy: 'length-limits',
    behaviour: { subdomainLimits: [2, 255] },
  },
  {
    name: 'subdomain-3-refused',
    category: 'limits',
    description: 'subdomain of 3 characters is refused (minimum taken as 4).',
    caughtBy: 'length-limits',
    behaviour: { subdomainLimits: [4, 255] },
  },
  {
    name: 'subdomain-256-accepted',
    category: 'limits',
    description: 'subdomain of 256 characters is accepted (off-by-one upper bound).',
    caughtBy: 'length-limits',
    behaviour: { subdomainLimits: [3, 256] },
  },
  {
    name: 'modify-skips-limits',
    category: 'limits',
    description: 'Modify does not check length limits: a 256-character name is accepted on PATCH.',
    caughtBy: 'length-limits',
    behaviour: { limitsOnModify: false },
  },
  // ── types ────────────────────────────────────────────────────────────────
  {
    name: 'is-active-string-accepted',
    category: 'types',
    description: 'is_active "yes" is accepted and read as true.',
    caughtBy: 'input-validation',
    behaviour: { lenientBoolean: true },
  },
  {
    name: 'name-number-coerced',
    category: 'types',
    description: 'A numeric name is accepted and stored as its string.',
    caughtBy: 'input-validation',
    behaviour: { coerceName: true },
  },
  {
    name: 'malformed-json-500',
    category: 'types',
    description: 'A body that is not JSON is answered 500 instead of 400.',
    caughtBy: 'input-validation',
    behaviour: { malformedJsonStatus: 500 },
  },
  {
    name: 'non-object-body-500',
    category: 'types',
    description: 'A JSON body that is not an object (array, string, null) crashes the handler (500).',
    caughtBy: 'input-validation',
    behaviour: { nonObjectBodyCrashes: true },
  },
  {
    name: 'malformed-reference-500',
    category: 'types',
    description: 'A malformed outbound_voice_profile uuid reaches the database and fails there (500).',
    caughtBy: 'input-validation',
    behaviour: { malformedReferenceCrashes: true },
  },
  // ── uuid format ──────────────────────────────────────────────────────────
  {
    name: 'uppercase-uuids',
    category: 'uuid',
    description: 'New apps get upper-case uuids (and upper-case path uuids are looked up).',
    caughtBy: 'uuid-format',
    behaviour: { mintUuid: () => upperUuid(newUuid()), pathUuidValid: (s) => UUID_RE.test(s.toLowerCase()), pathUuidCaseInsensitive: true },
  },
  {
    name: 'uuid-without-dashes',
    category: 'uuid',
    description: 'New apps get 32-hex uuids without dashes.',
    caughtBy: 'uuid-format',
    behaviour: { mintUuid: noDashUuid, pathUuidValid: (s) => UUID_RE.test(s) || /^[0-9a-f]{32}$/.test(s) },
  },
  {
    name: 'malformed-path-uuid-500',
    category: 'uuid',
    description: 'A path uuid that breaks the pattern reaches the database and fails there (500).',
    caughtBy: 'malformed-uuid-rejected',
    behaviour: { malformedPathCrashes: true },
  },
  {
    name: 'malformed-path-uuid-200-null',
    category: 'uuid',
    description: 'Get does not validate its path uuid: a malformed one answers 200 with payload null.',
    caughtBy: 'malformed-uuid-rejected',
    respond: on('GetSIPControlAppByUUID', (c) => {
      const segment = decodeURIComponent(c.url.split('?')[0].split('/').pop() ?? '');
      return c.status === 400 && !UUID_RE.test(segment) ? { ...c, status: 200, body: { success: true, payload: null } } : c;
    }),
  },
  // ── unknown references ───────────────────────────────────────────────────
  {
    name: 'unknown-ovp-accepted',
    category: 'references',
    description: 'An unknown outbound_voice_profile is accepted (the app is created without it).',
    caughtBy: 'unknown-reference-rejected',
    behaviour: { unknownOvp: 'accept' },
  },
  {
    name: 'unknown-lease-skipped',
    category: 'references',
    description: 'Unknown lease uuids in add are silently skipped (200).',
    caughtBy: 'unknown-reference-rejected',
    behaviour: { leases: { unknown: 'skip' } },
  },
  {
    name: 'unknown-lease-partial-apply',
    category: 'references',
    description: 'add with a known and an unknown lease answers 404 but has already assigned the known one.',
    caughtBy: 'unknown-reference-rejected',
    behaviour: { leases: { unknown: 'partial' } },
  },
  // ── persistence / read-after-write ───────────────────────────────────────
  {
    name: 'create-drops-subdomain',
    category: 'persistence',
    description: 'Create does not store subdomain (it comes back null).',
    caughtBy: 'read-after-write',
    behaviour: { createDrops: ['subdomain'] },
  },
  {
    name: 'modify-ignores-name',
    category: 'persistence',
    description: 'Modify does not apply name.',
    caughtBy: 'read-after-write',
    behaviour: { modifyIgnores: ['name'] },
  },
  {
    name: 'patch-resets-omitted',
    category: 'persistence',
    description: 'PATCH behaves as PUT: omitted fields go back to their defaults.',
    caughtBy: 'read-after-write',
    behaviour: { modifyReplaces: true },
  },
  {
    name: 'trunk-settings-not-stored',
    category: 'persistence',
    description: 'class4_egress_trunk_settings are validated but not stored (defaults come back).',
    caughtBy: 'read-after-write',
    behaviour: { storeTrunkSettings: false },
  },
  {
    name: 'is-active-default-false',
    category: 'persistence',
    description: 'An app created without is_active comes back inactive.',
    caughtBy: 'default-values',
    behaviour: { isActiveDefault: false },
  },
  {
    name: 'list-omits-newest',
    category: 'persistence',
    description: 'List drops its last (newest) app: an off-by-one in the page slice.',
    caughtBy: 'listed-after-create',
    respond: on('ListSIPControlApps', (c) => {
      const p = payloadOf(c);
      return is2xx(c) && Array.isArray(p) ? withPayload(c, p.slice(0, -1)) : c;
    }),
  },
  {
    name: 'list-duplicates',
    category: 'persistence',
    description: 'List repeats every app once per assigned lease plus one (an unaggregated join).',
    caughtBy: 'listed-after-create',
    respond: on('ListSIPControlApps', (c) => {
      const p = payloadOf(c);
      if (!is2xx(c) || !Array.isArray(p)) return c;
      return withPayload(c, p.flatMap((app: Obj) => [app, ...(Array.isArray(app.tnleases) ? app.tnleases : []).map(() => app), app]));
    }),
  },
  {
    name: 'list-replica-lag',
    category: 'persistence',
    description: 'List reads a lagging replica: apps created in the last minute are missing.',
    caughtBy: 'listed-after-create',
    respond: on('ListSIPControlApps', (c) => {
      const p = payloadOf(c);
      if (!is2xx(c) || !Array.isArray(p)) return c;
      const cutoff = Date.now() - 60_000;
      return withPayload(c, p.filter((app: Obj) => Date.parse(String(app.created_on)) < cutoff));
    }),
  },
  {
    name: 'modify-keeps-modified-on',
    category: 'persistence',
    description: 'Modify changes the app but leaves modified_on at its creation time.',
    caughtBy: 'modified-on-advances',
    behaviour: { touchModifiedOn: false },
  },
  {
    name: 'remove-does-not-delete',
    category: 'persistence',
    description: 'Remove answers 200 but the app stays (get, list and a second remove still find it).',
    caughtBy: 'not-found-after-remove',
    behaviour: { removeDeletes: false },
  },
  {
    name: 'get-after-remove-200',
    category: 'persistence',
    description: 'Remove is a soft delete that Get ignores: a removed app is still answered 200.',
    caughtBy: 'not-found-after-remove',
    behaviour: { removedStaysReadable: true },
  },
  // ── lease semantics ──────────────────────────────────────────────────────
  {
    name: 'assign-ignored',
    category: 'leases',
    description: 'add is validated but not applied.',
    caughtBy: 'lease-assignment',
    behaviour: { leases: { applyAdd: false } },
  },
  {
    name: 'lease-remove-ignored',
    category: 'leases',
    description: 'remove is validated but not applied.',
    caughtBy: 'lease-assignment',
    behaviour: { leases: { applyRemove: false } },
  },
  {
    name: 'lease-list-shows-all',
    category: 'leases',
    description: "The app's lease list shows every lease of the account.",
    caughtBy: 'lease-assignment',
    behaviour: { leases: { listAll: true } },
  },
  {
    name: 'assign-duplicates',
    category: 'leases',
    description: 'Assigning an already assigned lease lists it twice.',
    caughtBy: 'lease-assignment',
    behaviour: { leases: { dedupe: false } },
  },
  {
    name: 'lease-not-moved',
    category: 'leases',
    description: "A lease assigned to a second app stays in the first app's list too.",
    caughtBy: 'lease-assignment',
    behaviour: { leases: { move: false } },
  },
  {
    name: 'app-tnleases-stale',
    category: 'leases',
    description: "Get serves the app from a cache lease assignments never invalidate: its tnleases stay as created (empty) while the lease list changes.",
    caughtBy: 'app-tnleases-match',
    respond: on('GetSIPControlAppByUUID', (c) => mapPayloadObjects(c, (o) => ({ ...o, tnleases: [] }))),
  },
  {
    name: 'lease-back-reference-wrong',
    category: 'leases',
    description: "In lease lists, a lease's sip_control_app carries its TN order's uuid (a column mix-up in the join), not the app's.",
    caughtBy: 'lease-back-reference',
    respond: (c) =>
      c.operation !== null && LEASE_OPERATIONS.has(c.operation)
        ? mapPayloadObjects(c, (o) => {
          const app = o.sip_control_app as Obj | null | undefined;
          const order = o.tnorder as Obj | null | undefined;
          return app && typeof app.uuid === 'string' && order && typeof order.uuid === 'string' ? { ...o, sip_control_app: { ...app, uuid: order.uuid } } : o;
        })
        : c,
  },
  {
    name: 'lease-remove-unscoped',
    category: 'leases',
    description: 'remove releases a lease from whichever app holds it, not only from the app in the path.',
    caughtBy: 'lease-remove-scoped',
    behaviour: { leases: { removeUnscoped: true } },
  },
  // ── account isolation ────────────────────────────────────────────────────
  {
    name: 'cross-account-get',
    category: 'isolation',
    description: "Get does not scope by account: B reads A's app.",
    caughtBy: 'cross-account-isolation',
    behaviour: { crossAccount: new Set<OperationId>(['GetSIPControlAppByUUID']) },
  },
  {
    name: 'cross-account-list',
    category: 'isolation',
    description: "List does not scope by account: B's list includes A's apps.",
    caughtBy: 'cross-account-isolation',
    behaviour: { crossAccount: new Set<OperationId>(['ListSIPControlApps']) },
  },
  {
    name: 'cross-account-patch',
    category: 'isolation',
    description: "Modify does not scope by account: B changes A's app.",
    caughtBy: 'cross-account-isolation',
    behaviour: { crossAccount: new Set<OperationId>(['ModifySIPControlApp']) },
  },
  {
    name: 'cross-account-delete',
    category: 'isolation',
    description: "Remove does not scope by account: B deletes A's app.",
    caughtBy: 'cross-account-isolation',
    behaviour: { crossAccount: new Set<OperationId>(['RemoveSIPControlAppByUUID']) },
  },
  {
    name: 'cross-account-lease',
    category: 'isolation',
    description: "The lease routes do not scope the app by account: B lists and assigns leases on A's app.",
    caughtBy: 'cross-account-isolation',
    behaviour: { crossAccount: new Set<OperationId>(['AssignTNLeasesToSIPControlApp', 'GetSIPControlAppTNLeasesList']) },
  },
  // ── call-flow handling ───────────────────────────────────────────────────
  {
    name: 'callflow-broken-accepted',
    category: 'callflow',
    description: 'Call-flow XML is not validated: broken documents are answered 200.',
    caughtBy: 'callflow-rejected',
    behaviour: { callflow: 'none' },
  },
  {
    name: 'callflow-unknown-verb-accepted',
    category: 'callflow',
    description: 'Call-flow XML is only checked for well-formedness: unknown verbs are answered 200.',
    caughtBy: 'callflow-rejected',
    behaviour: { callflow: 'well-formed-only' },
  },
  {
    name: 'callflow-valid-rejected',
    category: 'callflow',
    description: 'Every call-flow document is refused with 400, valid ones included.',
    caughtBy: 'callflow-accepted',
    behaviour: { callflow: 'reject-all' },
  },
  {
    name: 'callflow-multipart-500',
    category: 'callflow',
    description: 'A multipart upload crashes the call-flow route (500).',
    caughtBy: 'callflow-accepted',
    behaviour: { multipartCrashes: true },
  },
  {
    name: 'unknown-call-200',
    category: 'callflow',
    description: 'Executing a call flow on an unknown call uuid answers 200 with a made-up call.',
    caughtBy: 'unknown-uuid-not-found',
    behaviour: { unknownCallFound: true },
  },
  // ── schema drift in nested objects ───────────────────────────────────────
  {
    name: 'created-on-not-date',
    category: 'schema',
    description: "Apps' created_on is rendered with Date#toString() instead of ISO 8601.",
    caughtBy: 'response-schema',
    respond: appOps((c) => mapPayloadObjects(c, (o) => ({ ...o, created_on: new Date(String(o.created_on)).toString() }))),
  },
  {
    name: 'call-channel-stub',
    category: 'schema',
    description: "The call answer's channel is a stub holding only its uuid (FreeSWITCH's required fields missing).",
    caughtBy: 'response-schema',
    respond: on('ExecuteSIPControlAppCallExecuteCallFlow', (c) =>
      mapPayloadObjects(c, (o) => ({ ...o, channel: { uuid: (o.channel as Obj | undefined)?.uuid } })),
    ),
  },
  {
    name: 'lease-uuid-numeric',
    category: 'schema',
    description: "Lease lists render each lease's uuid as its numeric database id.",
    caughtBy: 'response-schema',
    respond: (c) =>
      c.operation !== null && LEASE_OPERATIONS.has(c.operation)
        ? mapPayloadObjects(c, (o) => ({ ...o, uuid: Number((o.tn as Obj | undefined)?.class4_did_id ?? 0) }))
        : c,
  },
  {
    name: 'ovp-relation-uuid-uppercase',
    category: 'schema',
    description: "The outbound_voice_profile relation inside apps carries an upper-case uuid.",
    caughtBy: 'uuid-format',
    respond: appOps((c) =>
      mapPayloadObjects(c, (o) => {
        const ovp = o.outbound_voice_profile as Obj | null | undefined;
        return ovp && typeof ovp.uuid === 'string' ? { ...o, outbound_voice_profile: { ...ovp, uuid: ovp.uuid.toUpperCase() } } : o;
      }),
    ),
  },
  {
    name: 'tnleases-not-array',
    category: 'schema',
    description: "Apps' tnleases is an object keyed by lease uuid instead of an array.",
    caughtBy: 'response-schema',
    respond: appOps((c) =>
      mapPayloadObjects(c, (o) => ({
        ...o,
        tnleases: Object.fromEntries((Array.isArray(o.tnleases) ? (o.tnleases as Obj[]) : []).map((l) => [String(l.uuid), l])),
      })),
    ),
  },
  {
    name: 'get-payload-array',
    category: 'schema',
    description: 'Get wraps the app in a one-element array.',
    caughtBy: 'response-schema',
    respond: on('GetSIPControlAppByUUID', (c) => (is2xx(c) ? withPayload(c, [payloadOf(c)]) : c)),
  },
  // ── slowness ─────────────────────────────────────────────────────────────
  {
    name: 'slow-get',
    category: 'slowness',
    description: 'Get answers only after faultDelayMs (default 3 s).',
    caughtBy: 'response-time',
    timing: (op) => (op === 'GetSIPControlAppByUUID' ? 'delay' : undefined),
  },
  {
    name: 'slow-create',
    category: 'slowness',
    description: 'Create answers only after faultDelayMs (default 3 s).',
    caughtBy: 'response-time',
    timing: (op) => (op === 'CreateSIPControlApp' ? 'delay' : undefined),
  },
  {
    name: 'list-never-answers',
    category: 'slowness',
    description: 'List never answers (the connection stays open).',
    caughtBy: 'response-time',
    timing: (op) => (op === 'ListSIPControlApps' ? 'hang' : undefined),
  },
  // ── found by generation only (suites/generated.ts): situations no hand-written case sets up ──
  {
    name: 'empty-codecs-500',
    category: 'types',
    description: 'Trunk settings with an empty codecs list crash the handler (codecs[0].toUpperCase()): a valid, unusual body answered 500.',
    caughtBy: 'no-server-error',
    generatedOnly: true,
    behaviour: { trunkCrashes: (s) => Array.isArray(s.codecs) && s.codecs.length === 0 },
  },
  {
    name: 'combining-name-500',
    category: 'types',
    description: 'A name holding a combining mark (U+0300–U+036F) crashes the slug routine: a valid name answered 500.',
    caughtBy: 'no-server-error',
    generatedOnly: true,
    behaviour: { nameCrashes: (name) => /[\u0300-\u036f]/.test(name) },
  },
  {
    name: 'modify-bad-enum-500',
    category: 'types',
    description: 'Modify maps trunk enum values through a lookup table before validating: an unknown value answers 500 (create gives 400).',
    caughtBy: 'no-server-error',
    generatedOnly: true,
    behaviour: { modifyEnumCrashes: true },
  },
  {
    name: 'trunk-types-unchecked',
    category: 'types',
    description: 'Trunk settings are checked for enum values only: a string for pdd or a number for codecs is stored as sent (the page states no type inside them, E77).',
    caughtBy: 'nested-input-validation',
    mode: 'strict',
    generatedOnly: true,
    behaviour: { trunkTypesChecked: false },
  },
  {
    name: 'astral-chars-replaced',
    category: 'limits',
    description: 'Names are stored in a 3-byte UTF-8 column (MySQL utf8mb3): characters outside the BMP come back as "?".',
    caughtBy: 'read-after-write',
    generatedOnly: true,
    behaviour: { storeName: (name) => name.replace(/[\u{10000}-\u{10ffff}]/gu, '?') },
  },
  {
    name: 'name-truncated-utf16',
    category: 'limits',
    description: 'Limits are checked in code points but names are stored in NVARCHAR(255), which counts UTF-16 units: a 255-character name with astral characters is accepted and cut short.',
    caughtBy: 'read-after-write',
    generatedOnly: true,
    behaviour: { storeName: (name) => name.slice(0, 255) },
  },
  {
    name: 'ovp-stored-only-with-trunk',
    category: 'persistence',
    description: 'Create accepts outbound_voice_profile but stores it only when trunk settings come too (the relation is saved on the trunk row).',
    caughtBy: 'read-after-write',
    generatedOnly: true,
    behaviour: { ovpNeedsTrunk: true },
  },
  {
    name: 'lease-readd-ignored',
    category: 'leases',
    description: 'A lease removed from an app cannot be assigned to that app again: the soft-deleted join row makes the insert a silent no-op.',
    caughtBy: 'lease-assignment',
    generatedOnly: true,
    behaviour: { leaseReaddIgnored: true },
  },
  {
    name: 'removed-app-keeps-leases',
    category: 'leases',
    description: "Removing an app that holds leases answers 200 (E19's release reading) but its leases stay taken: assigning one to another app is refused with 409.",
    caughtBy: 'lease-assignment',
    generatedOnly: true,
    behaviour: { removeWithLeases: 'release', removedAppsHoldLeases: true },
  },
  // ── found by the model-based suite: the state space it covers (src/generate/model.ts) ──
  {
    name: 'assign-first-add-only',
    category: 'leases',
    description: 'Assign adds only the first lease of `add` (the loop returns after its first insert) and answers 200.',
    caughtBy: 'lease-assignment',
    generatedOnly: true,
    behaviour: { leases: { addFirstOnly: true } },
  },
  {
    name: 'app-tnleases-last-only',
    category: 'leases',
    description: "An app's own tnleases shows only its newest lease (a join keeping one row per app), though its lease list shows them all.",
    caughtBy: 'app-tnleases-match',
    generatedOnly: true,
    respond: appOps((c) => mapPayloadObjects(c, (o) => (Array.isArray(o.tnleases) ? { ...o, tnleases: (o.tnleases as unknown[]).slice(-1) } : o))),
  },
  {
    name: 'modify-resets-trunk',
    category: 'persistence',
    description: 'A Modify without class4_egress_trunk_settings empties the stored settings (the trunk row is written from the body).',
    caughtBy: 'read-after-write',
    generatedOnly: true,
    behaviour: { modifyResetsTrunk: true },
  },
  {
    name: 'uppercase-write-lost',
    category: 'uuid',
    description: 'Modify finds the app by its upper-case uuid (case-insensitive lookup) and answers the change, but updates WHERE uuid = the path as sent: nothing is stored.',
    caughtBy: 'read-after-write',
    generatedOnly: true,
    behaviour: { pathUuidValid: (s) => UUID_RE.test(s.toLowerCase()), pathUuidCaseInsensitive: true, upperCaseWriteLost: true },
  },
  {
    name: 'modify-lost-update',
    category: 'persistence',
    description: 'Modify reads the app, awaits a lookup, then writes the whole row back: of two modifications at once, one is silently lost.',
    caughtBy: 'read-after-write',
    generatedOnly: true,
    behaviour: { modifyReadsThenWrites: true },
  },
  {
    name: 'remove-releases-moved-lease',
    category: 'leases',
    description: 'Removing an app releases every lease ever assigned to it (its join-row history): a lease that moved on to another app is taken from that app.',
    caughtBy: 'lease-assignment',
    generatedOnly: true,
    behaviour: { leases: { removeReleasesHistory: true } },
  },
];

export function faultByName(name: string): FaultDefinition | undefined {
  return FAULTS.find((f) => f.name === name);
}
