/**
 * Loads spec/openapi.yaml once (parsed with `yaml`), typed as an OpenAPI 3.1 document.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packagePath } from "../package-root.js";
import YAML from 'yaml';
/** Absolute path of the spec file. */
export const SPEC_PATH = packagePath('spec/openapi.yaml');
let bytes;
let doc;
/** The raw bytes of spec/openapi.yaml (read once). */
export function specBytes() {
    bytes ??= readFileSync(SPEC_PATH);
    return bytes;
}
/** The parsed spec (parsed once; treat as read-only). */
export function loadSpec() {
    doc ??= YAML.parse(specBytes().toString('utf8'));
    return doc;
}
/** sha256 (hex) of the spec file's bytes, for reports and caches. */
export function specSha256() {
    return createHash('sha256').update(specBytes()).digest('hex');
}
/** `info.version` of the spec. */
export function specVersion() {
    return loadSpec().info.version;
}
//# sourceMappingURL=load.js.map