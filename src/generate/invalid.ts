/**
 * Negative arbitraries: requests that break exactly ONE rule of the spec, derived
 * from the same flattened request schemas as the valid ones. Each comes with the
 * rule it breaks and the check that owns that rule, so a finding names the check
 * exactly like a hand-written case would.
 */
import fc from 'fast-check';
import type { CheckName } from '../checks/catalogue.ts';
import { valid, type ValueSources } from './arbitraries.ts';
import { typesOf, type FlatSchema } from './spec-schema.ts';
import { plainChar, textOfLength } from './unicode.ts';

export interface InvalidRequest {
  /** One line: the rule broken, e.g. `class4_egress_trunk_settings.pdd: a string where a number is required`. */
  rule: string;
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

/**
 * Requests that break one rule of `schema`, built on a valid body (so the broken
 * rule is the only one). `base` is a valid body for the same operation.
 */
export function invalid(schema: FlatSchema, sources: ValueSources): fc.Arbitrary<InvalidRequest> {
  const base = (valid(schema, sources) ?? fc.constant({})) as fc.Arbitrary<Record<string, unknown>>;
  const fields = fieldsOf(schema);
  const kinds: Array<fc.Arbitrary<InvalidRequest>> = [];

  // A wrong JSON type for one field.
  kinds.push(fc.tuple(base, fc.constantFrom(...fields)).chain(([b, f]) =>
    wrongType(f.schema).map((v) => ({ rule: `${f.path.join('.')}: ${JSON.stringify(v)} is not of the type the spec gives (${typesOf(f.schema).join('|') || 'enum'})`, check: 'input-validation' as const, body: setAt(b, f.path, v) }))));

  // A value outside an enum.
  const enums = fields.filter((f) => f.schema.enum);
  if (enums.length) {
    kinds.push(fc.tuple(base, fc.constantFrom(...enums), fc.constantFrom('not-a-value', 'none', 'YES')).map(([b, f, v]) =>
      ({ rule: `${f.path.join('.')}: ${JSON.stringify(v)} is not one of the spec's values`, check: 'input-validation' as const, body: setAt(b, f.path, v) })));
  }

  // A required field left out.
  for (const key of schema.required ?? []) {
    kinds.push(base.map((b) => {
      const { [key]: _dropped, ...rest } = b;
      return { rule: `required field ${key} missing`, check: 'input-validation' as const, body: rest };
    }));
  }
  if ((schema.required ?? []).length) kinds.push(fc.constant({ rule: 'empty object body (required fields missing)', check: 'input-validation' as const, body: {} }));

  // Lengths one character beyond the limits, in characters every way of counting agrees on.
  const limited = fields.filter((f) => f.schema.maxLength !== undefined || (f.schema.minLength ?? 0) > 0);
  if (limited.length) {
    kinds.push(fc.tuple(base, fc.constantFrom(...limited), fc.boolean()).chain(([b, f, over]) => {
      const max = f.schema.maxLength;
      const min = f.schema.minLength ?? 0;
      const length = over && max !== undefined ? max + 1 : min > 0 ? min - 1 : (max ?? 0) + 1;
      const chars = f.schema.component === 'AppSubdomain' ? fc.constantFrom('a', 'b', '7') : plainChar;
      return textOfLength(length, chars, length > sources.prefix.length + 4 ? sources.prefix : '').map((text) =>
        ({ rule: `${f.path.join('.')} of ${length} characters (limits ${min}..${max ?? '∞'})`, check: 'length-limits' as const, body: setAt(b, f.path, text) }));
    }));
  }

  // Malformed uuids where the spec wants a uuid (references, lease lists).
  const uuids = fields.filter((f) => f.schema.pattern || f.schema.items?.pattern);
  if (uuids.length) {
    kinds.push(fc.tuple(base, fc.constantFrom(...uuids), malformedUuid).map(([b, f, bad]) =>
      ({ rule: `${f.path.join('.')}: ${JSON.stringify(bad)} is not a uuid`, check: 'input-validation' as const, body: setAt(b, f.path, f.schema.items ? [bad] : bad) })));
  }

  // Bodies that are not an object at all, and bodies that are not JSON.
  kinds.push(fc.constantFrom<unknown>(null, [], 'text', 42, true).chain((shape) =>
    base.map((b) => ({ rule: `a JSON body that is ${JSON.stringify(shape)}, not an object`, check: 'input-validation' as const, body: Array.isArray(shape) ? [b] : shape }))));
  kinds.push(base.map((b) => {
    const text = JSON.stringify(b);
    return { rule: 'malformed JSON (truncated)', check: 'input-validation' as const, rawBody: text.slice(0, Math.max(1, text.length - 2)) };
  }));

  // Reasonable servers differ here (ignore unknown fields; read a body whatever its label): never a 5xx, though.
  kinds.push(base.map((b) => ({ rule: 'an unknown extra field', check: 'input-validation' as const, body: { ...b, x_generated_unknown: 'ignored?' }, lenient: true })));
  kinds.push(fc.tuple(base, fc.constantFrom('text/plain', '', 'application/x-www-form-urlencoded')).map(([b, type]) =>
    ({ rule: type ? `a JSON body labelled ${type}` : 'a JSON body without Content-Type', check: 'input-validation' as const, rawBody: JSON.stringify(b), contentType: type, lenient: true })));

  return fc.oneof(...kinds);
}
