/**
 * JSON Schema validators compiled from spec/openapi.yaml (ajv, draft 2020-12, ajv-formats).
 *
 * The whole OpenAPI document is registered with ajv once, under a private base URI, and every
 * validator is a `$ref` into it, so `$ref`s between components resolve exactly as the spec writes
 * them. Operation validators are compiled together on first use and cached; component validators
 * are compiled on first request for that component and cached.
 */
import _Ajv2020 from 'ajv/dist/2020.js';
import _addFormats from 'ajv-formats';
import { loadSpec } from "./load.js";
import { OPERATIONS, OPERATION_IDS } from "./operations.js";
const Ajv2020 = (_Ajv2020.default ?? _Ajv2020);
const addFormats = (_addFormats.default ??
    _addFormats);
const BASE = 'https://sipapp-conformance.invalid/spec/openapi.json';
const JSON_MEDIA = 'application/json';
const states = new Map();
/**
 * The --strict variant of the document: every schema object carrying `x-strict` takes those keywords
 * over its own (ERRATA: the default schema accepts every reading, `x-strict` is the single reading
 * --strict pins, e.g. RFC 3339 timestamps or the 2021 enums). The default document ignores `x-strict`.
 */
export function strictVariant(value) {
    if (Array.isArray(value))
        return value.map(strictVariant);
    if (typeof value !== 'object' || value === null)
        return value;
    const { 'x-strict': pinned, ...rest } = value;
    const out = {};
    for (const [key, child] of Object.entries(rest))
        out[key] = strictVariant(child);
    return typeof pinned === 'object' && pinned !== null ? { ...out, ...strictVariant(pinned) } : out;
}
function escapePointer(token) {
    return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
function pointerOf(tokens) {
    return '#/' + tokens.map(escapePointer).join('/');
}
function isRef(value) {
    return typeof value === 'object' && value !== null && typeof value.$ref === 'string';
}
/** Resolve a local `#/...` reference in the document, returning the target and its pointer tokens. */
function resolveLocal(doc, ref) {
    if (!ref.startsWith('#/'))
        throw new Error(`only local references are supported, got ${ref}`);
    const tokens = ref
        .slice(2)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    let value = doc;
    for (const token of tokens) {
        if (typeof value !== 'object' || value === null)
            throw new Error(`dangling reference ${ref}`);
        value = value[token];
    }
    if (value === undefined)
        throw new Error(`dangling reference ${ref}`);
    return { value, tokens };
}
function compileAt(ajv, tokens) {
    return ajv.compile({ $ref: BASE + pointerOf(tokens) });
}
function operationObject(doc, id) {
    const { method, path } = OPERATIONS[id];
    const m = method.toLowerCase();
    const item = doc.paths?.[path];
    const op = item?.[m];
    if (!op || op.operationId !== id)
        throw new Error(`spec has no ${method} ${path} with operationId ${id}`);
    return { op, tokens: ['paths', path, m] };
}
/** Pointer tokens of the JSON schema of a response/request body object (following `$ref`s of the object itself). */
function mediaSchemaTokens(doc, holder, tokens) {
    let obj = holder;
    let at = tokens;
    while (isRef(obj)) {
        const r = resolveLocal(doc, obj.$ref);
        obj = r.value;
        at = r.tokens;
    }
    const content = obj.content;
    if (!content?.[JSON_MEDIA]?.schema)
        return undefined;
    return [...at, 'content', JSON_MEDIA, 'schema'];
}
function init(strict = false) {
    const cached = states.get(strict);
    if (cached)
        return cached;
    const doc = (strict ? strictVariant(loadSpec()) : loadSpec());
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    addFormats(ajv);
    // Register the whole document: OpenAPI's own keys are unknown keywords (ignored, strict: false).
    ajv.addSchema({ ...doc, $id: BASE });
    const operations = new Map();
    for (const id of OPERATION_IDS) {
        const { op, tokens } = operationObject(doc, id);
        const responses = new Map();
        for (const [code, response] of Object.entries(op.responses ?? {})) {
            const status = Number(code);
            if (!Number.isInteger(status))
                continue;
            const schemaTokens = mediaSchemaTokens(doc, response, [...tokens, 'responses', code]);
            if (schemaTokens)
                responses.set(status, compileAt(ajv, schemaTokens));
        }
        let request;
        if (op.requestBody) {
            const schemaTokens = mediaSchemaTokens(doc, op.requestBody, [...tokens, 'requestBody']);
            if (schemaTokens)
                request = compileAt(ajv, schemaTokens);
        }
        operations.set(id, { responses, request });
    }
    const errorEnvelope = compileAt(ajv, ['components', 'schemas', 'ErrorEnvelope']);
    const state = { ajv, doc, operations, components: new Map([['ErrorEnvelope', errorEnvelope]]), errorEnvelope };
    states.set(strict, state);
    return state;
}
function componentSchema(doc, name) {
    const schema = doc.components?.schemas?.[name];
    if (!schema)
        throw new Error(`spec has no component schema named ${JSON.stringify(name)}`);
    return schema;
}
function componentValidator(name) {
    const s = init();
    let v = s.components.get(name);
    if (!v) {
        componentSchema(s.doc, name);
        v = compileAt(s.ajv, ['components', 'schemas', name]);
        s.components.set(name, v);
    }
    return v;
}
/** Keywords that say "this value is not of the alternative's shape at all". */
const SHAPE_KEYWORDS = new Set(['type', 'maxProperties', 'const']);
function describe(e) {
    const p = e.params;
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
                message: `must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
            };
        case 'const':
            return { pointer: e.instancePath, keyword: 'const', message: `must be ${JSON.stringify(p.allowedValue)}`, expected: [JSON.stringify(p.allowedValue)] };
        case 'maxProperties':
            return { pointer: e.instancePath, keyword: 'maxProperties', message: `must have at most ${String(p.limit)} properties`, expected: ['{}'] };
        default:
            return { pointer: e.instancePath, keyword: e.keyword, message: e.message ?? `fails ${e.keyword}` };
    }
}
function within(pointer, base) {
    return pointer === base || pointer.startsWith(base + '/');
}
/**
 * Turn ajv's errors into SchemaErrors. For a failed anyOf/oneOf, ajv reports every alternative's
 * errors and then the anyOf itself; we keep the errors of the alternatives the value has the shape
 * of (e.g. an object's field errors rather than "must be null"), or, when it fits none, one line
 * naming the shapes it could have had.
 */
function shapeErrors(errors) {
    const out = [];
    for (const e of errors ?? []) {
        if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
            const base = e.instancePath;
            let start = out.length;
            while (start > 0 && within(out[start - 1].pointer, base))
                start--;
            const branch = out.splice(start);
            const substantive = branch.filter((b) => !(b.pointer === base && SHAPE_KEYWORDS.has(b.keyword)));
            if (substantive.length > 0) {
                out.push(...substantive);
            }
            else {
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
        if (e.keyword === 'if' || e.keyword === 'allOf')
            continue;
        out.push(describe(e));
    }
    const seen = new Set();
    const result = [];
    for (const r of out) {
        const key = `${r.pointer}\u0000${r.keyword}\u0000${r.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        result.push({ pointer: r.pointer, keyword: r.keyword, message: r.message });
    }
    return result;
}
function run(v, value) {
    return v(value) ? [] : shapeErrors(v.errors);
}
// ------------------------------------------------------------------ public API
/**
 * Validate a response body against the spec's schema for that operation and status.
 * Undocumented statuses >= 400 are still checked against ErrorEnvelope (documented: false).
 */
export function validateResponse(operationId, status, body, strict = false) {
    const s = init(strict);
    const op = s.operations.get(operationId);
    if (!op)
        throw new Error(`unknown operation ${operationId}`);
    const v = op.responses.get(status);
    if (v)
        return { documented: true, errors: run(v, body) };
    if (status >= 400)
        return { documented: false, errors: run(s.errorEnvelope, body) };
    return { documented: false, errors: [] };
}
/** Validate a JSON request body (Create, Modify, Assign); [] for operations without a JSON body. */
export function validateRequestBody(operationId, body) {
    const s = init();
    const op = s.operations.get(operationId);
    if (!op)
        throw new Error(`unknown operation ${operationId}`);
    return op.request ? run(op.request, body) : [];
}
/** The HTTP statuses the spec documents for an operation, ascending. */
export function documentedStatuses(operationId) {
    const s = init();
    const op = s.operations.get(operationId);
    if (!op)
        throw new Error(`unknown operation ${operationId}`);
    return [...op.responses.keys()].sort((a, b) => a - b);
}
/** Validate a value against a named component schema, e.g. 'SIPControlApp', 'TNLease', 'ErrorEnvelope'. */
export function validateSchema(componentName, value) {
    return run(componentValidator(componentName), value);
}
/** Property names a component documents (merged through allOf and local $refs). */
export function schemaProperties(componentName) {
    const { doc } = init();
    const names = new Set();
    const visit = (schema, depth) => {
        if (depth > 10 || typeof schema !== 'object' || schema === null)
            return;
        if (isRef(schema)) {
            visit(resolveLocal(doc, schema.$ref).value, depth + 1);
            return;
        }
        const s = schema;
        for (const name of Object.keys(s.properties ?? {}))
            names.add(name);
        for (const sub of s.allOf ?? [])
            visit(sub, depth + 1);
    };
    visit(componentSchema(doc, componentName), 0);
    return [...names];
}
/** One readable line per error: "<pointer>: <message>" ("(body)" for the body itself). */
export function formatSchemaErrors(errors) {
    return errors.map((e) => `${e.pointer === '' ? '(body)' : e.pointer}: ${e.message}`).join('\n');
}
//# sourceMappingURL=validators.js.map