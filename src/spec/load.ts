/**
 * Loads spec/openapi.yaml once, typed as an OpenAPI 3.1 document: from the JSON copy the build
 * writes (dist/generated/openapi.json, parsed in a millisecond) when it was made from these very
 * bytes, else by parsing the YAML (`yaml`, a tenth of a second).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../package-root.ts';
import type { OpenAPIV3_1 } from 'openapi-types';

/** Absolute path of the spec file. */
export const SPEC_PATH: string = packagePath('spec/openapi.yaml');

let bytes: Buffer | undefined;
let doc: OpenAPIV3_1.Document | undefined;
let sha256: string | undefined;

/** The raw bytes of spec/openapi.yaml (read once). */
export function specBytes(): Buffer {
  bytes ??= readFileSync(SPEC_PATH);
  return bytes;
}

/** Where the build writes the spec as JSON, with the sha256 of the YAML it came from. */
export const SPEC_JSON_PATH: string = packagePath('dist/generated/openapi.json');

/** The spec as the build left it, if it was built from the current YAML. */
function builtCopy(): OpenAPIV3_1.Document | undefined {
  if (!existsSync(SPEC_JSON_PATH)) return undefined;
  try {
    const built = JSON.parse(readFileSync(SPEC_JSON_PATH, 'utf8')) as { specSha256?: string; document?: OpenAPIV3_1.Document };
    return built.specSha256 === specSha256() ? built.document : undefined;
  } catch {
    // Truncated by an interrupted build, or removed by one starting now: the YAML is still there.
    return undefined;
  }
}

/** The spec parsed from the YAML itself (what the build writes as JSON). */
export function parseSpecYaml(): OpenAPIV3_1.Document {
  // Required here, not imported: a run from the build reads the JSON copy and never loads the YAML parser.
  const YAML = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return YAML.parse(specBytes().toString('utf8')) as OpenAPIV3_1.Document;
}

/** The parsed spec (parsed once; treat as read-only). */
export function loadSpec(): OpenAPIV3_1.Document {
  doc ??= builtCopy() ?? parseSpecYaml();
  return doc;
}

/** sha256 (hex) of the spec file's bytes, for reports and caches. */
export function specSha256(): string {
  sha256 ??= createHash('sha256').update(specBytes()).digest('hex');
  return sha256;
}

/** `info.version` of the spec. */
export function specVersion(): string {
  return loadSpec().info.version;
}
