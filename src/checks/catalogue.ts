/**
 * Every check the suite applies, by name. Names are the public vocabulary:
 * reports, `--check` selection, the fault catalogue's `caughtBy` and the README
 * all use them. Normative checks decide the exit code; advisory ones warn unless --strict.
 */
export interface CheckEntry {
  /**
   * `answer`: applied to every answer the suite receives (src/checks/response-checks.ts), never
   * declared by a case. `case`: applied by the cases that set its situation up, which declare it.
   * `contract`: applied by Pact provider verification (`verify`), one case per interaction.
   */
  scope: 'answer' | 'case' | 'contract';
  normative: boolean;
  rule: string;
  summary: string;
}

export const CHECKS = {
  'no-server-error': { scope: 'answer', normative: true, rule: 'E05/E24', summary: 'No request the suite sends, valid or not, is answered with a 5xx.' },
  'status-code': { scope: 'case', normative: true, rule: 'page responses, E12/E13', summary: 'The status code is one the page (and errata) allows for this request.' },
  'content-type': { scope: 'answer', normative: true, rule: 'E32', summary: 'Answers are application/json (a charset parameter is fine).' },
  envelope: { scope: 'answer', normative: true, rule: 'page envelope, E18', summary: '2xx bodies are {success: true, payload}; 4xx/5xx bodies are {success: false, message[, status]}.' },
  'response-schema': { scope: 'answer', normative: true, rule: 'spec/openapi.yaml', summary: 'The body validates against the spec schema for the operation and status.' },
  'uuid-format': { scope: 'answer', normative: true, rule: 'page uuid pattern', summary: 'Every uuid the API hands out matches ^[0-9a-f]{8}-…-[0-9a-f]{12}$ (lower case).' },
  'length-limits': { scope: 'case', normative: true, rule: 'page: name [1..255], subdomain [3..255], E05/E26', summary: 'Values at the limits are accepted; one character beyond is refused with a 4xx.' },
  'input-validation': { scope: 'case', normative: true, rule: 'page request types, E05', summary: 'Wrong types, malformed JSON and malformed uuid references are refused with a 4xx.' },
  'default-values': { scope: 'case', normative: true, rule: 'page: is_active default true', summary: 'Omitted is_active comes back true.' },
  'auth-required': { scope: 'case', normative: true, rule: 'page 401, E03', summary: 'Missing, garbage, forged, unsigned and expired tokens get 401 on every operation.' },
  'unknown-uuid-not-found': { scope: 'case', normative: true, rule: 'page 404, E23', summary: 'A well-formed uuid that names nothing gets 404.' },
  'malformed-uuid-rejected': { scope: 'case', normative: true, rule: 'page path pattern, E24', summary: 'A path uuid that breaks the pattern gets a 4xx, never 2xx or 5xx.' },
  'unknown-reference-rejected': { scope: 'case', normative: true, rule: 'page Create/Modify 404, E21/E22', summary: 'An unknown outbound voice profile or TN lease is refused with a 4xx and changes nothing.' },
  'read-after-write': { scope: 'case', normative: true, rule: 'page Create/Modify, E04/E28', summary: 'What create or modify sent is what the answer, get and list return.' },
  'listed-after-create': { scope: 'case', normative: true, rule: 'page List', summary: 'A created app appears in the list exactly once.' },
  'not-found-after-remove': { scope: 'case', normative: true, rule: 'page Remove', summary: 'A removed app is gone: get and a second remove answer 404, list omits it.' },
  'lease-assignment': { scope: 'case', normative: true, rule: 'page Assign/List leases, E17/E20', summary: 'Assigning and removing leases is reflected exactly in the app\'s lease list.' },
  'cross-account-isolation': { scope: 'case', normative: true, rule: 'E25', summary: 'Another account cannot see, list, change, lease or delete an app.' },
  'callflow-accepted': { scope: 'case', normative: true, rule: 'page call route, E06/E07', summary: 'Valid call-flow XML posted to a live call is answered 200 with the call.' },
  'callflow-rejected': { scope: 'case', normative: true, rule: 'page call route ("must be correct or it will return an error"), E69', summary: 'Call-flow XML that is not well-formed, not rooted in <Response> or names an unknown element is refused with a 4xx.' },
  'app-tnleases-match': { scope: 'case', normative: true, rule: 'page: app tnleases (line 1186) and the lease list, E73', summary: "The app's own tnleases name the same leases as its lease list." },
  'lease-back-reference': { scope: 'case', normative: true, rule: 'page: a lease\'s sip_control_app (lines 444–459), E73', summary: "A lease in an app's lease list that names its app names that app." },
  'modified-on-advances': { scope: 'case', normative: true, rule: 'page: modified_on, E74', summary: 'A Modify that changes an app moves its modified_on forward (and never before created_on).' },
  'lease-remove-scoped': { scope: 'case', normative: true, rule: 'page Assign remove (line 27), E75', summary: 'Removing a lease the app does not hold changes no app: the app that holds it keeps it.' },
  'response-time': { scope: 'answer', normative: true, rule: '--timeout', summary: 'Every answer arrives within the per-request timeout.' },
  'pact-interaction': { scope: 'contract', normative: true, rule: 'contracts/pacts', summary: 'The provider answers a contract interaction as the consumer contract expects.' },
  'pact-provider-state': { scope: 'contract', normative: true, rule: 'contracts/pacts provider states', summary: "An interaction's provider state could be set up through the API." },
  // Advisory: documented but not pinned by the page.
  'documented-fields': { scope: 'case', normative: false, rule: 'E29', summary: 'Fields the page shows for an object are present.' },
  'error-status-matches': { scope: 'answer', normative: false, rule: 'E02', summary: 'An error envelope\'s status equals the HTTP status.' },
  'no-secrets-exposed': { scope: 'answer', normative: false, rule: 'E30', summary: 'User objects do not carry a filled password or token.' },
  'error-message-text': { scope: 'answer', normative: false, rule: 'E72', summary: 'An error envelope\'s message is a string (a list of strings is accepted by default).' },
  'call-uuid-matches': { scope: 'case', normative: false, rule: 'E31', summary: 'The call answer\'s uuid is the path uuid.' },
  'nested-input-validation': { scope: 'case', normative: false, rule: 'E77 (page line 610, E71)', summary: 'A body breaking a type or enum inside class4_egress_trunk_settings (rules the page does not state) is refused with a 4xx.' },
  'callflow-schema-enforced': { scope: 'case', normative: false, rule: 'E69, spec/callflow/callflow.xsd', summary: 'Call-flow XML that breaks only a finer rule of the suite\'s call-flow schema is refused with a 4xx.' },
} as const satisfies Record<string, CheckEntry>;

export type CheckName = keyof typeof CHECKS;
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

/** The checks applied to every answer a case receives, in reporting order (derived from `scope`). */
export const PER_ANSWER_CHECKS: readonly CheckName[] = CHECK_NAMES.filter((name) => CHECKS[name].scope === 'answer');
