/** Create, List, Get, Modify and Remove of SIP control apps. */
import type { OperationId } from '../../spec/operations.ts';
import type { Handler } from '../context.ts';
export declare const APP_HANDLERS: Partial<Record<OperationId, Handler>>;
