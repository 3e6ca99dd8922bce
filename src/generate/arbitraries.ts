/**
 * Positive arbitraries: request bodies valid per spec/openapi.yaml, derived from
 * the flattened request schemas (never hand-copied). The schema decides the
 * shape — which fields, their types, enums, required keys and length limits;
 * the account decides what a reference may name (the run's fixtures), and the
 * run decides names (prefixed with the run id, so cleanup can find them).
 */
import fc from 'fast-check';
import { typesOf, type FlatSchema } from './spec-schema.ts';
import { CHAR_CLASSES, CHAR_CLASS_NAMES, boundaryLength, textOfLength, type CharClass } from './unicode.ts';

/** What the run may put into bodies beyond the schema: its name prefix and the account's fixtures. */
export interface ValueSources {
  /** `<run id>-`: every generated name long enough to carry it starts with it. */
  prefix: string;
  outboundVoiceProfile?: string;
  leases: readonly string[];
}

/** Text of a boundary length drawn from one character class (or a mix), carrying the prefix when it fits. */
export function boundedText(min: number, max: number, prefix: string, classes: readonly CharClass[] = CHAR_CLASS_NAMES): fc.Arbitrary<string> {
  const mix = fc.oneof(...classes.map((c) => CHAR_CLASSES[c]));
  const oneClass = fc.constantFrom(...classes).chain((c) => fc.constant(CHAR_CLASSES[c]));
  return fc.tuple(boundaryLength(min, max), fc.oneof(fc.constant(mix), oneClass))
    .chain(([length, chars]) => textOfLength(length, chars, length > prefix.length + 4 ? prefix : ''));
}

/** A SIP domain is a host name (ERRATA E26): [a-z0-9-], never starting with a dash. */
const hostChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));

export function subdomainText(min: number, max: number, prefix: string): fc.Arbitrary<string> {
  return boundaryLength(min, max).chain((length) => textOfLength(length, hostChar, length > prefix.length + 4 ? prefix : ''));
}

/** Free-form strings the page gives no limits for: the spec's own examples, or short ASCII words. */
function freeText(schema: FlatSchema): fc.Arbitrary<string> {
  const examples = (schema.examples ?? []).filter((e): e is string => typeof e === 'string');
  const word = fc.tuple(hostChar.filter((c) => c >= 'a'), fc.array(hostChar, { maxLength: 11 })).map(([first, rest]) => first + rest.join(''));
  return examples.length ? fc.oneof(fc.constantFrom(...examples), word) : word;
}

/**
 * An arbitrary for values valid against `schema`. `at` is the property path
 * (e.g. `class4_egress_trunk_settings.codecs`), used to pick the value source
 * of fields whose valid values the schema alone cannot give.
 * Returns undefined for a value the run cannot make valid (a reference to
 * something it was not given): the field is then left out.
 */
export function valid(schema: FlatSchema, sources: ValueSources, at = ''): fc.Arbitrary<unknown> | undefined {
  if (schema.component === 'AppName') return boundedText(schema.minLength ?? 0, schema.maxLength ?? 255, sources.prefix);
  if (schema.component === 'AppSubdomain') return subdomainText(schema.minLength ?? 0, schema.maxLength ?? 255, sources.prefix);
  if (at === 'outbound_voice_profile') return sources.outboundVoiceProfile ? fc.constant(sources.outboundVoiceProfile) : undefined;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema);
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      if (schema.pattern) return undefined; // a uuid names something: only the sources know valid ones
      if (schema.minLength !== undefined || schema.maxLength !== undefined) return boundedText(schema.minLength ?? 0, schema.maxLength ?? 255, '');
      return freeText(schema);
    // Numbers: non-negative integers. The page types counts and timeouts as `number`; a server storing
    // them in an integer column is a reasonable reading, so fractions are not sent as "valid".
    case 'number':
    case 'integer':
      return fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 100_000 }));
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (/(^|\.)(add|remove)$/.test(at)) return fc.subarray([...sources.leases]);
      const item = schema.items ? valid(schema.items, sources, `${at}[]`) : undefined;
      return item ? fc.array(item, { maxLength: 2 }) : fc.constant([]);
    }
    case 'object':
      return objectOf(schema, sources, at);
    default:
      return undefined;
  }
}

const SECRET_FIELDS = new Set(['password', 'token', 'secret', 'api_key']);

/** Required keys always, optional keys present or absent. */
function objectOf(schema: FlatSchema, sources: ValueSources, at: string): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    // Credentials would come back in answers and be flagged (E30): the suite does not send any.
    if (SECRET_FIELDS.has(key)) continue;
    const arb = valid(sub, sources, at ? `${at}.${key}` : key);
    if (arb) model[key] = arb;
  }
  return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
}
