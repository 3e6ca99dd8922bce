/**
 * Do the contracts agree with the spec? As the Pact ecosystem's bi-directional contract checks
 * do, every interaction of a pact file is compared with spec/openapi.yaml: its request must be an
 * operation's (method and path template, path uuid and body valid — or, for an interaction that
 * expects a client error, invalid), its response status documented (E13/E05: a 4xx for an
 * invalid request), and its response body — the matchers' example values — valid against the
 * response schema for that status. A contract that says something the spec does not is reported.
 */
import { validateCallFlow } from "../callflow/validate.js";
import { OPERATIONS, OPERATION_IDS } from "../spec/operations.js";
import { documentedStatuses, formatSchemaErrors, validateRequestBody, validateResponse, validateSchema } from "../spec/validators.js";
/** The operation whose method and path template the request matches, and its path uuid. */
export function matchOperation(method, path) {
    for (const id of OPERATION_IDS) {
        const op = OPERATIONS[id];
        if (op.method !== method.toUpperCase())
            continue;
        const re = new RegExp(`^${op.path.replace('{uuid}', '([^/]+)')}$`);
        const m = re.exec(path.split('?')[0]);
        if (m)
            return { operationId: id, uuid: m[1] === undefined ? undefined : decodeURIComponent(m[1]) };
    }
    return undefined;
}
const CLASS_RANGES = {
    information: [100, 199],
    success: [200, 299],
    redirect: [300, 399],
    clientError: [400, 499],
    serverError: [500, 599],
    nonError: [100, 399],
    error: [400, 599],
};
/** The statuses the interaction accepts: its status, widened by a V4 status-code matcher. */
export function acceptedStatuses(i) {
    const matcher = i.response.matchingRules?.status?.$?.matchers?.find((m) => m.match === 'statusCode');
    if (!matcher)
        return { statuses: [i.response.status] };
    if (Array.isArray(matcher.status))
        return { statuses: matcher.status };
    const range = CLASS_RANGES[String(matcher.status)];
    return { statuses: [i.response.status], range };
}
function header(headers, name) {
    for (const [k, v] of Object.entries(headers ?? {}))
        if (k.toLowerCase() === name)
            return Array.isArray(v) ? v[0] : v;
    return undefined;
}
/** Every way the interaction disagrees with the spec; [] when it agrees. */
export async function disagreements(i) {
    const problems = [];
    const { method, path } = i.request;
    const match = matchOperation(method, path);
    if (!match)
        return [`${method} ${path}: no operation of the spec has this method and path template`];
    const { operationId, uuid } = match;
    // The request: is it one the spec calls valid?
    const requestErrors = [];
    if (uuid !== undefined) {
        const errors = validateSchema('Uuid', uuid);
        if (errors.length)
            requestErrors.push(`path uuid ${JSON.stringify(uuid)}: ${formatSchemaErrors(errors)}`);
    }
    const contentType = i.request.body?.contentType ?? header(i.request.headers, 'content-type');
    const content = i.request.body?.content;
    if (content !== undefined) {
        if (contentType?.includes('json')) {
            const errors = validateRequestBody(operationId, content);
            if (errors.length)
                requestErrors.push(`request body: ${formatSchemaErrors(errors).replace(/\n/g, '; ')}`);
            if (operationId === 'ExecuteSIPControlAppCallExecuteCallFlow')
                problems.push('request body: the spec documents XML (multipart or raw) for the call flow, not JSON');
        }
        else if (contentType?.includes('xml')) {
            if (operationId !== 'ExecuteSIPControlAppCallExecuteCallFlow')
                problems.push(`request body: ${operationId} takes JSON, not ${contentType}`);
            else {
                const verdict = await validateCallFlow(String(content));
                if (!verdict.ok)
                    requestErrors.push(`call flow: ${verdict.kind}: ${verdict.errors.slice(0, 2).join('; ')}`);
            }
        }
        else {
            problems.push(`request body of content type ${String(contentType)} is not one the spec documents`);
        }
    }
    else if (['CreateSIPControlApp', 'ModifySIPControlApp', 'ExecuteSIPControlAppCallExecuteCallFlow'].includes(operationId)) {
        requestErrors.push('request body is missing (required by the spec)');
    }
    // The status: documented for a valid request; a client error (E05/E24/E60) for an invalid one.
    const { statuses, range } = acceptedStatuses(i);
    const documented = documentedStatuses(operationId);
    const expected = range ? `${range[0]}..${range[1]}` : statuses.join(' or ');
    if (requestErrors.length) {
        const isClientError = (s) => s >= 400 && s <= 499;
        if (range ? !(range[0] >= 400 && range[1] <= 499) : !statuses.every(isClientError)) {
            problems.push(`the request is invalid per the spec (${requestErrors.join('; ')}) but the contract expects ${expected}, not a client error (ERRATA E05)`);
        }
    }
    else {
        // E13/E22: where the spec documents a client error for the situation (e.g. Create's 404 for an
        // unknown reference), any 4xx is accepted; a class is only out of place for a success.
        const documentedClientError = documented.some((s) => s >= 400 && s <= 499 && s !== 401);
        const clientErrorClass = range !== undefined && range[0] >= 400 && range[1] <= 499 && statuses.every((s) => s >= 400 && s <= 499);
        if (range && !(clientErrorClass && documentedClientError))
            problems.push(`a valid request expects a status class (${expected}); the spec documents ${documented.join(', ')}`);
        // E03: bad tokens may be answered 403 where the spec documents 401 (the page titles it "Forbidden").
        const errataAllowed = (s) => s === 403 && statuses.includes(401) && documented.includes(401);
        for (const s of statuses)
            if (!documented.includes(s) && !errataAllowed(s))
                problems.push(`${operationId} does not document status ${s} (documented: ${documented.join(', ')})`);
    }
    // The response body, with the matchers' example values.
    const responseType = i.response.body?.contentType ?? header(i.response.headers, 'content-type');
    if (!responseType?.includes('application/json'))
        problems.push(`response content type ${String(responseType)}: the spec documents application/json`);
    for (const s of statuses) {
        const verdict = validateResponse(operationId, s, i.response.body?.content);
        if (verdict.errors.length)
            problems.push(`response body for ${s}: ${formatSchemaErrors(verdict.errors).replace(/\n/g, '; ')}`);
    }
    return problems;
}
//# sourceMappingURL=spec-agreement.js.map