import { UUID_RE, codePointLength, newUuid } from "./util.js";
import { TRUNK_DEFAULTS } from "./trunk.js";
export const DEFAULT_BEHAVIOUR = {
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
    leases: { applyAdd: true, applyRemove: true, unknown: 'reject', dedupe: true, move: true, listAll: false, refuseTaken: false, answer: 'app', removeUnscoped: false, refuseRemoveNotHeld: false, refuseEmptyChange: false },
    callflowEncodings: { multipart: true, raw: true, checkedFirst: false },
    callflow: 'full',
    multipartCrashes: false,
    unknownCallFound: false,
    anonymous: new Set(),
    judgeToken: (v) => v,
    subdomainRequired: false,
    authBeforeBody: false,
};
export function behaviourWith(patch) {
    if (!patch)
        return DEFAULT_BEHAVIOUR;
    return { ...DEFAULT_BEHAVIOUR, ...patch, leases: { ...DEFAULT_BEHAVIOUR.leases, ...patch.leases } };
}
//# sourceMappingURL=behaviour.js.map