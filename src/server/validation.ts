/**
 * The server's OWN request validation (deliberately independent of the suite's
 * request validators, so a mistake in the spec cannot hide itself).
 */
import type { Behaviour } from './behaviour.ts';
import { TRUNK_ENUMS, validateTrunkSettings } from './trunk.ts';
import { ApiError, UUID_RE, isPlainObject } from './util.ts';

/** The fields of an app a client may set, as validated. */
export interface AppInput {
  name?: string;
  subdomain?: string;
  is_active?: boolean;
  class4_egress_trunk_settings?: Record<string, unknown>;
  outbound_voice_profile?: string | null;
}

export interface LeaseChange {
  add: string[];
  remove: string[];
}

export function requireObjectBody(body: unknown, b: Behaviour): Record<string, unknown> {
  if (body === undefined) return {};
  if (isPlainObject(body)) return body;
  if (b.nonObjectBodyCrashes) throw new TypeError(`Cannot use 'in' operator to search for 'name' in ${JSON.stringify(body)}`);
  throw new ApiError(400, 'request body must be a JSON object');
}

function checkLength(field: string, value: string, [min, max]: readonly [number, number], b: Behaviour): void {
  const n = b.measure(value);
  if (n < min || n > max) throw new ApiError(400, `${field} must be ${min}..${max} characters long (got ${n})`);
}

/**
 * Validate a Create (`mode: 'create'`) or Modify body. Unknown top-level fields are
 * ignored; `class4_egress_trunk_stings` (the page table's spelling, E01) is taken
 * as `class4_egress_trunk_settings` when the latter is absent.
 */
export function validateAppInput(raw: unknown, mode: 'create' | 'modify', b: Behaviour): AppInput {
  const body = requireObjectBody(raw, b);
  const out: AppInput = {};
  const checkLimits = mode === 'create' || b.limitsOnModify;

  if ('name' in body) {
    let name = body.name;
    if (typeof name === 'number' && b.coerceName) name = String(name);
    if (typeof name !== 'string') throw new ApiError(400, 'name must be a string');
    if (checkLimits) checkLength('name', name, b.nameLimits, b);
    if (b.nameCrashes(name)) throw new TypeError("Cannot read properties of undefined (reading 'normalize')");
    out.name = name;
  } else if (mode === 'create') {
    throw new ApiError(400, 'name is required');
  }

  if ('subdomain' in body && body.subdomain !== undefined) {
    if (typeof body.subdomain !== 'string') throw new ApiError(400, 'subdomain must be a string');
    if (checkLimits) checkLength('subdomain', body.subdomain, b.subdomainLimits, b);
    out.subdomain = body.subdomain;
  } else if (mode === 'create' && b.subdomainRequired) {
    throw new ApiError(400, 'subdomain is required');
  }

  if ('is_active' in body) {
    const v = body.is_active;
    if (typeof v === 'boolean') out.is_active = v;
    else if (b.lenientBoolean && (typeof v === 'string' || typeof v === 'number')) out.is_active = !['false', 'no', '0', ''].includes(String(v).toLowerCase());
    else throw new ApiError(400, 'is_active must be a boolean');
  }

  const settings = 'class4_egress_trunk_settings' in body || !b.stingsAlias ? body.class4_egress_trunk_settings : body.class4_egress_trunk_stings;
  if (settings !== undefined) {
    if (mode === 'modify' && b.modifyEnumCrashes) assertEnumsMappable(settings);
    out.class4_egress_trunk_settings = validateTrunkSettings(settings, { ...b.trunkReading, typesChecked: b.trunkTypesChecked });
    if (b.trunkCrashes(out.class4_egress_trunk_settings, mode)) throw new TypeError("Cannot read properties of undefined (reading 'toUpperCase')");
  }

  if ('outbound_voice_profile' in body) {
    const v = body.outbound_voice_profile;
    if (v === null && mode === 'modify') out.outbound_voice_profile = null;
    else if (typeof v !== 'string') throw new ApiError(400, 'outbound_voice_profile must be a uuid string');
    else if (!UUID_RE.test(v)) {
      if (b.malformedReferenceCrashes) throw new Error(`invalid input syntax for type uuid: "${v}"`);
      throw new ApiError(400, 'outbound_voice_profile must match ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
    } else out.outbound_voice_profile = v;
  }
  return out;
}

function uuidList(body: Record<string, unknown>, field: 'add' | 'remove'): string[] {
  const v = body[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ApiError(400, `${field} must be an array of TN lease uuids`);
  for (const item of v) {
    if (typeof item !== 'string' || !UUID_RE.test(item)) throw new ApiError(400, `${field} must hold TN lease uuids (got ${JSON.stringify(item)})`);
  }
  return v as string[];
}

export function validateLeaseChange(raw: unknown, b: Behaviour): LeaseChange {
  const body = requireObjectBody(raw, b);
  return { add: uuidList(body, 'add'), remove: uuidList(body, 'remove') };
}

/** A modify path that maps enum values through a lookup table before validating them (crashes on unknown ones). */
function assertEnumsMappable(settings: unknown): void {
  if (!isPlainObject(settings)) return;
  for (const [key, value] of Object.entries(settings)) {
    if (key in TRUNK_ENUMS && !TRUNK_ENUMS[key].includes(value as string)) throw new TypeError(`Cannot read properties of undefined (reading 'code') at mapEnum(${key})`);
  }
}
