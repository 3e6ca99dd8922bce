/** Assign / list the TN leases of an app. */
import type { OperationId } from '../../spec/operations.ts';
import type { Handler } from '../context.ts';
export declare const LEASE_HANDLERS: Partial<Record<OperationId, Handler>>;
