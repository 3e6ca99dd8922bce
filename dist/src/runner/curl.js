/** A reproducing command for one request. Headers are already redacted, so `$SIPAPP_TOKEN` stays a shell variable. */
export function toCurl(method, url, headers, body) {
    const parts = [`curl -sS -X ${method} ${shellQuote(url)}`];
    for (const [name, value] of Object.entries(headers)) {
        // Double quotes so that $SIPAPP_TOKEN expands; everything else in the value is escaped.
        parts.push(`-H "${name}: ${value.replace(/(["\\`])/g, '\\$1').replace(/\$(?!SIPAPP_TOKEN)/g, '\\$')}"`);
    }
    if (body !== undefined)
        parts.push(`--data-binary ${shellQuote(body)}`);
    return parts.join(' \\\n  ');
}
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
//# sourceMappingURL=curl.js.map