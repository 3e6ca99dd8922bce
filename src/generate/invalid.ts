/**
 * Negative arbitraries: requests that break exactly ONE rule of the spec, derived
 * from the same flattened request schemas as the valid ones. Each comes with the
 * rule it breaks, the check that owns that rule (so a finding names the check
 * exactly like a hand-written case would), where the page states the rule, and
 * its mode: `default` rules are the page's (a 2xx fails the run), `strict` rules
 * are ones only the spec's closed types and enums inside the trunk settings make
 * (ERRATA E77: the page states none), so accepting such a body is an advisory
 * finding unless --strict. Every body is sent in every mode: "never a 5xx" and
 * "a refused request changed nothing" hold for all of them.
 */
import fc from 'fast-check';
import type { CheckName } from '../checks/catalogue.ts';
import { valid, type ValueSources } from './arbitraries.ts';
import { typesOf, type FlatSchema } from './spec-schema.ts';
import { plainChar, textOfLength } from './unicode.ts';

export type RuleMode = 'default' | 'strict';

/** Where a rule is stated: lines of /work/shared/docs/sip-control-app-api.md and errata ids. */
export interface RuleSource {
  page?: readonly number[];
  errata?: readonly string[];
}

/** Errata entries that say the page states NO rule (their rules are --strict pins): a default rule may not cite them. */
export const STRICT_PIN_ERRATA: ReadonlySet<string> = new Set(['E71', 'E77']);

/**
 * The page lines stating each top-level request field (Create's table, Modify's, Assign's), with
 * the errata that read them. A field missing here has no source: its rules cannot be generated.
 */
export const FIELD_SOURCES: Readonly<Record<string, RuleSource>> = {
  name: { page: [607, 1466], errata: ['E05'] },
  subdomain: { page: [608, 1467], errata: ['E05', 'E26'] },
  is_active: { page: [609, 1468], errata: ['E05'] },
  class4_egress_trunk_settings: { page: [610, 1469], errata: ['E01', 'E05'] },
  outbound_voice_profile: { page: [611, 1470], errata: ['E05'] },
  add: { page: [26], errata: ['E05', 'E17'] },
  remove: { page: [27], errata: ['E05', 'E17'] },
};

/** Rules inside the trunk settings: only the spec's closed schema states them (E77, E71). */
const NESTED_SOURCE: RuleSource = { page: [610, 1469], errata: ['E77', 'E71'] };

export const describeSource = (s: RuleSource): string =>
  [s.page?.length ? `page line${s.page.length > 1 ? 's' : ''} ${s.page.join(', ')}` : '', ...(s.errata ?? [])].filter(Boolean).join('; ');

export interface InvalidRequest {
  /** One line: the rule broken, e.g. `class4_egress_trunk_settings.pdd: a string where a number is required`. */
  rule: string;
  /** Where the page (or an errata entry whose default reading is the page's) states it, e.g. `page lines 607, 1466; E05`. */
  source: string;
  /** `default`: refusing it is required; `strict`: only --strict requires it (the advisory `nested-input-validation` otherwise). */
  mode: RuleMode;
  check: Extract<CheckName, 'input-validation' | 'length-limits'>;
  /** JSON body (serialised by the client) … */
  body?: unknown;
  /** … or bytes sent as they are. */
  rawBody?: string;
  /** Content-Type to send instead of application/json ('' = none). */
  contentType?: string;
  /**
   * A server may reasonably take it (unknown fields ignored, a body read whatever its
   * Content-Type): then only "never a 5xx" and "nothing else changed" hold.
   */
  lenient?: boolean;
}

/** Malformed uuids for body fields (never upper case: E24 lets an upper-case uuid find its object). */
export const malformedUuid = fc.oneof(
  fc.constantFrom('not-a-uuid', '', '{}', '00000000-0000-0000-0000-00000000000g'),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => u.slice(0, 35)),
  fc.uuid().map((u) => `${u}0`),
  fc.uuid().map((u) => `{${u}}`),
);

/** A JSON value of another type than the schema allows (non-numeric strings for numbers: E04 lets numeric strings through). */
function wrongType(schema: FlatSchema): fc.Arbitrary<unknown> {
  const types = new Set(typesOf(schema));
  const candidates: Array<fc.Arbitrary<unknown>> = [];
  if (!types.has('string')) candidates.push(fc.constantFrom('yes', 'fast', 'true'));
  if (!types.has('number') && !types.has('integer')) candidates.push(fc.constantFrom(12345, 0, -1));
  if (!types.has('boolean')) candidates.push(fc.boolean());
  if (!types.has('object')) candidates.push(fc.constant({ value: 1 }));
  if (!types.has('array')) candidates.push(fc.constant(['x']));
  return fc.oneof(...candidates);
}

interface Field {
  path: string[];
  schema: FlatSchema;
}

/** Fields one rule can be broken on: top-level ones and those of one nested object (trunk settings). */
function fieldsOf(schema: FlatSchema, path: string[] = [], depth = 0): Field[] {
  const out: Field[] = [];
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const at = [...path, key];
    out.push({ path: at, schema: sub });
    if (depth === 0 && sub.properties) out.push(...fieldsOf(sub, at, depth + 1));
  }
  return out;
}

function setAt(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

type Body = Record<string, unknown>;
type Made = Omit<InvalidRequest, 'source' | 'mode'>;

/**
 * One rule the generator may break: its kind, the field (if any), where it is stated and its
 * mode, and how to break it on a valid body. `negativeRules` lists them all (a test walks them).
 */
export interface NegativeRule {
  kind: 'type' | 'enum' | 'required' | 'empty-body' | 'length' | 'uuid' | 'not-an-object' | 'malformed-json' | 'unknown-field' | 'content-type';
  field?: string;
  source: RuleSource;
  mode: RuleMode;
  make(base: Body): fc.Arbitrary<Made>;
}

/** A field's source and mode: top-level fields are the page's rows; anything deeper only the closed schema's. */
function fieldRule(f: Field): Pick<NegativeRule, 'field' | 'source' | 'mode'> {
  const field = f.path.join('.');
  if (f.path.length > 1) return { field, source: NESTED_SOURCE, mode: 'strict' };
  return { field, source: FIELD_SOURCES[f.path[0]] ?? {}, mode: 'default' };
}

/** Every rule of `schema` the generator may break, each with its source and mode. */
export function negativeRules(schema: FlatSchema, sources: ValueSources): NegativeRule[] {
  const fields = fieldsOf(schema);
  const rules: NegativeRule[] = [];
  const whole: RuleSource = { errata: ['E05'] };

  // A wrong JSON type for one field.
  for (const f of fields) {
    rules.push({ kind: 'type', ...fieldRule(f), make: (b) => wrongType(f.schema).map((v) =>
      ({ rule: `${f.path.join('.')}: ${JSON.stringify(v)} is not of the type the spec gives (${typesOf(f.schema).join('|') || 'enum'})`, check: 'input-validation', body: setAt(b, f.path, v) })) });
  }
  // A value outside an enum.
  for (const f of fields.filter((x) => x.schema.enum)) {
    rules.push({ kind: 'enum', ...fieldRule(f), make: (b) => fc.constantFrom('not-a-value', 'none', 'YES').map((v) =>
      ({ rule: `${f.path.join('.')}: ${JSON.stringify(v)} is not one of the spec's values`, check: 'input-validation', body: setAt(b, f.path, v) })) });
  }
  // A required field left out (E27: the page marks none; the errata's default reading requires name).
  for (const key of schema.required ?? []) {
    rules.push({ kind: 'required', field: key, source: { errata: ['E27'] }, mode: 'default', make: (b) => {
      const { [key]: _dropped, ...rest } = b;
      return fc.constant({ rule: `required field ${key} missing`, check: 'input-validation', body: rest });
    } });
  }
  if ((schema.required ?? []).length) {
    rules.push({ kind: 'empty-body', source: { errata: ['E27'] }, mode: 'default', make: () => fc.constant({ rule: 'empty object body (required fields missing)', check: 'input-validation', body: {} }) });
  }
  // Lengths one character beyond the limits, in characters every way of counting agrees on.
  for (const f of fields.filter((x) => x.schema.maxLength !== undefined || (x.schema.minLength ?? 0) > 0)) {
    rules.push({ kind: 'length', ...fieldRule(f), make: (b) => fc.boolean().chain((over) => {
      const max = f.schema.maxLength;
      const min = f.schema.minLength ?? 0;
      const length = over && max !== undefined ? max + 1 : min > 0 ? min - 1 : (max ?? 0) + 1;
      const chars = f.schema.component === 'AppSubdomain' ? fc.constantFrom('a', 'b', '7') : plainChar;
      return textOfLength(length, chars, length > sources.prefix.length + 4 ? sources.prefix : '').map((text) =>
        ({ rule: `${f.path.join('.')} of ${length} characters (limits ${min}..${max ?? '∞'})`, check: 'length-limits' as const, body: setAt(b, f.path, text) }));
    }) });
  }
  // Malformed uuids where the spec wants a uuid (references, lease lists).
  for (const f of fields.filter((x) => x.schema.pattern || x.schema.items?.pattern)) {
    rules.push({ kind: 'uuid', ...fieldRule(f), make: (b) => malformedUuid.map((bad) =>
      ({ rule: `${f.path.join('.')}: ${JSON.stringify(bad)} is not a uuid`, check: 'input-validation', body: setAt(b, f.path, f.schema.items ? [bad] : bad) })) });
  }
  // Bodies that are not an object at all, and bodies that are not JSON.
  rules.push({ kind: 'not-an-object', source: whole, mode: 'default', make: (b) => fc.constantFrom<unknown>(null, [], 'text', 42, true).map((shape) =>
    ({ rule: `a JSON body that is ${JSON.stringify(shape)}, not an object`, check: 'input-validation', body: Array.isArray(shape) ? [b] : shape })) });
  rules.push({ kind: 'malformed-json', source: whole, mode: 'default', make: (b) => {
    const text = JSON.stringify(b);
    return fc.constant({ rule: 'malformed JSON (truncated)', check: 'input-validation', rawBody: text.slice(0, Math.max(1, text.length - 2)) });
  } });
  // Reasonable servers differ here (ignore unknown fields; read a body whatever its label): never a 5xx, though.
  rules.push({ kind: 'unknown-field', source: whole, mode: 'default', make: (b) =>
    fc.constant({ rule: 'an unknown extra field', check: 'input-validation', body: { ...b, x_generated_unknown: 'ignored?' }, lenient: true }) });
  rules.push({ kind: 'content-type', source: { page: [20, 601], errata: ['E05'] }, mode: 'default', make: (b) => fc.constantFrom('text/plain', '', 'application/x-www-form-urlencoded').map((type) =>
    ({ rule: type ? `a JSON body labelled ${type}` : 'a JSON body without Content-Type', check: 'input-validation', rawBody: JSON.stringify(b), contentType: type, lenient: true })) });
  return rules;
}

const withSource = (rule: NegativeRule) => (made: Made): InvalidRequest => ({ ...made, source: describeSource(rule.source), mode: rule.mode });

/**
 * Requests that break one rule of `schema`, built on a valid body (so the broken
 * rule is the only one). Each kind is drawn as often as the others (a field within
 * it at random), the page's rules apart from the nested ones so both are tried often.
 */
export function invalid(schema: FlatSchema, sources: ValueSources): fc.Arbitrary<InvalidRequest> {
  const base = (valid(schema, sources) ?? fc.constant({})) as fc.Arbitrary<Body>;
  const groups = new Map<string, NegativeRule[]>();
  for (const rule of negativeRules(schema, sources)) {
    const key = `${rule.kind} ${rule.mode}`;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  return fc.oneof(...[...groups.values()].map((rules) =>
    fc.tuple(base, fc.constantFrom(...rules)).chain(([b, rule]) => rule.make(b).map(withSource(rule)))));
}

/**
 * Bodies every seed tries first on create: a nested boolean sent as "true" and a nested enum
 * value a wider list may hold ("none"), so a server that takes either (stored opaquely, coerced,
 * a newer list) meets the advisory finding at every seed and budget. `base` makes a valid create body (a fresh one each).
 */
export function nestedExamples(schema: FlatSchema, base: () => Body): InvalidRequest[] {
  const nested = schema.properties?.class4_egress_trunk_settings?.properties ?? {};
  const bool = Object.keys(nested).find((k) => typesOf(nested[k]).includes('boolean'));
  const enumKey = Object.keys(nested).find((k) => nested[k].enum && !nested[k].enum!.includes('none'));
  const at = (key: string) => ['class4_egress_trunk_settings', key];
  const made: Array<[string, unknown, string]> = [];
  if (bool) made.push([bool, 'true', 'is not of the type the spec gives (boolean)']);
  if (enumKey) made.push([enumKey, 'none', "is not one of the spec's values"]);
  return made.map(([key, value, why]) => ({
    rule: `class4_egress_trunk_settings.${key}: ${JSON.stringify(value)} ${why}`, check: 'input-validation', body: setAt(base(), at(key), value),
    source: describeSource(NESTED_SOURCE), mode: 'strict',
  }));
}
