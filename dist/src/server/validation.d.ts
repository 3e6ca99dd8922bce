/**
 * The server's OWN request validation (deliberately independent of the suite's
 * request validators, so a mistake in the spec cannot hide itself).
 */
import type { Behaviour } from './behaviour.ts';
/** The fields of an app a client may set, as validated. */
export interface AppInput {
    name?: string;
    subdomain?: string;
    is_active?: boolean;
    class4_egress_trunk_settings?: Record<string, unknown>;
    outbound_voice_profile?: string | null;
}
export interface LeaseChange {
    add: string[];
    remove: string[];
}
export declare function requireObjectBody(body: unknown, b: Behaviour): Record<string, unknown>;
/**
 * Validate a Create (`mode: 'create'`) or Modify body. Unknown top-level fields are
 * ignored; `class4_egress_trunk_stings` (the page table's spelling, E01) is taken
 * as `class4_egress_trunk_settings` when the latter is absent.
 */
export declare function validateAppInput(raw: unknown, mode: 'create' | 'modify', b: Behaviour): AppInput;
export declare function validateLeaseChange(raw: unknown, b: Behaviour): LeaseChange;
