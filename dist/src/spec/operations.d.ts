/**
 * The eight operations of the SIP Control App API, as the page names them.
 * Everything else (validators, suites, server routes, reports) keys on these ids.
 */
export declare const OPERATIONS: {
    readonly CreateSIPControlApp: {
        readonly method: "POST";
        readonly path: "/rest/sip/app";
    };
    readonly ListSIPControlApps: {
        readonly method: "GET";
        readonly path: "/rest/sip/app";
    };
    readonly GetSIPControlAppByUUID: {
        readonly method: "GET";
        readonly path: "/rest/sip/app/{uuid}";
    };
    readonly ModifySIPControlApp: {
        readonly method: "PATCH";
        readonly path: "/rest/sip/app/{uuid}";
    };
    readonly RemoveSIPControlAppByUUID: {
        readonly method: "DELETE";
        readonly path: "/rest/sip/app/{uuid}";
    };
    readonly AssignTNLeasesToSIPControlApp: {
        readonly method: "POST";
        readonly path: "/rest/sip/app/{uuid}/tnlease";
    };
    readonly GetSIPControlAppTNLeasesList: {
        readonly method: "GET";
        readonly path: "/rest/sip/app/{uuid}/tnlease";
    };
    readonly ExecuteSIPControlAppCallExecuteCallFlow: {
        readonly method: "POST";
        readonly path: "/rest/sip/app/call/{uuid}";
    };
};
export type OperationId = keyof typeof OPERATIONS;
export type HttpMethod = (typeof OPERATIONS)[OperationId]['method'];
export declare const OPERATION_IDS: OperationId[];
/** The uuid pattern the page gives for every path and reference uuid. */
export declare const UUID_PATTERN: RegExp;
export declare function isOperationId(value: string): value is OperationId;
/** Expand `{uuid}` in an operation's path template. */
export declare function operationPath(operationId: OperationId, uuid?: string): string;
