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
  /**
   * --strict: trunk settings take any value of their type (random words, integers to 100000), as
   * the closed schema allows. Default: the values a SIP platform that validates them takes
   * (addresses, host names, codec names, ports 1–65535, modest timeouts): see `realisticTrunkValue`.
   */
  strict?: boolean;
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
  const realistic = sources.strict ? undefined : realisticTrunkValue(at, schema);
  if (realistic) return realistic;
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

// ---- realistic trunk settings (the default) ------------------------------------------------

const TRUNK_PREFIX = 'class4_egress_trunk_settings.';
const octet = (min: number, max: number) => fc.integer({ min, max });
/** Unicast IPv4 addresses (no 0.x, no broadcast, no multicast). */
const ipv4 = fc.tuple(octet(1, 223), octet(0, 255), octet(0, 255), octet(1, 254)).map((o) => o.join('.'));
const label = fc.tuple(hostChar.filter((c) => c >= 'a'), fc.array(hostChar, { minLength: 1, maxLength: 10 })).map(([first, rest]) => first + rest.join(''));
/** Host names such as sip1.example.com. */
const hostName = fc.tuple(fc.array(label, { minLength: 1, maxLength: 2 }), fc.constantFrom('com', 'net', 'org', 'io')).map(([labels, tld]) => [...labels, tld].join('.'));
const port = fc.oneof(fc.constantFrom(5060, 5061, 5080), fc.integer({ min: 1, max: 65535 }));
const digits = fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 1, maxLength: 6 }).map((d) => d.join(''));
export const CODECS = ['PCMU', 'PCMA', 'G729', 'G722', 'opus'] as const;

/** Numbers by what they count: ports, timeouts in their units, limits and ids kept modest. */
const REALISTIC_NUMBERS: Record<string, fc.Arbitrary<number>> = {
  port: port,
  reg_srv_port: port,
  pdd: fc.integer({ min: 0, max: 30_000 }), // ms; the server's default is 6000
  ring_timeout: fc.integer({ min: 1, max: 300 }),
  media_timeout: fc.integer({ min: 0, max: 600 }),
  expires: fc.integer({ min: 60, max: 3600 }),
  min_duration: fc.integer({ min: 0, max: 3600 }),
  max_duration: fc.integer({ min: 0, max: 14_400 }),
};

/**
 * The value a SIP platform validating its trunk settings would take at `at`, or undefined where
 * the schema's own arbitrary is realistic already (enums, booleans, names). Only inside the trunk
 * settings: the page states no rule there (E77), so the default run sends what any server takes.
 */
export function realisticTrunkValue(at: string, schema: FlatSchema): fc.Arbitrary<unknown> | undefined {
  if (!at.startsWith(TRUNK_PREFIX) || schema.enum) return undefined;
  const key = at.slice(at.lastIndexOf('.') + 1);
  const types = typesOf(schema);
  if (key === 'ip[]') {
    return fc.oneof(
      fc.record({ addr_type: fc.constant('ip'), ip: ipv4, port }, { requiredKeys: ['addr_type', 'ip'] }),
      fc.record({ addr_type: fc.constant('host'), fqdn: hostName, port }, { requiredKeys: ['addr_type', 'fqdn'] }),
    );
  }
  if (key === 'codecs') return fc.subarray([...CODECS], { maxLength: 3 });
  if (key === 'codes' || key === 'codes[]') return key === 'codes' ? fc.array(digits, { maxLength: 2 }) : digits;
  if (key === 'tech_prefix' || key === 'code') return digits;
  if (key === 'reg_srv_ip') return fc.oneof(ipv4, hostName);
  if (types.includes('number') || types.includes('integer')) return REALISTIC_NUMBERS[key] ?? fc.integer({ min: 0, max: 1000 });
  return undefined;
}
