export declare const TRUNK_ENUMS: Record<string, readonly string[]>;
/** What a trunk created without settings looks like. */
export declare const TRUNK_DEFAULTS: Readonly<Record<string, unknown>>;
/**
 * Validate the settings object a client sent and return what to store (rate_decimal
 * normalised to a numeric string, E04). Unknown keys are ignored, like top-level ones.
 */
export declare function validateTrunkSettings(value: unknown): Record<string, unknown>;
/** What a client reads back: defaults, overlaid with what was stored. */
export declare function renderTrunkSettings(stored: Record<string, unknown>, appName: string, defaults?: Readonly<Record<string, unknown>>): Record<string, unknown>;
