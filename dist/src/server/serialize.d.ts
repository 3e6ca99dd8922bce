/**
 * What clients see: records rendered into the page's object shapes, with their
 * relations. User objects never carry a filled password or token (E30).
 */
import type { AppRec, CallRec, LeaseRec, Store } from './state.ts';
type Obj = Record<string, unknown>;
export declare function renderAccount(store: Store, uuid: string): Obj;
export declare function renderUser(store: Store, uuid: string): Obj;
export declare function renderOvp(store: Store, uuid: string | null): Obj | null;
/** An app as a relation inside another object: its own fields, no relations. */
export declare function renderAppShallow(app: AppRec): Obj;
export declare function renderLease(store: Store, lease: LeaseRec): Obj;
export declare function renderLeases(store: Store, uuids: readonly string[]): Obj[];
export declare function renderApp(store: Store, app: AppRec): Obj;
export declare function renderCall(store: Store, call: CallRec): Obj;
export {};
