/**
 * Every check the suite applies, by name. Names are the public vocabulary:
 * reports, `--check` selection, the fault catalogue's `caughtBy` and the README
 * all use them. Normative checks decide the exit code; advisory ones warn unless --strict.
 */
export declare const CHECKS: {
    readonly 'no-server-error': {
        readonly normative: true;
        readonly rule: "E05/E24";
        readonly summary: "No request the suite sends, valid or not, is answered with a 5xx.";
    };
    readonly 'status-code': {
        readonly normative: true;
        readonly rule: "page responses, E12/E13";
        readonly summary: "The status code is one the page (and errata) allows for this request.";
    };
    readonly 'content-type': {
        readonly normative: true;
        readonly rule: "E32";
        readonly summary: "Answers are application/json (a charset parameter is fine).";
    };
    readonly envelope: {
        readonly normative: true;
        readonly rule: "page envelope, E18";
        readonly summary: "2xx bodies are {success: true, payload}; 4xx/5xx bodies are {success: false, message[, status]}.";
    };
    readonly 'response-schema': {
        readonly normative: true;
        readonly rule: "spec/openapi.yaml";
        readonly summary: "The body validates against the spec schema for the operation and status.";
    };
    readonly 'uuid-format': {
        readonly normative: true;
        readonly rule: "page uuid pattern";
        readonly summary: "Every uuid the API hands out matches ^[0-9a-f]{8}-…-[0-9a-f]{12}$ (lower case).";
    };
    readonly 'length-limits': {
        readonly normative: true;
        readonly rule: "page: name [1..255], subdomain [3..255], E05/E26";
        readonly summary: "Values at the limits are accepted; one character beyond is refused with a 4xx.";
    };
    readonly 'input-validation': {
        readonly normative: true;
        readonly rule: "page request types, E05";
        readonly summary: "Wrong types, malformed JSON and malformed uuid references are refused with a 4xx.";
    };
    readonly 'default-values': {
        readonly normative: true;
        readonly rule: "page: is_active default true";
        readonly summary: "Omitted is_active comes back true.";
    };
    readonly 'auth-required': {
        readonly normative: true;
        readonly rule: "page 401, E03";
        readonly summary: "Missing, garbage, forged, unsigned and expired tokens get 401 on every operation.";
    };
    readonly 'unknown-uuid-not-found': {
        readonly normative: true;
        readonly rule: "page 404, E23";
        readonly summary: "A well-formed uuid that names nothing gets 404.";
    };
    readonly 'malformed-uuid-rejected': {
        readonly normative: true;
        readonly rule: "page path pattern, E24";
        readonly summary: "A path uuid that breaks the pattern gets a 4xx, never 2xx or 5xx.";
    };
    readonly 'unknown-reference-rejected': {
        readonly normative: true;
        readonly rule: "page Create/Modify 404, E21/E22";
        readonly summary: "An unknown outbound voice profile or TN lease is refused with a 4xx and changes nothing.";
    };
    readonly 'read-after-write': {
        readonly normative: true;
        readonly rule: "page Create/Modify, E04/E28";
        readonly summary: "What create or modify sent is what the answer, get and list return.";
    };
    readonly 'listed-after-create': {
        readonly normative: true;
        readonly rule: "page List";
        readonly summary: "A created app appears in the list exactly once.";
    };
    readonly 'not-found-after-remove': {
        readonly normative: true;
        readonly rule: "page Remove";
        readonly summary: "A removed app is gone: get and a second remove answer 404, list omits it.";
    };
    readonly 'lease-assignment': {
        readonly normative: true;
        readonly rule: "page Assign/List leases, E17/E20";
        readonly summary: "Assigning and removing leases is reflected exactly in the app's lease list.";
    };
    readonly 'cross-account-isolation': {
        readonly normative: true;
        readonly rule: "E25";
        readonly summary: "Another account cannot see, list, change, lease or delete an app.";
    };
    readonly 'callflow-accepted': {
        readonly normative: true;
        readonly rule: "page call route, E06/E07";
        readonly summary: "Valid call-flow XML posted to a live call is answered 200 with the call.";
    };
    readonly 'callflow-rejected': {
        readonly normative: true;
        readonly rule: "page call route (\"must be correct or it will return an error\"), E69";
        readonly summary: "Call-flow XML that is not well-formed, not rooted in <Response> or names an unknown element is refused with a 4xx.";
    };
    readonly 'app-tnleases-match': {
        readonly normative: true;
        readonly rule: "page: app tnleases (line 1186) and the lease list, E73";
        readonly summary: "The app's own tnleases name the same leases as its lease list.";
    };
    readonly 'lease-back-reference': {
        readonly normative: true;
        readonly rule: "page: a lease's sip_control_app (lines 444–459), E73";
        readonly summary: "A lease in an app's lease list that names its app names that app.";
    };
    readonly 'modified-on-advances': {
        readonly normative: true;
        readonly rule: "page: modified_on, E74";
        readonly summary: "A Modify that changes an app moves its modified_on forward (and never before created_on).";
    };
    readonly 'lease-remove-scoped': {
        readonly normative: true;
        readonly rule: "page Assign remove (line 27), E75";
        readonly summary: "Removing a lease the app does not hold changes no app: the app that holds it keeps it.";
    };
    readonly 'response-time': {
        readonly normative: true;
        readonly rule: "--timeout";
        readonly summary: "Every answer arrives within the per-request timeout.";
    };
    readonly 'documented-fields': {
        readonly normative: false;
        readonly rule: "E29";
        readonly summary: "Fields the page shows for an object are present.";
    };
    readonly 'error-status-matches': {
        readonly normative: false;
        readonly rule: "E02";
        readonly summary: "An error envelope's status equals the HTTP status.";
    };
    readonly 'no-secrets-exposed': {
        readonly normative: false;
        readonly rule: "E30";
        readonly summary: "User objects do not carry a filled password or token.";
    };
    readonly 'error-message-text': {
        readonly normative: false;
        readonly rule: "E72";
        readonly summary: "An error envelope's message is a string (a list of strings is accepted by default).";
    };
    readonly 'call-uuid-matches': {
        readonly normative: false;
        readonly rule: "E31";
        readonly summary: "The call answer's uuid is the path uuid.";
    };
    readonly 'callflow-schema-enforced': {
        readonly normative: false;
        readonly rule: "E69, spec/callflow/callflow.xsd";
        readonly summary: "Call-flow XML that breaks only a finer rule of the suite's call-flow schema is refused with a 4xx.";
    };
};
export type CheckName = keyof typeof CHECKS;
export declare const CHECK_NAMES: CheckName[];
