/**
 * The request side of spec/openapi.yaml as plain JSON Schema: what generation
 * derives its arbitraries from. `$ref`s and single-entry `allOf`s are merged
 * here, so the generators see one flat schema per value.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { loadSpec } from '../spec/load.ts';
import { OPERATIONS, type OperationId } from '../spec/operations.ts';

export interface FlatSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  required?: string[];
  properties?: Record<string, FlatSchema>;
  items?: FlatSchema;
  examples?: unknown[];
  /** The component this schema came from, e.g. `AppName` (generators key value sources on it). */
  component?: string;
}

type Raw = Record<string, unknown>;

function resolveRef(ref: string): { value: Raw; component?: string } {
  const tokens = ref.replace(/^#\//, '').split('/');
  let value: unknown = loadSpec();
  for (const t of tokens) value = (value as Raw)[t];
  if (!value) throw new Error(`dangling $ref ${ref}`);
  return { value: value as Raw, component: tokens[0] === 'components' && tokens[1] === 'schemas' ? tokens[2] : undefined };
}

/** Flatten `$ref` and `allOf` into one schema (depth-limited: request schemas are shallow). */
export function flatten(schema: unknown, depth = 0): FlatSchema {
  if (depth > 8 || typeof schema !== 'object' || schema === null) return {};
  let s = schema as Raw;
  let component: string | undefined;
  if (typeof s.$ref === 'string') {
    const r = resolveRef(s.$ref);
    const inner = flatten(r.value, depth + 1);
    return { ...inner, component: r.component ?? inner.component };
  }
  let out: FlatSchema = {};
  for (const part of (s.allOf as unknown[] | undefined) ?? []) {
    const f = flatten(part, depth + 1);
    out = { ...out, ...f };
    component ??= f.component;
  }
  const own: FlatSchema = {};
  for (const key of ['type', 'enum', 'pattern', 'minLength', 'maxLength', 'required', 'examples'] as const) {
    if (s[key] !== undefined) (own as Raw)[key] = s[key];
  }
  if (s.properties) {
    own.properties = Object.fromEntries(Object.entries(s.properties as Raw).map(([k, v]) => [k, flatten(v, depth + 1)]));
  }
  if (s.items) own.items = flatten(s.items, depth + 1);
  return { ...out, ...own, component: component ?? out.component };
}

/** The JSON request body schema of an operation, flattened; undefined when it takes no JSON body. */
export function requestBodySchema(operation: OperationId): FlatSchema | undefined {
  const { method, path } = OPERATIONS[operation];
  const item = loadSpec().paths?.[path] as Record<string, OpenAPIV3_1.OperationObject> | undefined;
  const body = item?.[method.toLowerCase()]?.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const schema = body?.content?.['application/json']?.schema;
  return schema ? flatten(schema) : undefined;
}

/** The schema of an operation's `{uuid}` path parameter (path-level parameters included). */
export function pathUuidSchema(operation: OperationId): FlatSchema | undefined {
  const { path } = OPERATIONS[operation];
  const item = loadSpec().paths?.[path] as { parameters?: unknown[] } | undefined;
  for (const p of item?.parameters ?? []) {
    const raw = (typeof p === 'object' && p && '$ref' in p ? resolveRef(String((p as Raw).$ref)).value : p) as Raw;
    if (raw.name === 'uuid') return flatten(raw.schema);
  }
  return undefined;
}

export const typesOf = (s: FlatSchema): string[] => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]);
