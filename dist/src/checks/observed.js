export function observe(init) {
    if (init.text.trim() === '')
        return { ...init, json: undefined, jsonError: 'empty body' };
    try {
        return { ...init, json: JSON.parse(init.text) };
    }
    catch (error) {
        return { ...init, json: undefined, jsonError: `not JSON (${error.message})` };
    }
}
/** Shorten a value for a failure message. */
export function preview(value, max = 160) {
    const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
export function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The payload of a success envelope, if there is one. */
export function payloadOf(res) {
    return isObject(res.json) ? res.json.payload : undefined;
}
//# sourceMappingURL=observed.js.map