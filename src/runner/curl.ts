/**
 * A reproducing command for one request. Headers are already redacted, so `$SIPAPP_TOKEN` and a
 * secret --header's `$SIPAPP_HEADER_<NAME>` stay shell variables.
 */
export function toCurl(method: string, url: string, headers: Record<string, string>, body?: string): string {
  const parts = [`curl -sS -X ${method} ${shellQuote(url)}`];
  for (const [name, value] of Object.entries(headers)) {
    // Double quotes so that the placeholders expand; everything else in the value is escaped.
    parts.push(`-H "${name}: ${value.replace(/(["\\`])/g, '\\$1').replace(/\$(?!SIPAPP_TOKEN|SIPAPP_HEADER_)/g, '\\$')}"`);
  }
  if (body !== undefined) parts.push(`--data-binary ${shellQuote(body)}`);
  return parts.join(' \\\n  ');
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
