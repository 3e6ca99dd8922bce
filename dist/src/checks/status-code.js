import { fail, pass } from "./verdict.js";
export function describeAllowed(rule, strict) {
    const allowed = strict && rule.strict ? rule.strict : rule.accept;
    return allowed === 'any-4xx' ? 'a 4xx status' : allowed.length === 1 ? `${allowed[0]}` : `one of ${allowed.join(', ')}`;
}
export function statusAllowed(rule, status, strict) {
    const allowed = strict && rule.strict ? rule.strict : rule.accept;
    return allowed === 'any-4xx' ? status >= 400 && status < 500 : allowed.includes(status);
}
export function checkStatus(res, rule, strict) {
    if (statusAllowed(rule, res.status, strict))
        return pass();
    return fail(`${res.method} ${res.path} (${rule.situation}) answered ${res.status}`, describeAllowed(rule, strict), `${res.status}`);
}
/** Shared rules the suites use, so every case words and pins them alike. */
export const STATUS = {
    created: { situation: 'valid create', accept: [200, 201], strict: [201] },
    ok: { situation: 'valid request', accept: [200] },
    invalidInput: { situation: 'invalid input', accept: 'any-4xx', strict: [400] },
    unauthenticated: { situation: 'bad or missing token', accept: [401, 403], strict: [401] },
    notFound: { situation: 'unknown uuid', accept: [404] },
    malformedUuid: { situation: 'malformed uuid', accept: 'any-4xx' },
    unknownReference: { situation: 'unknown reference', accept: 'any-4xx', strict: [404] },
    foreign: { situation: "another account's app", accept: [403, 404], strict: [404] },
};
//# sourceMappingURL=status-code.js.map