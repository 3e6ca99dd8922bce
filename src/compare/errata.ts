/**
 * Which errata entry (spec/ERRATA.md) allows a difference the checks do not
 * fail: a small table of difference patterns, first match wins. A difference
 * no row matches is *unexplained*: the spec is silent and a client relying on
 * the reference may break.
 */
import type { RawDifference } from './diff.ts';

export interface DifferenceContext extends RawDifference {
  caseId: string;
  operation: string;
  purpose: string;
}

interface ErrataRow {
  id: string;
  why: string;
  matches(d: DifferenceContext): boolean;
}

const statusPair = (d: DifferenceContext, a: number[], b: number[]) => {
  const c = Number(d.candidate);
  const r = Number(d.reference);
  return d.kind === 'status' && ((a.includes(c) && b.includes(r)) || (a.includes(r) && b.includes(c)));
};
const is4xx = (s: string) => /^4\d\d$/.test(s);
const is2xx = (s: string) => /^2\d\d$/.test(s);
const bothClientErrors = (d: DifferenceContext) => d.kind === 'status' && is4xx(d.candidate) && is4xx(d.reference);
const successVsRefusal = (d: DifferenceContext) => d.kind === 'status' && ((is2xx(d.candidate) && is4xx(d.reference)) || (is4xx(d.candidate) && is2xx(d.reference)));
const lastSegment = (path: string) => /([A-Za-z_]+)(?:\{[^}]*\}|\[[^\]]*\])*$/.exec(path)?.[1] ?? '';
const under = (path: string, fields: readonly string[]) => fields.some((f) => new RegExp(`\\.${f}(?:[.[{]|$)`).test(path));
const about = (d: DifferenceContext, pattern: RegExp) => pattern.test(d.purpose) || pattern.test(d.caseId);

/** A relation shown differently (absent, null, `{}`, a bare uuid, fewer members), not with other values. */
const shapeOnly = (d: DifferenceContext) =>
  d.kind === 'field-set' || d.kind === 'field-type' || (d.kind === 'list' && /\{members\}$/.test(d.path) && [d.candidate, d.reference].some((v) => v === '[]' || v === 'absent'));

const RELATIONS = ['account', 'created_by', 'modified_by', 'outbound_voice_profile', 'tnleases', 'user', 'tn', 'tnorder', 'profile', 'sip_connection', 'price', 'product', 'request', 'time_zone'] as const;

export const ERRATA_TABLE: readonly ErrataRow[] = [
  { id: 'E12', why: 'Create answers 200 or 201', matches: (d) => d.operation === 'CreateSIPControlApp' && statusPair(d, [200], [201]) },
  { id: 'E03', why: 'a missing or bad token gets 401 or 403', matches: (d) => statusPair(d, [401], [403]) },
  { id: 'E25', why: "another account's app is answered 404 or 403", matches: (d) => statusPair(d, [403], [404]) },
  { id: 'E60', why: 'bad call-flow XML: any 4xx', matches: (d) => d.operation === 'ExecuteSIPControlAppCallExecuteCallFlow' && bothClientErrors(d) },
  { id: 'E07', why: 'call-flow XML travels raw or as multipart part `file`: the suite falls back from one to the other', matches: (d) => d.operation === 'ExecuteSIPControlAppCallExecuteCallFlow' && (d.kind === 'sequence' || successVsRefusal(d)) },
  { id: 'E24', why: 'a malformed path uuid gets any 4xx; an upper-cased uuid may find its app', matches: (d) => about(d, /path uuid|upper-case|uppercase/i) && (bothClientErrors(d) || successVsRefusal(d) || d.kind !== 'status') },
  { id: 'E21', why: 'an unknown lease in `add`: any 4xx', matches: (d) => d.operation === 'AssignTNLeasesToSIPControlApp' && about(d, /unknown/i) && bothClientErrors(d) },
  { id: 'E22', why: 'an unknown outbound voice profile: any 4xx', matches: (d) => about(d, /unknown-ovp|unknown outbound|unknown profile|unknown-reference/i) && bothClientErrors(d) },
  { id: 'E68', why: 'assigning a lease the app already holds: 200 (no-op) or 409', matches: (d) => about(d, /same lease again|already holds/i) && statusPair(d, [200], [409]) },
  { id: 'E20', why: 'a lease another app holds: moved (200) or refused (4xx)', matches: (d) => (d.operation === 'AssignTNLeasesToSIPControlApp' || d.operation === 'workflow') && (successVsRefusal(d) || bothClientErrors(d)) && about(d, /lease/i) },
  { id: 'E75', why: 'removing a lease the app does not hold: no-op (200) or 4xx', matches: (d) => about(d, /not hold|not-held/i) && (successVsRefusal(d) || bothClientErrors(d)) },
  { id: 'E19', why: 'removing an app that holds leases: 409, or release and 200', matches: (d) => (d.operation === 'RemoveSIPControlAppByUUID' && statusPair(d, [200], [409])) || about(d, /remove-app-with-leases|holding a lease|refused remove/i) },
  { id: 'E27', why: '`subdomain` is optional, but a server may require it', matches: (d) => about(d, /subdomain/i) && successVsRefusal(d) },
  { id: 'E76', why: 'characters outside the BMP: accepted, or refused with a 4xx', matches: (d) => about(d, /astral|utf-?16|three-byte|unicode|generated\.create-valid|generated\.modify-valid/i) && (successVsRefusal(d) || d.kind === 'sequence') },
  { id: 'E26', why: 'a subdomain of 255 may be refused (DNS labels)', matches: (d) => about(d, /subdomain-255|subdomain of 255/i) && successVsRefusal(d) },
  { id: 'E05', why: 'a body breaking a limit, type or pattern: any 4xx', matches: bothClientErrors },
  { id: 'E32', why: 'application/json with or without parameters (charset)', matches: (d) => d.path === 'header:content-type' && d.candidate.split(';')[0] === d.reference.split(';')[0] },
  { id: 'E62', why: 'timestamps: a date, or a date and time with or without offset and fractions', matches: (d) => d.candidate.includes('<time:') && d.reference.includes('<time:') },
  { id: 'E18', why: "the error envelope's `status` is optional", matches: (d) => d.path === '$.status' && d.kind === 'envelope' && (d.candidate === 'absent' || d.reference === 'absent') },
  { id: 'E02', why: "the envelope's `status` should equal the HTTP status (advisory)", matches: (d) => d.path === '$.status' },
  { id: 'E72', why: 'an error message may be a list of strings', matches: (d) => d.kind === 'message' && d.candidate !== 'absent' && d.reference !== 'absent' },
  { id: 'E04', why: '`rate_decimal` a number or a numeric string', matches: (d) => lastSegment(d.path) === 'rate_decimal' },
  { id: 'E16', why: '`deleted_on` nullable, absent allowed', matches: (d) => lastSegment(d.path) === 'deleted_on' },
  { id: 'E67', why: 'trunk settings may be `{}` or null; write answers need not show them', matches: (d) => under(d.path, ['class4_egress_trunk_settings']) && shapeOnly(d) },
  { id: 'E63', why: 'a nested app may be `{}`, null, a bare uuid or carry only its uuid', matches: (d) => under(d.path, ['sip_control_app', 'app']) && shapeOnly(d) },
  { id: 'E33', why: "the Assign answer's payload: which leases it lists is not pinned", matches: (d) => d.operation === 'AssignTNLeasesToSIPControlApp' && d.path.startsWith('$.payload') && /Assign|assign/.test(d.purpose) },
  { id: 'E15', why: 'relations may be `{}`, null, absent or a bare uuid', matches: (d) => under(d.path, RELATIONS) && shapeOnly(d) },
  { id: 'E29', why: 'documented fields missing from an answer: advisory', matches: (d) => d.kind === 'field-set' && d.candidate === 'absent' },
];

/** The errata entry that allows this difference, if one does. */
export function errataFor(d: DifferenceContext): { id: string; why: string } | undefined {
  const row = ERRATA_TABLE.find((r) => r.matches(d));
  return row && { id: row.id, why: row.why };
}
