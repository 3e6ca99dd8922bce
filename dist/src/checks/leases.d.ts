import { type Verdict } from './verdict.ts';
/** The uuids of a TN lease list payload, or a reason it is not one. */
export declare function leaseUuids(payload: unknown): string[] | string;
/** The app's lease list holds exactly the expected leases: none missing, none extra, none twice. */
export declare function leasesExactly(payload: unknown, expected: string[], where: string): Verdict;
