/**
 * The reading catalogue: each entry is ONE alternative a real implementation could
 * reasonably ship where spec/ERRATA.md leaves room, and which the reference server
 * (one reading everywhere) does not take by default. Unlike a fault, a reading must
 * NOT make the default suite fail: `test/mutation/readings.test.ts` runs the whole
 * suite against each one (no false alarms) and, where the errata pins a single
 * reading under --strict, checks that --strict does fail it (`strictFails`).
 *
 * Readings use the same hook points as faults (behaviour switches, a response
 * transformer). They are kept apart from FAULTS (faultByName never finds one);
 * `startReferenceServer({ reading })` selects one, and so does `fault: 'reading:<name>'`,
 * which is how a run (`--fault reading:<name>`) reaches them without a runner option.
 */
import type { CheckName } from '../checks/catalogue.ts';
import type { OperationId } from '../spec/operations.ts';
import type { BehaviourPatch } from './behaviour.ts';
import { APP_OPERATIONS, LEASE_OPERATIONS, mapPayloadObjects, payloadOf, withPayload, type ResponseContext } from './respond.ts';
import { UUID_RE, isPlainObject } from './util.ts';
import { TRUNK_DEFAULTS, WIDER_TRUNK_ENUMS } from './trunk.ts';

export interface ReadingSpec {
  name: string;
  /** The errata entries that allow this reading ('page silent: …' when the page simply says nothing). */
  errata: readonly string[];
  /** One line: what the server does differently from the reference. */
  description: string;
  /** Advisory checks a default run may warn about (the errata calls the difference advisory). */
  warns?: readonly CheckName[];
  /** The check --strict must fail, where the errata pins the reference's reading. */
  strictFails?: CheckName;
}

export interface ReadingDefinition extends ReadingSpec {
  behaviour?: BehaviourPatch;
  respond?: (ctx: ResponseContext) => ResponseContext;
}

/** The prefix that makes a `fault` option name a reading instead. */
export const READING_PREFIX = 'reading:';

type Obj = Record<string, unknown>;
const isObj = isPlainObject;
const is2xx = (c: ResponseContext) => c.status >= 200 && c.status <= 299;
const on = (op: OperationId, fn: (c: ResponseContext) => ResponseContext) => (c: ResponseContext) => (c.operation === op ? fn(c) : c);
const appOps = (fn: (c: ResponseContext) => ResponseContext) => (c: ResponseContext) =>
  c.operation !== null && APP_OPERATIONS.has(c.operation) ? fn(c) : c;
/** An error answer with another status; the envelope's status follows the HTTP one. */
const restatus = (c: ResponseContext, status: number): ResponseContext =>
  ({ ...c, status, body: isObj(c.body) && 'status' in c.body ? { ...c.body, status } : c.body });

/** Rebuild every object of a body, depth first (the visitor sees each object after its children). */
function deepMap(value: unknown, visit: (o: Obj) => Obj): unknown {
  if (Array.isArray(value)) return value.map((v) => deepMap(v, visit));
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) out[k] = deepMap(v, visit);
  return visit(out);
}
const deepPayload = (visit: (o: Obj) => Obj) => (c: ResponseContext): ResponseContext =>
  is2xx(c) && isObj(c.body) ? withPayload(c, deepMap(payloadOf(c), visit)) : c;

/**
 * Relations of apps and leases rendered unexpanded (E15, E47, E63, E64): leases keep only their uuid.
 * 'uuid': each relation that has a uuid becomes that bare uuid string, leases too.
 */
function unexpanded(value: unknown | 'absent' | 'uuid') {
  const set = (o: Obj, key: string): void => {
    if (!(key in o)) return;
    if (value === 'absent') delete o[key];
    else if (value === 'uuid') o[key] = isObj(o[key]) && typeof o[key].uuid === 'string' ? o[key].uuid : o[key];
    else o[key] = structuredClone(value);
  };
  const app = (o: Obj): Obj => {
    const out = { ...o };
    for (const key of ['account', 'created_by', 'modified_by', 'outbound_voice_profile']) set(out, key);
    if (Array.isArray(out.tnleases)) out.tnleases = out.tnleases.map((l) => (isObj(l) ? (value === 'uuid' ? l.uuid : { uuid: l.uuid }) : l));
    return out;
  };
  const lease = (o: Obj): Obj => {
    const out = { ...o };
    for (const key of ['account', 'created_by', 'modified_by', 'sip_control_app', 'tnorder', 'sip_connection', 'messaging_profile']) set(out, key);
    return out;
  };
  return (c: ResponseContext): ResponseContext => {
    if (c.operation !== null && APP_OPERATIONS.has(c.operation)) return mapPayloadObjects(c, app);
    if (c.operation !== null && LEASE_OPERATIONS.has(c.operation)) return mapPayloadObjects(c, lease);
    return c;
  };
}

const ISO_Z = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z$/;

/** Objects of a payload by what they are (the page's shapes have no type tag). */
const isAccount = (o: Obj) => 'level' in o && 'balance' in o;
const isUser = (o: Obj) => 'role' in o && 'email' in o;
const isOrder = (o: Obj) => 'state' in o && 'tns' in o;
const isProfile = (o: Obj) => 'filemat' in o;

export const READINGS: readonly ReadingDefinition[] = [
  // ── status codes ─────────────────────────────────────────────────────────
  {
    name: 'create-200',
    errata: ['E12'],
    description: 'Create answers 200 OK (the 2021 document lists it) instead of 201.',
    strictFails: 'status-code',
    respond: on('CreateSIPControlApp', (c) => (is2xx(c) ? { ...c, status: 200 } : c)),
  },
  {
    name: 'auth-403',
    errata: ['E03'],
    description: 'Missing and bad tokens are answered 403 (the page titles its 401 tabs "Forbidden").',
    strictFails: 'auth-required',
    respond: (c) => (c.authFailure && c.status === 401 ? restatus(c, 403) : c),
  },
  {
    name: 'validation-422',
    errata: ['E05', 'E24', 'E60'],
    description: 'Every 400 (limits, types, malformed JSON, malformed path uuid, broken call-flow XML) is 422 Unprocessable Entity.',
    strictFails: 'input-validation',
    respond: (c) => (c.status === 400 ? restatus(c, 422) : c),
  },
  {
    name: 'limits-count-utf16',
    errata: ['E26', 'E76'],
    description: 'Length limits count UTF-16 units (length in JavaScript, Java, C#): a name within 255 code points but over 255 units (characters outside the BMP) is refused.',
    strictFails: 'length-limits',
    behaviour: { measure: (s) => s.length },
  },
  {
    name: 'malformed-uuid-404',
    errata: ['E24'],
    description: 'Path uuids are not checked against the pattern: a malformed one is simply not found (404).',
    behaviour: { pathUuidValid: () => true },
  },
  {
    name: 'uppercase-path-uuid-matched',
    errata: ['E24'],
    description: "Path uuids are matched case-insensitively (a native uuid column): the upper-cased uuid of an app answers that app.",
    strictFails: 'malformed-uuid-rejected',
    behaviour: { pathUuidValid: (s) => UUID_RE.test(s.toLowerCase()), pathUuidCaseInsensitive: true },
  },
  {
    name: 'foreign-403',
    errata: ['E25'],
    description: "Another account's app is answered 403 Forbidden instead of 404.",
    strictFails: 'cross-account-isolation',
    behaviour: { foreignStatus: 403 },
  },
  {
    name: 'unknown-reference-400',
    errata: ['E21', 'E22', 'E66'],
    description: 'An unknown outbound voice profile or TN lease in a body is a 400 (a bad body), not a 404.',
    strictFails: 'unknown-reference-rejected',
    behaviour: { unknownReferenceStatus: 400 },
  },
  {
    name: 'unknown-reference-422',
    errata: ['E21', 'E22', 'E66'],
    description: 'An unknown outbound voice profile or TN lease in a body is a 422.',
    strictFails: 'unknown-reference-rejected',
    behaviour: { unknownReferenceStatus: 422 },
  },
  // ── error envelope ───────────────────────────────────────────────────────
  {
    name: 'envelope-without-status',
    errata: ['E18'],
    description: 'Error envelopes are {success: false, message} without status (the 2021 document makes it optional).',
    strictFails: 'envelope',
    respond: (c) => {
      if (c.status < 400 || !isObj(c.body)) return c;
      const { status: _status, ...rest } = c.body;
      return { ...c, body: rest };
    },
  },
  {
    name: 'envelope-404-says-401',
    errata: ['E02'],
    description: "404 envelopes carry status 401, copying the page's Create 404 example (advisory).",
    warns: ['error-status-matches'],
    strictFails: 'error-status-matches',
    respond: (c) => (c.status === 404 && isObj(c.body) ? { ...c, body: { ...c.body, status: 401 } } : c),
  },
  {
    name: 'json-without-charset',
    errata: ['E32'],
    description: 'Answers are labelled application/json without a charset parameter.',
    respond: (c) => ({ ...c, contentType: 'application/json' }),
  },
  // ── leases ───────────────────────────────────────────────────────────────
  {
    name: 'lease-taken-refused-409',
    errata: ['E20'],
    description: 'A lease another app holds is refused with 409 (nothing changes) instead of moved.',
    behaviour: { leases: { refuseTaken: 'other-app' } },
  },
  {
    name: 'lease-held-refused-409',
    errata: ['E20'],
    description: 'A lease already held by any app, this one included, is refused with 409 (a unique constraint; re-assigning is not idempotent).',
    behaviour: { leases: { refuseTaken: 'any-app' } },
  },
  {
    name: 'lease-taken-refused-422',
    errata: ['E20'],
    description: 'A lease another app holds is refused with 422 ("already assigned", as a validation error) instead of moved.',
    behaviour: { leases: { refuseTaken: 'other-app', takenStatus: 422 } },
  },
  {
    name: 'lease-change-body-first',
    errata: ['E21', 'E25'],
    description: "A lease change resolves the leases it names for the caller before the app: another account's leases are unknown references (400), answered before the app is found.",
    strictFails: 'unknown-reference-rejected',
    behaviour: { leases: { resolveBeforeApp: true }, unknownReferenceStatus: 400 },
  },
  {
    name: 'remove-releases-leases',
    errata: ['E19'],
    description: 'Removing an app that holds leases releases them and answers 200 instead of 409.',
    behaviour: { removeWithLeases: 'release' },
  },
  {
    name: 'assign-answers-changed-only',
    errata: ['E33'],
    description: "Assign answers only the leases the request named (added or removed), not the app's whole list.",
    strictFails: 'lease-assignment',
    behaviour: { leases: { answer: 'changed' } },
  },
  {
    name: 'assign-empty-refused',
    errata: ['E17'],
    description: 'An Assign body whose add and remove are both empty or absent is refused with 400 ("nothing to do"), checked with the body before the app is looked up.',
    behaviour: { leases: { refuseEmptyChange: 400 } },
  },
  {
    name: 'remove-not-held-refused',
    errata: ['E75'],
    description: 'Removing a lease the app does not hold is refused with 409 (nothing changes) instead of a no-op.',
    behaviour: { leases: { refuseRemoveNotHeld: 409 } },
  },
  // ── call-flow encoding ───────────────────────────────────────────────────
  {
    name: 'callflow-raw-only',
    errata: ['E07', 'E39'],
    description: 'Call-flow XML is taken raw (application/xml, text/xml) only; multipart is refused with 415.',
    strictFails: 'callflow-accepted',
    behaviour: { callflowEncodings: { multipart: false, raw: true, checkedFirst: false } },
  },
  {
    name: 'callflow-multipart-only',
    errata: ['E07', 'E39'],
    description: 'Call-flow XML is taken as multipart part "file" only (the 2021 document); raw XML is refused with 415.',
    behaviour: { callflowEncodings: { multipart: true, raw: false, checkedFirst: false } },
  },
  {
    name: 'callflow-raw-only-parser-first',
    errata: ['E07', 'E13'],
    description: 'Raw XML only, refused by the body parser (415) before the token and the call are looked at.',
    strictFails: 'callflow-accepted',
    behaviour: { callflowEncodings: { multipart: false, raw: true, checkedFirst: true } },
  },
  {
    name: 'callflow-multipart-only-parser-first',
    errata: ['E07', 'E13'],
    description: 'Multipart only, refused by the body parser (415) before the token and the call are looked at.',
    behaviour: { callflowEncodings: { multipart: true, raw: false, checkedFirst: true } },
  },
  {
    name: 'callflow-raw-only-422',
    errata: ['E07', 'E05'],
    description: 'Raw XML only; a multipart body is read as unprocessable XML and answered 422 (not 415).',
    strictFails: 'callflow-accepted',
    behaviour: { callflowEncodings: { multipart: false, raw: true, checkedFirst: false, refusedStatus: 422 } },
  },
  {
    name: 'callflow-multipart-only-422',
    errata: ['E07', 'E05'],
    description: 'Multipart only; a raw XML body is answered 422 (not 415).',
    behaviour: { callflowEncodings: { multipart: true, raw: false, checkedFirst: false, refusedStatus: 422 } },
  },
  {
    name: 'callflow-schema-lenient',
    errata: ['E69', 'E60'],
    description: "Call-flow XML is refused only when it is not XML, not rooted in Response or names an unknown element; the XSD's finer rules are not enforced (TwiML 12200 is a warning).",
    warns: ['callflow-schema-enforced'],
    strictFails: 'callflow-schema-enforced',
    behaviour: { callflow: 'normative-only' },
  },
  // ── traffic: throttling and early answers ────────────────────────────────
  {
    name: 'rate-limited-429',
    errata: ['E70'],
    description: 'Beyond 25 requests a second the server answers 429 Too Many Requests with Retry-After: 1 (seconds), without processing the request.',
    behaviour: { rateLimit: { perSecond: 25, status: 429, retryAfter: 'seconds' } },
  },
  {
    name: 'unavailable-503-http-date',
    errata: ['E70'],
    description: 'Beyond 40 requests a second the server answers 503 Service Unavailable with Retry-After as an HTTP date.',
    behaviour: { rateLimit: { perSecond: 40, status: 503, retryAfter: 'http-date' } },
  },
  {
    name: 'auth-before-body',
    errata: ['E70', 'E03'],
    description: 'The token is checked as soon as the headers arrive: a bad one gets 401 with Connection: close, and the connection is closed without reading the body.',
    behaviour: { authBeforeBody: true },
  },
  {
    name: 'connection-resets',
    errata: ['page silent: the network between client and server'],
    description: 'A flaky network: 5% of requests have their connection reset (seeded), half before the server handles them, half after (the change made, the answer lost).',
    behaviour: { connectionResets: { rate: 0.05, seed: 1 } },
  },
  {
    name: 'subdomain-required',
    errata: ['E27'],
    description: 'Create refuses a body without subdomain (400), though the page and the 2021 document make it optional.',
    behaviour: { subdomainRequired: true },
  },
  // ── request fields ───────────────────────────────────────────────────────
  {
    name: 'trunk-stings-not-aliased',
    errata: ['E01'],
    description: 'The misspelled class4_egress_trunk_stings is not taken as an alias (ignored like any unknown field); the reference takes it.',
    behaviour: { stingsAlias: false },
  },
  // Inside the trunk settings the page states no rule (E77): each of these takes a body the reference refuses.
  {
    name: 'trunk-settings-opaque',
    errata: ['E77', 'E71'],
    description: 'class4_egress_trunk_settings are stored as sent, whatever is inside (a switch validates them later), and echoed as sent.',
    warns: ['nested-input-validation'],
    strictFails: 'nested-input-validation',
    behaviour: { trunkReading: { opaque: true } },
  },
  {
    name: 'trunk-values-coerced',
    errata: ['E77', 'E04'],
    description: 'Strings inside the trunk settings are coerced before they are checked ("0" → 0, "true" → true), as form-minded frameworks do.',
    warns: ['nested-input-validation'],
    strictFails: 'nested-input-validation',
    behaviour: { trunkReading: { coerce: true } },
  },
  {
    name: 'trunk-enums-wider',
    errata: ['E77', 'E71'],
    description: "Trunk enums take a newer, wider list: every 2021 value also in lower case, and values such as media_type 'Proxy Media + SRTP'.",
    warns: ['nested-input-validation'],
    strictFails: 'nested-input-validation',
    behaviour: { trunkReading: { enums: WIDER_TRUNK_ENUMS } },
  },
  // ── response shapes ──────────────────────────────────────────────────────
  {
    name: 'relations-empty-objects',
    errata: ['E15', 'E47', 'E63', 'E64'],
    description: "Relations come back unexpanded as {} (account, created_by, modified_by, outbound_voice_profile, a lease's app/order); tnleases as [{uuid}].",
    respond: unexpanded({}),
  },
  {
    name: 'relations-null',
    errata: ['E15', 'E63'],
    description: 'Relations come back as null; tnleases as [{uuid}].',
    respond: unexpanded(null),
  },
  {
    name: 'relations-absent',
    errata: ['E15', 'E29'],
    description: 'Relations are left out of apps and leases altogether; tnleases as [{uuid}] (documented fields missing: advisory).',
    warns: ['documented-fields'],
    strictFails: 'documented-fields',
    respond: unexpanded('absent'),
  },
  {
    name: 'relations-uuid-strings',
    errata: ['E15', 'E47', 'E63'],
    description: "Relations come back as bare uuid strings (account, created_by, modified_by, outbound_voice_profile, a lease's app and order); tnleases as [uuid].",
    respond: unexpanded('uuid'),
  },
  {
    name: 'nested-app-uuid-only',
    errata: ['E63', 'E15'],
    description: "The app nested in a lease or in the call answer carries only its uuid ({uuid}).",
    respond: (c) => {
      if (!is2xx(c) || c.operation === null || !(LEASE_OPERATIONS.has(c.operation) || c.operation === 'ExecuteSIPControlAppCallExecuteCallFlow')) return c;
      return mapPayloadObjects(c, (o) => (isObj(o.sip_control_app) && typeof o.sip_control_app.uuid === 'string' ? { ...o, sip_control_app: { uuid: o.sip_control_app.uuid } } : o));
    },
  },
  {
    name: 'write-answers-trunk-unexpanded',
    errata: ['E15', 'E67'],
    description: 'Create answers class4_egress_trunk_settings as {} and Modify answers it as null (unexpanded); Get shows them.',
    respond: (c) => {
      if (c.operation === 'CreateSIPControlApp') return mapPayloadObjects(c, (o) => ({ ...o, class4_egress_trunk_settings: {} }));
      if (c.operation === 'ModifySIPControlApp') return mapPayloadObjects(c, (o) => ({ ...o, class4_egress_trunk_settings: null }));
      return c;
    },
  },
  {
    name: 'newer-enum-values',
    errata: ['E71', 'E10', 'E53'],
    description: "Values the 2021 lists lack: account level Level3, user role Owner, TN order state cancelled, profile filemat ogg / record_calls 3 / audio_track_type 2, trunk defaults media_type 'Proxy Media + SRTP' and others.",
    strictFails: 'response-schema',
    behaviour: {
      trunkDefaults: {
        ...TRUNK_DEFAULTS, media_type: 'Proxy Media + SRTP', bypass_media: 'Proxy Media + SRTP', min_profit_type: 'markup', rpid_id_type: 'PAI',
        service_type: 'Wholesale', auth_type: 'Authorized by Token', billing_method: 'by second',
      },
    },
    respond: deepPayload((o) => {
      if (isAccount(o)) return { ...o, level: 'Level3' };
      if (isUser(o)) return { ...o, role: 'Owner' };
      if (isOrder(o)) return { ...o, state: 'cancelled' };
      if (isProfile(o)) return { ...o, filemat: 'ogg', record_calls: 3, audio_track_type: 2 };
      return o;
    }),
  },
  {
    name: 'nested-nulls',
    errata: ['E71'],
    description: 'Nested fields a server has no value for are null: user role, profile filemat and record_calls, trunk media_type, rpid_id_type, ignore_early_media (when not set).',
    strictFails: 'response-schema',
    behaviour: { trunkDefaults: { ...TRUNK_DEFAULTS, media_type: null, rpid_id_type: null, ignore_early_media: null } },
    respond: deepPayload((o) => {
      if (isUser(o)) return { ...o, role: null };
      if (isProfile(o)) return { ...o, filemat: null, record_calls: null };
      return o;
    }),
  },
  {
    name: 'rate-decimal-number',
    errata: ['E04'],
    description: 'rate_decimal comes back as a number (as sent), not the numeric string of the examples.',
    respond: appOps((c) => mapPayloadObjects(c, (o) => {
      const s = o.class4_egress_trunk_settings;
      return isObj(s) && typeof s.rate_decimal === 'string' ? { ...o, class4_egress_trunk_settings: { ...s, rate_decimal: Number(s.rate_decimal) } } : o;
    })),
  },
  {
    name: 'deleted-on-absent',
    errata: ['E16'],
    description: 'deleted_on is left out of every live object instead of null.',
    respond: deepPayload((o) => {
      if (!('deleted_on' in o)) return o;
      const { deleted_on: _d, ...rest } = o;
      return rest;
    }),
  },
  {
    name: 'remove-answers-deleted-on',
    errata: ['E58', 'E16'],
    description: 'Remove (a soft delete) answers the app with deleted_on filled.',
    respond: on('RemoveSIPControlAppByUUID', (c) => mapPayloadObjects(c, (o) => ({ ...o, deleted_on: new Date().toISOString() }))),
  },
  {
    name: 'timestamps-millis-offset',
    errata: ['E62'],
    description: 'Timestamps carry milliseconds and a +00:00 offset (2024-05-01T10:00:00.000+00:00) instead of Z.',
    respond: deepPayload((o) => {
      const out = { ...o };
      for (const [k, v] of Object.entries(out)) {
        const m = typeof v === 'string' && (k.endsWith('_on') || k === 'dob') ? ISO_Z.exec(v) : null;
        if (m) out[k] = `${m[1]}.000+00:00`;
      }
      return out;
    }),
  },
  {
    name: 'timestamps-naive',
    errata: ['E62'],
    description: "Timestamps carry no offset (2024-05-01T10:00:00, the server's UTC) and dob is a date (1985-06-15).",
    strictFails: 'response-schema',
    respond: deepPayload((o) => {
      const out = { ...o };
      for (const [k, v] of Object.entries(out)) {
        const m = typeof v === 'string' && (k.endsWith('_on') || k === 'dob') ? ISO_Z.exec(v) : null;
        if (m) out[k] = k === 'dob' ? m[1]!.slice(0, 10) : m[1];
      }
      return out;
    }),
  },
  {
    name: 'extra-fields',
    errata: ['E15', 'E44'],
    description: 'Every object of every answer, envelopes included, carries fields the page does not document.',
    respond: (c) => {
      if (!isObj(c.body)) return c;
      // Added to objects that have fields: a relation rendered {} stays {} (E63: a non-empty nested app is a full app).
      const extra = (o: Obj): Obj => (Object.keys(o).length === 0 ? o : { ...o, x_revision: 3, internal_note: null, labels: { tier: 'gold' } });
      // Envelopes too: a success one with message/status, an error one with payload: null and an errors list.
      const body: Obj = c.status >= 400
        ? { payload: null, errors: [{ code: 'E_REQUEST', detail: String(c.body.message ?? '') }], ...c.body, request_id: 'req-7f3a', api_version: '2.4.1' }
        : { message: 'OK', status: c.status, ...c.body, request_id: 'req-7f3a', api_version: '2.4.1' };
      if ('payload' in body) body.payload = deepMap(body.payload, extra);
      return { ...c, body };
    },
  },
  {
    name: 'list-newest-first',
    errata: ['page silent: List order'],
    description: 'List answers the newest app first.',
    respond: on('ListSIPControlApps', (c) => {
      const p = payloadOf(c);
      return is2xx(c) && Array.isArray(p) ? withPayload(c, [...p].reverse()) : c;
    }),
  },
  {
    name: 'app-ids-absent',
    errata: ['E29'],
    description: 'Apps leave out class4_egress_trunk_id and class4_egress_resource_ip_id (documented fields missing: advisory).',
    warns: ['documented-fields'],
    strictFails: 'documented-fields',
    respond: appOps((c) => mapPayloadObjects(c, (o) => {
      const { class4_egress_trunk_id: _t, class4_egress_resource_ip_id: _r, ...rest } = o;
      return rest;
    })),
  },
  {
    name: 'user-password-hash',
    errata: ['E30'],
    description: "User objects carry the password's bcrypt hash (advisory: secrets should not be returned).",
    warns: ['no-secrets-exposed'],
    strictFails: 'no-secrets-exposed',
    respond: deepPayload((o) => ('password' in o && 'email' in o ? { ...o, password: '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy' } : o)),
  },
  {
    name: 'channel-freeswitch-ids',
    errata: ['E46'],
    description: "The call's channel carries FreeSWITCH's own ids: uuid and call_uuid upper case, as set by origination_uuid.",
    respond: on('ExecuteSIPControlAppCallExecuteCallFlow', (c) => mapPayloadObjects(c, (o) => {
      if (!isObj(o.channel)) return o;
      const ch = o.channel;
      return { ...o, channel: { ...ch, uuid: String(ch.uuid ?? 'A1B2C3D4').toUpperCase(), call_uuid: String(ch.call_uuid ?? ch.uuid ?? 'A1B2C3D4').toUpperCase() } };
    })),
  },
  {
    name: 'subdomain-dns-label',
    errata: ['E26'],
    description: 'A subdomain is validated as one DNS label: 3..63 characters, so 64..255 are refused with 400.',
    strictFails: 'length-limits',
    behaviour: { subdomainLimits: [3, 63] },
  },
  {
    name: 'error-message-array',
    errata: ['E72'],
    description: 'Error envelopes carry message as a list of strings (one per problem), as validation frameworks answer.',
    warns: ['error-message-text'],
    strictFails: 'error-message-text',
    respond: (c) => (c.status >= 400 && isObj(c.body) && typeof c.body.message === 'string' ? { ...c, body: { ...c.body, message: [c.body.message] } } : c),
  },
  {
    name: 'call-without-channel',
    errata: ['E65'],
    description: 'The call answer carries no channel (the call is not bridged to a FreeSWITCH channel yet): only the call itself.',
    respond: on('ExecuteSIPControlAppCallExecuteCallFlow', (c) => (is2xx(c) ? mapPayloadObjects(c, ({ channel: _channel, ...call }) => call) : c)),
  },
  {
    name: 'freeswitch-strings',
    errata: ['E11', 'E45', 'E52', 'E59', 'E61'],
    description: "FreeSWITCH-style values: channel created_epoch a string, created 'YYYY-MM-DD HH:MM:SS', rates numbers; tn a digit string; time_zone a string.",
    respond: (c) => {
      if (!is2xx(c)) return c;
      return deepPayload((o) => {
        const out = { ...o };
        if ('created_epoch' in out && typeof out.created_epoch === 'number') {
          out.created_epoch = String(out.created_epoch);
          if (typeof out.created === 'string') out.created = out.created.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
          for (const k of ['read_rate', 'write_rate', 'read_bit_rate', 'write_bit_rate']) if (typeof out[k] === 'string' && out[k] !== '') out[k] = Number(out[k]);
        }
        if (typeof out.tn === 'number') out.tn = String(out.tn);
        if (isObj(out.time_zone) && 'level' in out) out.time_zone = 'UTC';
        return out;
      })(c);
    },
  },
];

export function readingByName(name: string): ReadingDefinition | undefined {
  return READINGS.find((r) => r.name === name);
}
