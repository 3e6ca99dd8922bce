import type { ReferenceServerOptions, RunningReferenceServer } from './types.ts';
export type { AccountFixture, ReferenceFixtures, ReferenceServerOptions, RequestLogEntry, RunningReferenceServer, } from './types.ts';
export { FAULTS, FAULT_CATEGORIES, faultByName, type FaultSpec } from './faults.ts';
export { READINGS, READING_PREFIX, readingByName, type ReadingSpec } from './readings.ts';
export declare function startReferenceServer(options?: ReferenceServerOptions): Promise<RunningReferenceServer>;
