/**
 * The eight operations of the SIP Control App API, as the page names them.
 * Everything else (validators, suites, server routes, reports) keys on these ids.
 */
export const OPERATIONS = {
    CreateSIPControlApp: { method: 'POST', path: '/rest/sip/app' },
    ListSIPControlApps: { method: 'GET', path: '/rest/sip/app' },
    GetSIPControlAppByUUID: { method: 'GET', path: '/rest/sip/app/{uuid}' },
    ModifySIPControlApp: { method: 'PATCH', path: '/rest/sip/app/{uuid}' },
    RemoveSIPControlAppByUUID: { method: 'DELETE', path: '/rest/sip/app/{uuid}' },
    AssignTNLeasesToSIPControlApp: { method: 'POST', path: '/rest/sip/app/{uuid}/tnlease' },
    GetSIPControlAppTNLeasesList: { method: 'GET', path: '/rest/sip/app/{uuid}/tnlease' },
    ExecuteSIPControlAppCallExecuteCallFlow: { method: 'POST', path: '/rest/sip/app/call/{uuid}' },
};
export const OPERATION_IDS = Object.keys(OPERATIONS);
/** The uuid pattern the page gives for every path and reference uuid. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function isOperationId(value) {
    return Object.prototype.hasOwnProperty.call(OPERATIONS, value);
}
/** Expand `{uuid}` in an operation's path template. */
export function operationPath(operationId, uuid) {
    const template = OPERATIONS[operationId].path;
    return uuid === undefined ? template : template.replace('{uuid}', encodeURIComponent(uuid));
}
//# sourceMappingURL=operations.js.map