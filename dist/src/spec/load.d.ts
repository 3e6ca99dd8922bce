import type { OpenAPIV3_1 } from 'openapi-types';
/** Absolute path of the spec file. */
export declare const SPEC_PATH: string;
/** The raw bytes of spec/openapi.yaml (read once). */
export declare function specBytes(): Buffer;
/** The parsed spec (parsed once; treat as read-only). */
export declare function loadSpec(): OpenAPIV3_1.Document;
/** sha256 (hex) of the spec file's bytes, for reports and caches. */
export declare function specSha256(): string;
/** `info.version` of the spec. */
export declare function specVersion(): string;
