/**
 * Loads spec/openapi.yaml once (parsed with `yaml`), typed as an OpenAPI 3.1 document.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.ts';
import type { OpenAPIV3_1 } from 'openapi-types';
import YAML from 'yaml';

/** Absolute path of the spec file. */
export const SPEC_PATH: string = packagePath('spec/openapi.yaml');

let bytes: Buffer | undefined;
let doc: OpenAPIV3_1.Document | undefined;

/** The raw bytes of spec/openapi.yaml (read once). */
export function specBytes(): Buffer {
  bytes ??= readFileSync(SPEC_PATH);
  return bytes;
}

/** The parsed spec (parsed once; treat as read-only). */
export function loadSpec(): OpenAPIV3_1.Document {
  doc ??= YAML.parse(specBytes().toString('utf8')) as OpenAPIV3_1.Document;
  return doc;
}

/** sha256 (hex) of the spec file's bytes, for reports and caches. */
export function specSha256(): string {
  return createHash('sha256').update(specBytes()).digest('hex');
}

/** `info.version` of the spec. */
export function specVersion(): string {
  return loadSpec().info.version;
}
