/**
 * Pact matchers DERIVED from spec/openapi.yaml and the page's examples (spec/examples/), so the
 * contracts are never typed twice: a response body matcher is the schema's REQUIRED properties
 * (what any conforming provider must answer), each leaf a matcher chosen from the schema
 * (uuid pattern, date-time, type) with the page example's value as its example. A change in the
 * spec (a field made required, a pattern or type changed) changes the contracts, and the
 * consumer tests, the spec-agreement test and the verification see it.
 */
process.env.PACT_DO_NOT_TRACK ??= 'true';

import { MatchersV3 } from '@pact-foundation/pact';
import type { OpenAPIV3_1 } from 'openapi-types';
import { loadSpec } from '../spec/load.ts';
import { OPERATIONS, type OperationId } from '../spec/operations.ts';
import { isObject } from '../checks/observed.ts';
import { fillPlaceholderUuids, readExampleIndex, readStoredExample, requestExampleFile, responseExampleFile } from '../spec/page-examples.ts';

const { like, eachLike, regex, integer, decimal, boolean } = MatchersV3;

/** The parts of a JSON Schema (OpenAPI 3.1) the derivation reads. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  examples?: unknown[];
  example?: unknown;
  format?: string;
  pattern?: string;
  required?: string[];
  properties?: Record<string, Schema | Ref>;
  items?: Schema | Ref;
  allOf?: Array<Schema | Ref>;
  [key: string]: unknown;
}
type Ref = OpenAPIV3_1.ReferenceObject;

/** RFC 3339 date-time (the spec's `format: date-time`), fractional seconds and offsets allowed. */
export const ISO_8601_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';

function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && typeof (v as Ref).$ref === 'string';
}

function resolve(ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, got ${ref}`);
  let value: unknown = loadSpec();
  for (const token of ref.slice(2).split('/')) value = (value as Record<string, unknown>)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (value === undefined) throw new Error(`dangling reference ${ref}`);
  return value as Schema;
}

/** A component schema of the spec, e.g. 'Uuid', 'CallFlowXml'. */
export function componentSchema(name: string): Schema {
  return resolve(`#/components/schemas/${name}`);
}

/** The uuid pattern, as the spec's Uuid component writes it. */
export function uuidPattern(): string {
  const pattern = componentSchema('Uuid').pattern;
  if (!pattern) throw new Error('spec: components.schemas.Uuid has no pattern');
  return pattern;
}

/** The spec's example uuid (components.schemas.Uuid.examples[0]). */
export function exampleUuid(): string {
  return String(componentSchema('Uuid').examples?.[0] ?? '123e4567-e89b-12d3-a456-426614174000');
}

/** Does the spec document `status` for the operation (in `responses`)? */
export function responseSchema(operationId: OperationId, status: number): Schema | Ref {
  const { method, path } = OPERATIONS[operationId];
  const op = (loadSpec().paths?.[path] as Record<string, OpenAPIV3_1.OperationObject> | undefined)?.[method.toLowerCase()];
  let response: unknown = op?.responses?.[String(status)];
  if (response === undefined) {
    // E05/E13: an undocumented 4xx is still the error envelope.
    if (status >= 400) return { $ref: '#/components/schemas/ErrorEnvelope' };
    throw new Error(`spec documents no ${status} for ${operationId}`);
  }
  while (isRef(response)) response = resolve(response.$ref);
  const schema = (response as OpenAPIV3_1.ResponseObject).content?.['application/json']?.schema;
  if (!schema) throw new Error(`spec: ${operationId} ${status} has no application/json schema`);
  return schema as Schema | Ref;
}

/** The success statuses (2xx) the spec documents for an operation, ascending. */
export function documentedSuccessStatuses(operationId: OperationId): number[] {
  const { method, path } = OPERATIONS[operationId];
  const op = (loadSpec().paths?.[path] as Record<string, OpenAPIV3_1.OperationObject> | undefined)?.[method.toLowerCase()];
  return Object.keys(op?.responses ?? {})
    .map(Number)
    .filter((s) => s >= 200 && s <= 299)
    .sort((a, b) => a - b);
}

/** The page's example body for (operation, status), uuid placeholders filled (E14); undefined when the page has none. */
export function pageResponseExample(operationId: OperationId, status: number): unknown {
  const file = responseExampleFile(operationId, status);
  if (!readExampleIndex().some((e) => e.file === file)) return undefined;
  return fillPlaceholderUuids(readStoredExample(file));
}

/** The page's request body example for an operation, uuid placeholders filled (E14). */
export function pageRequestExample(operationId: OperationId): Record<string, unknown> {
  const file = requestExampleFile(operationId);
  if (!readExampleIndex().some((e) => e.file === file)) throw new Error(`the page has no request example for ${operationId}`);
  return fillPlaceholderUuids(readStoredExample(file)) as Record<string, unknown>;
}

/** Merge allOf parts into one object schema (properties and required unioned). */
function flatten(schema: Schema | Ref): { schema: Schema; ref?: string } {
  let ref: string | undefined;
  let s: Schema | Ref = schema;
  while (isRef(s)) {
    ref = s.$ref;
    s = resolve(s.$ref);
  }
  if (!s.allOf) return { schema: s, ref };
  const merged: Schema = { ...s, allOf: undefined, properties: { ...(s.properties ?? {}) }, required: [...(s.required ?? [])] };
  for (const part of s.allOf) {
    const { schema: p, ref: partRef } = flatten(part as Schema | Ref);
    ref ??= partRef;
    Object.assign(merged.properties!, p.properties ?? {});
    merged.required = [...new Set([...(merged.required ?? []), ...(p.required ?? [])])];
    if (p.type && !merged.type) merged.type = p.type;
    if (p.pattern && !merged.pattern) merged.pattern = p.pattern;
    if (p.format && !merged.format) merged.format = p.format;
  }
  return { schema: merged, ref };
}

function firstExample(schema: Schema): unknown {
  return Array.isArray(schema.examples) ? schema.examples[0] : schema.example;
}

const DATE_TIME = new RegExp(ISO_8601_DATE_TIME);

/**
 * The matcher template for a value of `schema`, with `example` (from the page) as its example
 * value. Objects keep only their required properties (what every conforming provider answers);
 * leaves become matchers; `const` stays literal (e.g. `success: true`).
 */
export function matcherFor(schema: Schema | Ref, example: unknown, at = '(body)'): unknown {
  const { schema: s, ref } = flatten(schema);
  if (s.const !== undefined) return s.const;
  if (ref === '#/components/schemas/Uuid' || (s.type === 'string' && s.pattern === uuidPattern())) {
    const value = typeof example === 'string' && new RegExp(uuidPattern()).test(example) ? example : exampleUuid();
    return regex(uuidPattern(), value);
  }
  // A value the spec lets take several shapes (an error message that may be a list, E72): Pact's type
  // matchers pin one, so the contract asks only that it is there and not empty (`notEmpty`); `run` checks the shape.
  const alternatives = (s as { anyOf?: Array<Schema | Ref> }).anyOf;
  if (!s.type && Array.isArray(alternatives) && alternatives.length > 0) {
    // pact-js 17 has no helper for it; the integration JSON is Pact's own (pact_models `notEmpty`).
    return { 'pact:matcher:type': 'notEmpty', value: typeof example === 'string' && example !== '' ? example : firstExample(s) ?? 'string' };
  }
  const type = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : s.type ? [s.type] : [];
  if (type.length !== 1) {
    throw new Error(`cannot derive a matcher at ${at}: schema ${ref ?? ''} has type ${JSON.stringify(s.type)} (required properties must have one type)`);
  }
  switch (type[0]) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const ex = isObject(example) ? example : {};
      for (const key of s.required ?? []) {
        const prop = s.properties?.[key];
        if (!prop) throw new Error(`cannot derive a matcher at ${at}/${key}: required but not described`);
        out[key] = matcherFor(prop as Schema | Ref, ex[key], `${at}/${key}`);
      }
      return out;
    }
    case 'array': {
      if (!s.items) throw new Error(`cannot derive a matcher at ${at}: array without items`);
      const item = Array.isArray(example) && example.length ? example[0] : undefined;
      return eachLike(matcherFor(s.items as Schema | Ref, item, `${at}/0`));
    }
    case 'string': {
      const fallback = firstExample(s);
      if (s.format === 'date-time') {
        const value = [example, fallback].find((v): v is string => typeof v === 'string' && DATE_TIME.test(v)) ?? '2019-08-24T14:15:22Z';
        return regex(ISO_8601_DATE_TIME, value);
      }
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const value = [example, fallback].find((v): v is string => typeof v === 'string' && re.test(v));
        if (value === undefined) throw new Error(`cannot derive a matcher at ${at}: no example matches ${s.pattern}`);
        return regex(s.pattern, value);
      }
      const value = [example, fallback].find((v): v is string => typeof v === 'string') ?? 'string';
      return like(value);
    }
    case 'boolean':
      return boolean(typeof example === 'boolean' ? example : typeof firstExample(s) === 'boolean' ? (firstExample(s) as boolean) : true);
    case 'integer':
      return integer(Number.isInteger(example) ? (example as number) : Number.isInteger(firstExample(s)) ? (firstExample(s) as number) : 0);
    case 'number':
      return decimal(typeof example === 'number' ? example : 0.5);
    default:
      throw new Error(`cannot derive a matcher at ${at}: unsupported type ${String(type[0])}`);
  }
}

/** The response body matcher for (operation, status): the spec's schema, the page's example values. */
export function responseMatcher(operationId: OperationId, status: number): unknown {
  return matcherFor(responseSchema(operationId, status), pageResponseExample(operationId, status), `${operationId} ${status}`);
}
