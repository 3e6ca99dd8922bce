/**
 * Seed data: two accounts (A and B), each with an admin user, an outbound voice
 * profile, TN leases, live calls and optionally some pre-existing apps.
 */
import type { Store } from './state.ts';
export interface SeededAccount {
    account: string;
    ovp: string;
    leases: string[];
    calls: string[];
}
export declare const LEASES_PER_ACCOUNT = 5;
export declare const CALLS_PER_ACCOUNT = 3;
export declare function seedAccount(store: Store, key: 'a' | 'b', opts: {
    seedApps: number;
    mintUuid: () => string;
}): SeededAccount;
