export const JSON_TYPE = 'application/json; charset=utf-8';
export function errorBody(status, message) {
    return { success: false, message, status };
}
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Helpers for response transformers. */
export function payloadOf(ctx) {
    return isObj(ctx.body) ? ctx.body.payload : undefined;
}
export function withPayload(ctx, payload) {
    return { ...ctx, body: { ...ctx.body, payload } };
}
/** Apply `fn` to each object of a 2xx payload (the object itself, or each element of an array). */
export function mapPayloadObjects(ctx, fn) {
    if (ctx.status < 200 || ctx.status > 299)
        return ctx;
    const p = payloadOf(ctx);
    if (Array.isArray(p))
        return withPayload(ctx, p.map((x) => (isObj(x) ? fn({ ...x }) : x)));
    if (isObj(p))
        return withPayload(ctx, fn({ ...p }));
    return ctx;
}
export const APP_OPERATIONS = new Set([
    'CreateSIPControlApp',
    'ListSIPControlApps',
    'GetSIPControlAppByUUID',
    'ModifySIPControlApp',
    'RemoveSIPControlAppByUUID',
]);
export const LEASE_OPERATIONS = new Set([
    'AssignTNLeasesToSIPControlApp',
    'GetSIPControlAppTNLeasesList',
]);
//# sourceMappingURL=respond.js.map