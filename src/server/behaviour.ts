/**
 * The request-phase switches a fault may turn. Handlers read these (never a fault
 * name); the conforming server runs with DEFAULT_BEHAVIOUR.
 */
import type { OperationId } from '../spec/operations.ts';
import type { AuthVerdict } from './auth.ts';
import { UUID_RE, codePointLength, newUuid } from './util.ts';
import { TRUNK_DEFAULTS, type TrunkReading } from './trunk.ts';
import type { ConnectionResets } from './network.ts';

/**
 * How call-flow XML is judged: 'full' = the suite's XSD; 'normative-only' = a lenient parser that
 * refuses only what E69's normative tier names (not XML, root not Response, unknown element).
 */
export type CallflowMode = 'full' | 'normative-only' | 'well-formed-only' | 'none' | 'reject-all';

export interface Behaviour {
  /** How a length limit counts (E26: code points). */
  measure: (s: string) => number;
  nameLimits: readonly [number, number];
  subdomainLimits: readonly [number, number];
  /** Whether Modify checks the length limits at all. */
  limitsOnModify: boolean;
  /** Accept "yes"/"true"/1 for is_active. */
  lenientBoolean: boolean;
  /** Accept a number for name and store it as a string. */
  coerceName: boolean;
  /** Answer a body that is not an object with a crash instead of 400. */
  nonObjectBodyCrashes: boolean;
  /** Status for a body that is not JSON (Fastify's own 400 by default). */
  malformedJsonStatus: number;
  /** A malformed outbound_voice_profile reaches the database and crashes it. */
  malformedReferenceCrashes: boolean;
  isActiveDefault: boolean;
  /** Fields Create forgets to store. */
  createDrops: readonly string[];
  /** Fields Modify forgets to apply. */
  modifyIgnores: readonly string[];
  /** Modify replaces the whole app: omitted fields go back to their defaults. */
  modifyReplaces: boolean;
  storeTrunkSettings: boolean;
  /** What trunk settings show for keys the client never set (a newer server may have other defaults, E71). */
  trunkDefaults: Readonly<Record<string, unknown>>;
  /** Modify moves modified_on to now (E74). */
  touchModifiedOn: boolean;
  unknownOvp: 'reject' | 'accept';
  /** Remove really deletes. */
  removeDeletes: boolean;
  /** A removed app stays readable by Get. */
  removedStaysReadable: boolean;
  /** What Remove does to an app that still has leases (E19: refuse with 409, or release them and remove). */
  removeWithLeases: 'conflict' | 'crash' | 'release';
  /** Mints every uuid the server hands out for new apps. */
  mintUuid: () => string;
  /** Which path uuids are well-formed. */
  pathUuidValid: (s: string) => boolean;
  /** Case-insensitive lookup of path uuids. */
  pathUuidCaseInsensitive: boolean;
  malformedPathCrashes: boolean;
  /** Operations that may see or touch another account's apps. */
  crossAccount: ReadonlySet<OperationId>;
  /** Status for another account's app (E25: 404, or 403 revealing that it exists). */
  foreignStatus: number;
  /** Status for an unknown outbound voice profile or TN lease in a body (E21/E22: 404 documented, any 4xx). */
  unknownReferenceStatus: number;
  /** Take `class4_egress_trunk_stings` (E01) as `class4_egress_trunk_settings` when the latter is absent. */
  stingsAlias: boolean;
  leases: {
    applyAdd: boolean;
    applyRemove: boolean;
    unknown: 'reject' | 'skip' | 'partial';
    dedupe: boolean;
    /** Move a lease held by another app (E20) rather than leave it there too. */
    move: boolean;
    /** GET lists every lease of the account instead of the app's. */
    listAll: boolean;
    /**
     * Refuse (409) a lease another app holds (E20's other reading) instead of moving it;
     * 'any-app' also refuses one this very app already holds (no idempotent re-assign).
     */
    refuseTaken: false | 'other-app' | 'any-app';
    /** The status refusing a taken lease (E20: any 4xx; 409 is the natural one). */
    takenStatus: number;
    /** The leases a change names are looked up for the caller before the app is (body first): another account's are unknown references (E21). */
    resolveBeforeApp: boolean;
    /** What Assign answers (E33): the app's leases after the change, or only the leases the request named. */
    answer: 'app' | 'changed';
    /** `remove` takes a lease from whichever app holds it, not only from the app in the path. */
    removeUnscoped: boolean;
    /** Status refusing the removal of a lease the app does not hold (E75's other reading); false = a no-op. */
    refuseRemoveNotHeld: false | number;
    /** Status refusing a body whose add and remove are both empty or absent (E17: the page does not say it is a no-op); false = a no-op. */
    refuseEmptyChange: false | number;
    /** Only the first lease of `add` is assigned (a loop that returns early). */
    addFirstOnly: boolean;
    /** Removing an app releases every lease ever assigned to it (its join rows' history), moved ones too. */
    removeReleasesHistory: boolean;
  };
  /** Call-flow encodings taken (E07); a refused one is answered 415. */
  callflowEncodings: {
    multipart: boolean;
    raw: boolean;
    /** Refuse before the token and path are looked at. */
    checkedFirst: boolean;
    /** Status for a refused encoding (415, or 400/422 from a server that reads it as a bad body). */
    refusedStatus?: number;
  };
  callflow: CallflowMode;
  multipartCrashes: boolean;
  /** The answer for an unknown call uuid. */
  unknownCallFound: boolean;
  /** Operations answered without asking for a token. */
  anonymous: ReadonlySet<OperationId>;
  /** Last word on a token verdict. */
  judgeToken: (verdict: AuthVerdict, operation: OperationId) => AuthVerdict;
  /** What a stored name becomes (a column that cannot hold every character, or truncates). */
  storeName: (name: string) => string;
  /** A name the handler crashes on (a slug routine that chokes on some characters). */
  nameCrashes: (name: string) => boolean;
  /** Trunk settings the handler crashes on after validation (e.g. an empty codec list). */
  trunkCrashes: (settings: Record<string, unknown>, mode: 'create' | 'modify') => boolean;
  /** Check the types of trunk settings at all (enums are always checked). */
  trunkTypesChecked: boolean;
  /** Modify crashes on a trunk enum value it cannot map (instead of the 400 create gives). */
  modifyEnumCrashes: boolean;
  /** How the trunk settings are read (opaque, coerced, a wider enum list; E77). */
  trunkReading: Omit<TrunkReading, 'typesChecked'>;
  /** Create stores outbound_voice_profile only when trunk settings come with it (the relation saved on the trunk row). */
  ovpNeedsTrunk: boolean;
  /** A lease removed from an app cannot be added to that app again (a soft-deleted join row blocks the insert). */
  leaseReaddIgnored: boolean;
  /** With E19's release reading: the removed app's leases stay taken (409 for any other app). */
  removedAppsHoldLeases: boolean;
  /** Create refuses a body without `subdomain` (400), as E27 allows a server to. */
  subdomainRequired: boolean;
  /**
   * A rate limiter in front of every route (E70): beyond `perSecond` requests in a one-second
   * window, answer `status` with Retry-After in seconds, as an HTTP date, or none.
   */
  rateLimit?: { perSecond: number; status: 429 | 503; retryAfter: 'seconds' | 'http-date' | 'none' };
  /** Check the token as soon as the headers are in: a bad one gets 401 and the connection is closed before the body is read (E70). */
  authBeforeBody: boolean;
  /** Modify without trunk settings writes the trunk row from the body: the stored settings are emptied. */
  modifyResetsTrunk: boolean;
  /** Modify finds the app case-insensitively but updates by the path uuid as sent: an upper-case uuid's change is answered, not stored. */
  upperCaseWriteLost: boolean;
  /** Modify reads the app, awaits (a profile lookup), then writes the whole row back: two at once lose one's change. */
  modifyReadsThenWrites: boolean;
  /** A flaky network in front of the server: resets a share of requests' connections, before or after handling them (network.ts). */
  connectionResets?: ConnectionResets;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  measure: codePointLength,
  nameLimits: [1, 255],
  subdomainLimits: [3, 255],
  limitsOnModify: true,
  lenientBoolean: false,
  coerceName: false,
  nonObjectBodyCrashes: false,
  malformedJsonStatus: 400,
  malformedReferenceCrashes: false,
  isActiveDefault: true,
  createDrops: [],
  modifyIgnores: [],
  modifyReplaces: false,
  storeTrunkSettings: true,
  trunkDefaults: TRUNK_DEFAULTS,
  touchModifiedOn: true,
  unknownOvp: 'reject',
  removeDeletes: true,
  removedStaysReadable: false,
  removeWithLeases: 'conflict',
  mintUuid: newUuid,
  pathUuidValid: (s) => UUID_RE.test(s),
  pathUuidCaseInsensitive: false,
  malformedPathCrashes: false,
  crossAccount: new Set(),
  foreignStatus: 404,
  unknownReferenceStatus: 404,
  stingsAlias: true,
  leases: { applyAdd: true, applyRemove: true, unknown: 'reject', dedupe: true, move: true, listAll: false, refuseTaken: false, takenStatus: 409, resolveBeforeApp: false, answer: 'app', removeUnscoped: false, refuseRemoveNotHeld: false, refuseEmptyChange: false, addFirstOnly: false, removeReleasesHistory: false },
  callflowEncodings: { multipart: true, raw: true, checkedFirst: false },
  callflow: 'full',
  multipartCrashes: false,
  unknownCallFound: false,
  anonymous: new Set(),
  judgeToken: (v) => v,
  storeName: (name) => name,
  nameCrashes: () => false,
  trunkCrashes: () => false,
  trunkTypesChecked: true,
  modifyEnumCrashes: false,
  trunkReading: {},
  ovpNeedsTrunk: false,
  leaseReaddIgnored: false,
  removedAppsHoldLeases: false,
  subdomainRequired: false,
  authBeforeBody: false,
  modifyResetsTrunk: false,
  upperCaseWriteLost: false,
  modifyReadsThenWrites: false,
};

export type BehaviourPatch = Partial<Omit<Behaviour, 'leases'>> & { leases?: Partial<Behaviour['leases']> };

export function behaviourWith(patch: BehaviourPatch | undefined): Behaviour {
  if (!patch) return DEFAULT_BEHAVIOUR;
  return { ...DEFAULT_BEHAVIOUR, ...patch, leases: { ...DEFAULT_BEHAVIOUR.leases, ...patch.leases } };
}
