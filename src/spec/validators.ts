/**
 * JSON Schema validators compiled from spec/openapi.yaml (ajv, draft 2020-12, ajv-formats).
 *
 * The whole OpenAPI document is registered with ajv once, under a private base URI, and every
 * validator is a `$ref` into it, so `$ref`s between components resolve exactly as the spec writes
 * them. The build compiles every validator once (ajv's standalone code, dist/generated/); a run
 * loads that set when it was built from this very spec, and otherwise compiles the operations'
 * validators on first use and each component's on first request (from the sources, or after the
 * spec was edited).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type _Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type _standaloneCode from 'ajv/dist/standalone/index.js';
import type _addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import { BUILD_ID, packagePath } from '../package-root.ts';
import { loadSpec, specSha256 } from './load.ts';
import { OPERATIONS, OPERATION_IDS, type OperationId } from './operations.ts';

// ajv and ajv-formats are CommonJS with `exports.default`; required when first compiling (a run from
// the build loads the precompiled set and never needs the compiler), the default export or the module.
type AjvClass = typeof _Ajv2020.default;
type AjvInstance = InstanceType<AjvClass>;
type StandaloneCode = typeof _standaloneCode.default;
type AddFormats = typeof _addFormats.default;
const requireHere = createRequire(import.meta.url);
const defaultExport = <T>(id: string): T => {
  const m = requireHere(id) as { default?: T };
  return (m.default ?? m) as T;
};

export interface SchemaError {
  /** JSON pointer into the validated body, e.g. "/payload/uuid" ("" = the body itself). */
  pointer: string;
  keyword: string;
  message: string;
}

export interface ResponseVerdict {
  /** false when the spec documents no response for that status. */
  documented: boolean;
  errors: SchemaError[];
}

const BASE = 'https://sipapp-conformance.invalid/spec/openapi.json';
const JSON_MEDIA = 'application/json';

interface CompiledOperation {
  responses: Map<number, ValidateFunction>;
  request?: ValidateFunction;
}

interface State {
  doc: OpenAPIV3_1.Document;
  operations: Map<OperationId, CompiledOperation>;
  /** A component's validator, compiled on first use (or taken from the precompiled set). */
  component(name: string): ValidateFunction;
  errorEnvelope: ValidateFunction;
}

const states = new Map<boolean, State>();

/**
 * The --strict variant of the document: every schema object carrying `x-strict` takes those keywords
 * over its own (ERRATA: the default schema accepts every reading, `x-strict` is the single reading
 * --strict pins, e.g. RFC 3339 timestamps or the 2021 enums). The default document ignores `x-strict`.
 */
export function strictVariant(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strictVariant);
  if (typeof value !== 'object' || value === null) return value;
  const { 'x-strict': pinned, ...rest } = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(rest)) out[key] = strictVariant(child);
  return typeof pinned === 'object' && pinned !== null ? { ...out, ...(strictVariant(pinned) as object) } : out;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerOf(tokens: string[]): string {
  return '#/' + tokens.map(escapePointer).join('/');
}

function isRef(value: unknown): value is OpenAPIV3_1.ReferenceObject {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** Resolve a local `#/...` reference in the document, returning the target and its pointer tokens. */
function resolveLocal(doc: OpenAPIV3_1.Document, ref: string): { value: unknown; tokens: string[] } {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, got ${ref}`);
  const tokens = ref
    .slice(2)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let value: unknown = doc;
  for (const token of tokens) {
    if (typeof value !== 'object' || value === null) throw new Error(`dangling reference ${ref}`);
    value = (value as Record<string, unknown>)[token];
  }
  if (value === undefined) throw new Error(`dangling reference ${ref}`);
  return { value, tokens };
}

function operationObject(doc: OpenAPIV3_1.Document, id: OperationId): { op: OpenAPIV3_1.OperationObject; tokens: string[] } {
  const { method, path } = OPERATIONS[id];
  const m = method.toLowerCase();
  const item = doc.paths?.[path] as Record<string, unknown> | undefined;
  const op = item?.[m] as OpenAPIV3_1.OperationObject | undefined;
  if (!op || op.operationId !== id) throw new Error(`spec has no ${method} ${path} with operationId ${id}`);
  return { op, tokens: ['paths', path, m] };
}

/** Pointer tokens of the JSON schema of a response/request body object (following `$ref`s of the object itself). */
function mediaSchemaTokens(
  doc: OpenAPIV3_1.Document,
  holder: unknown,
  tokens: string[],
): string[] | undefined {
  let obj = holder;
  let at = tokens;
  while (isRef(obj)) {
    const r = resolveLocal(doc, obj.$ref);
    obj = r.value;
    at = r.tokens;
  }
  const content = (obj as { content?: Record<string, { schema?: unknown }> }).content;
  if (!content?.[JSON_MEDIA]?.schema) return undefined;
  return [...at, 'content', JSON_MEDIA, 'schema'];
}

// Names of the validators a set holds (the export names of a precompiled set).
const responseKey = (id: OperationId, status: number) => `response ${id} ${status}`;
const requestKey = (id: OperationId) => `request ${id}`;
const componentKey = (name: string) => `component ${name}`;

/**
 * Every validator the checks use, by name, with the pointer tokens of its schema in the document:
 * each operation's documented JSON responses and request body, and every component schema.
 */
function validatorTargets(doc: OpenAPIV3_1.Document): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  for (const id of OPERATION_IDS) {
    const { op, tokens } = operationObject(doc, id);
    for (const [code, response] of Object.entries(op.responses ?? {})) {
      const status = Number(code);
      if (!Number.isInteger(status)) continue;
      const schemaTokens = mediaSchemaTokens(doc, response, [...tokens, 'responses', code]);
      if (schemaTokens) targets.set(responseKey(id, status), schemaTokens);
    }
    if (op.requestBody) {
      const schemaTokens = mediaSchemaTokens(doc, op.requestBody, [...tokens, 'requestBody']);
      if (schemaTokens) targets.set(requestKey(id), schemaTokens);
    }
  }
  for (const name of Object.keys(doc.components?.schemas ?? {})) targets.set(componentKey(name), ['components', 'schemas', name]);
  return targets;
}

/** The document as the validators see it: the --strict variant takes each `x-strict` over the default. */
function documentFor(strict: boolean): OpenAPIV3_1.Document {
  return (strict ? strictVariant(loadSpec()) : loadSpec()) as OpenAPIV3_1.Document;
}

/** An ajv instance holding the whole document: OpenAPI's own keys are unknown keywords (ignored, strict: false). */
function ajvFor(doc: OpenAPIV3_1.Document, code?: { source: true; formats: unknown }): AjvInstance {
  const Ajv2020 = defaultExport<AjvClass>('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true, ...(code ? { code: code as never } : {}) });
  defaultExport<AddFormats>('ajv-formats')(ajv);
  ajv.addSchema({ ...(doc as object), $id: BASE });
  return ajv;
}

/** Put a set of validators (looked up by name) into the shape the public functions use. */
function stateOf(doc: OpenAPIV3_1.Document, lookup: (key: string) => ValidateFunction | undefined): State {
  const operations = new Map<OperationId, CompiledOperation>();
  const targets = validatorTargets(doc);
  for (const id of OPERATION_IDS) {
    const responses = new Map<number, ValidateFunction>();
    for (const code of Object.keys(operationObject(doc, id).op.responses ?? {})) {
      const status = Number(code);
      if (targets.has(responseKey(id, status))) responses.set(status, lookup(responseKey(id, status))!);
    }
    operations.set(id, { responses, request: targets.has(requestKey(id)) ? lookup(requestKey(id)) : undefined });
  }
  const component = (name: string) => {
    if (!targets.has(componentKey(name))) throw new Error(`spec has no component schema named ${JSON.stringify(name)}`);
    return lookup(componentKey(name))!;
  };
  return { doc, operations, component, errorEnvelope: component('ErrorEnvelope') };
}

/** Compile the validators now, from the document (components on first use). */
function compiledState(strict: boolean): State {
  const doc = documentFor(strict);
  const ajv = ajvFor(doc);
  const targets = validatorTargets(doc);
  const compiled = new Map<string, ValidateFunction>();
  return stateOf(doc, (key) => {
    let v = compiled.get(key);
    if (!v) {
      v = ajv.compile({ $ref: BASE + pointerOf(targets.get(key)!) });
      compiled.set(key, v);
    }
    return v;
  });
}

/**
 * The validators as JavaScript (ajv's standalone code, CommonJS): what the build writes to
 * dist/generated/ so a run loads them instead of compiling them (compile once, at build time).
 */
export function precompiledValidatorsSource(strict: boolean): string {
  const doc = documentFor(strict);
  const { _ } = requireHere('ajv') as typeof import('ajv');
  const ajv = ajvFor(doc, { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` });
  const refs = Object.fromEntries([...validatorTargets(doc)].map(([key, tokens]) => [key, BASE + pointerOf(tokens)]));
  return defaultExport<StandaloneCode>('ajv/dist/standalone/index.js')(ajv, refs);
}

/** Bumped whenever the way validators are compiled changes (ajv options, targets): older builds are then ignored. */
export const VALIDATOR_FORMAT = 1;

/** Where the build writes a precompiled set, and what it was built from (ValidatorStamp). */
export const precompiledPath = (strict: boolean) => packagePath(`dist/generated/validators-${strict ? 'strict' : 'default'}.cjs`);
export const precompiledStampPath = () => packagePath('dist/generated/validators.json');

/**
 * What a precompiled set was made from: the spec's bytes, the format, and the code that compiled
 * it — the build's id for the bundle, the sha256 of this very file for the sources. A set is used
 * only by the code that made it, so editing this file (ajv options, targets) never runs stale
 * validators, from the sources or from a bundle.
 */
export interface ValidatorStamp {
  specSha256: string;
  format: number;
  compilerSha256?: string;
  buildId?: string;
}

/** sha256 of this module's source file (undefined inside the bundle, whose build id stands for it). */
function compilerSha256(): string | undefined {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith('.ts') || !existsSync(self)) return undefined;
  return createHash('sha256').update(readFileSync(self)).digest('hex');
}

/** The stamp a set compiled now by this code carries (the build adds its id). */
export function currentValidatorStamp(buildId?: string): ValidatorStamp {
  return { specSha256: specSha256(), format: VALIDATOR_FORMAT, compilerSha256: compilerSha256(), ...(buildId ? { buildId } : {}) };
}

function madeByThisCode(stamp: Partial<ValidatorStamp>): boolean {
  if (stamp.specSha256 !== specSha256() || stamp.format !== VALIDATOR_FORMAT) return false;
  if (BUILD_ID !== undefined) return stamp.buildId === BUILD_ID;
  const mine = compilerSha256();
  return mine !== undefined && stamp.compilerSha256 === mine;
}

function readStamp(): Partial<ValidatorStamp> | undefined {
  try {
    return JSON.parse(readFileSync(precompiledStampPath(), 'utf8')) as Partial<ValidatorStamp>;
  } catch {
    return undefined;
  }
}

/** Whether dist/generated holds both sets, made by this code from this very spec. */
export function precompiledIsCurrent(): boolean {
  const stamp = readStamp();
  return stamp !== undefined && madeByThisCode(stamp) && existsSync(precompiledPath(false)) && existsSync(precompiledPath(true));
}

/**
 * Write both sets and their stamp (the build, and tests on a clone not built since the spec
 * changed). Each file whole or not at all, the stamp last: a process reading them meanwhile sees
 * either the old stamp (and compiles) or a complete new set.
 */
export function writePrecompiledValidators(buildId?: string): void {
  mkdirSync(dirname(precompiledStampPath()), { recursive: true });
  const whole = (file: string, text: string) => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  };
  for (const strict of [false, true]) whole(precompiledPath(strict), precompiledValidatorsSource(strict));
  whole(precompiledStampPath(), JSON.stringify(currentValidatorStamp(buildId)));
}

/** The precompiled set, when this code built it from this very spec (else undefined: compile). */
function precompiledState(strict: boolean): State | undefined {
  if (compileOnly) return undefined;
  try {
    const stamp = readStamp();
    if (!stamp || !madeByThisCode(stamp)) return undefined;
    const exported = createRequire(import.meta.url)(precompiledPath(strict)) as Record<string, ValidateFunction>;
    return stateOf(documentFor(strict), (key) => exported[key]);
  } catch {
    return undefined;
  }
}

const origins = new Map<boolean, 'precompiled' | 'compiled'>();
let compileOnly = false;

/**
 * Forget the validators this process holds; the next use loads the precompiled set, or compiles
 * from the spec when `compile` is true (tests compare the two).
 */
export function resetValidators(options: { compile?: boolean } = {}): void {
  states.clear();
  origins.clear();
  compileOnly = options.compile ?? false;
}

function init(strict = false): State {
  let state = states.get(strict);
  if (!state) {
    const loaded = precompiledState(strict);
    origins.set(strict, loaded ? 'precompiled' : 'compiled');
    state = loaded ?? compiledState(strict);
    states.set(strict, state);
  }
  return state;
}

/** How this process got its validators: loaded from the build, or compiled from the spec. */
export function validatorOrigin(strict = false): 'precompiled' | 'compiled' {
  init(strict);
  return origins.get(strict)!;
}

function componentSchema(doc: OpenAPIV3_1.Document, name: string): OpenAPIV3_1.SchemaObject {
  const schema = doc.components?.schemas?.[name];
  if (!schema) throw new Error(`spec has no component schema named ${JSON.stringify(name)}`);
  return schema;
}

// ------------------------------------------------------------------ error shaping

interface RawError {
  pointer: string;
  keyword: string;
  message: string;
  /** For type errors: the expected type(s), used to summarise failed alternatives. */
  expected?: string[];
}

/** Keywords that say "this value is not of the alternative's shape at all". */
const SHAPE_KEYWORDS = new Set(['type', 'maxProperties', 'const']);

function describe(e: ErrorObject): RawError {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        pointer: `${e.instancePath}/${escapePointer(String(p.missingProperty))}`,
        keyword: 'required',
        message: 'is required but missing',
      };
    case 'type': {
      const expected = String(p.type).split(',');
      return { pointer: e.instancePath, keyword: 'type', message: `must be ${expected.join(' or ')}`, expected };
    }
    case 'enum':
      return {
        pointer: e.instancePath,
        keyword: 'enum',
        message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { pointer: e.instancePath, keyword: 'const', message: `must be ${JSON.stringify(p.allowedValue)}`, expected: [JSON.stringify(p.allowedValue)] };
    case 'maxProperties':
      return { pointer: e.instancePath, keyword: 'maxProperties', message: `must have at most ${String(p.limit)} properties`, expected: ['{}'] };
    default:
      return { pointer: e.instancePath, keyword: e.keyword, message: e.message ?? `fails ${e.keyword}` };
  }
}

function within(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + '/');
}

/**
 * Turn ajv's errors into SchemaErrors. For a failed anyOf/oneOf, ajv reports every alternative's
 * errors and then the anyOf itself; we keep the errors of the alternatives the value has the shape
 * of (e.g. an object's field errors rather than "must be null"), or, when it fits none, one line
 * naming the shapes it could have had.
 */
function shapeErrors(errors: ErrorObject[] | null | undefined): SchemaError[] {
  const out: RawError[] = [];
  for (const e of errors ?? []) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const base = e.instancePath;
      let start = out.length;
      while (start > 0 && within(out[start - 1]!.pointer, base)) start--;
      const branch = out.splice(start);
      const substantive = branch.filter((b) => !(b.pointer === base && SHAPE_KEYWORDS.has(b.keyword)));
      if (substantive.length > 0) {
        out.push(...substantive);
      } else {
        const expected = [...new Set(branch.flatMap((b) => b.expected ?? []))];
        out.push({
          pointer: base,
          keyword: e.keyword,
          message: expected.length > 0 ? `must be ${expected.join(' or ')}` : (e.message ?? 'must match a schema in anyOf'),
          expected,
        });
      }
      continue;
    }
    if (e.keyword === 'if' || e.keyword === 'allOf') continue;
    out.push(describe(e));
  }
  const seen = new Set<string>();
  const result: SchemaError[] = [];
  for (const r of out) {
    const key = `${r.pointer}\u0000${r.keyword}\u0000${r.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ pointer: r.pointer, keyword: r.keyword, message: r.message });
  }
  return result;
}

function run(v: ValidateFunction, value: unknown): SchemaError[] {
  return v(value) ? [] : shapeErrors(v.errors);
}

// ------------------------------------------------------------------ public API

/**
 * Validate a response body against the spec's schema for that operation and status.
 * Undocumented statuses >= 400 are still checked against ErrorEnvelope (documented: false).
 */
export function validateResponse(operationId: OperationId, status: number, body: unknown, strict = false): ResponseVerdict {
  const s = init(strict);
  const op = s.operations.get(operationId);
  if (!op) throw new Error(`unknown operation ${operationId}`);
  const v = op.responses.get(status);
  if (v) return { documented: true, errors: run(v, body) };
  if (status >= 400) return { documented: false, errors: run(s.errorEnvelope, body) };
  return { documented: false, errors: [] };
}

/** Validate a JSON request body (Create, Modify, Assign); [] for operations without a JSON body. */
export function validateRequestBody(operationId: OperationId, body: unknown): SchemaError[] {
  const s = init();
  const op = s.operations.get(operationId);
  if (!op) throw new Error(`unknown operation ${operationId}`);
  return op.request ? run(op.request, body) : [];
}

/** The HTTP statuses the spec documents for an operation, ascending. */
export function documentedStatuses(operationId: OperationId): number[] {
  const s = init();
  const op = s.operations.get(operationId);
  if (!op) throw new Error(`unknown operation ${operationId}`);
  return [...op.responses.keys()].sort((a, b) => a - b);
}

/** Validate a value against a named component schema, e.g. 'SIPControlApp', 'TNLease', 'ErrorEnvelope'. */
export function validateSchema(componentName: string, value: unknown): SchemaError[] {
  return run(init().component(componentName), value);
}

/** Property names a component documents (merged through allOf and local $refs). */
export function schemaProperties(componentName: string): string[] {
  const { doc } = init();
  const names = new Set<string>();
  const visit = (schema: unknown, depth: number): void => {
    if (depth > 10 || typeof schema !== 'object' || schema === null) return;
    if (isRef(schema)) {
      visit(resolveLocal(doc, schema.$ref).value, depth + 1);
      return;
    }
    const s = schema as OpenAPIV3_1.SchemaObject;
    for (const name of Object.keys(s.properties ?? {})) names.add(name);
    for (const sub of s.allOf ?? []) visit(sub, depth + 1);
  };
  visit(componentSchema(doc, componentName), 0);
  return [...names];
}

/** One readable line per error: "<pointer>: <message>" ("(body)" for the body itself). */
export function formatSchemaErrors(errors: SchemaError[]): string {
  return errors.map((e) => `${e.pointer === '' ? '(body)' : e.pointer}: ${e.message}`).join('\n');
}
