import t from 'tap';
import { diffCase, diffExchange } from '../../src/compare/diff.ts';
import { errataFor } from '../../src/compare/errata.ts';
import { classifyCase } from '../../src/compare/classify.ts';
import { normaliseCase, timeForm } from '../../src/compare/normalise.ts';
import type { Exchange } from '../../src/results/model.ts';

// The pieces of `compare` one at a time, on hand-made exchanges: what is normalised away,
// what survives, how noise cancels, how a difference is explained.

const BASE = 'http://127.0.0.1:1';
const LEASE = '11111111-1111-4111-8111-111111111111';
const fixtures = { tnleases: [LEASE] };

function exchange(method: string, path: string, status: number, body: unknown, sent?: unknown, purpose = `${method} ${path}`, operation?: string): Exchange {
  return {
    purpose, operation,
    request: { method, url: `${BASE}${path}`, headers: {}, body: sent === undefined ? undefined : JSON.stringify(sent) },
    response: { status, headers: { 'content-type': 'application/json; charset=utf-8' }, bodyExcerpt: JSON.stringify(body), bodyTruncated: false },
    durationMs: 1, curl: 'curl …',
  };
}

/** One create-then-get case on a side with its own uuids, run id and clock. */
function side(app: string, runId: string, created: string, nameEcho?: string): Exchange[] {
  const name = `${runId}-app-1`;
  const payload = { uuid: app, name: nameEcho ?? name, created_on: created, modified_on: created, account: { uuid: app.replace(/^./, 'f'), name: `Account of ${runId}` } };
  return [
    exchange('POST', '/rest/sip/app', 201, { success: true, payload }, { name, tnleases: [LEASE] }, 'create app', 'CreateSIPControlApp'),
    exchange('GET', `/rest/sip/app/${app}`, 200, { success: true, payload }, undefined, 'read it back', 'GetSIPControlAppByUUID'),
  ];
}

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const C = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

t.test('normalisation: uuids become symbols, sent values and run prefixes symbols, timestamps their form', async (t) => {
  const [create, get] = normaliseCase(side(A, 'sct-20260101000000-abcdef', '2026-01-01T00:00:00Z'), BASE, fixtures);
  t.equal(create.request, 'POST /rest/sip/app {"name":"sent#1","tnleases":["lease#1"]}');
  t.equal(create.aspects.get('$.payload.uuid'), 'string:app#1');
  t.equal(create.aspects.get('$.payload.name'), 'string:sent#1');
  t.equal(create.aspects.get('$.payload.created_on'), 'string:<time:datetime-Z>');
  t.equal(create.aspects.get('$.payload.account.name'), 'string', "an account's own texts are compared by type only");
  t.equal(get.request, 'GET /rest/sip/app/app#1 ');
  t.equal(timeForm('2026-01-01 10:00:00.123+02:00'), 'datetime-space-frac3-offset');
  t.equal(timeForm('2026-01-01'), 'date');
  t.equal(timeForm('yesterday'), undefined);
});

t.test('two sides that behave alike give no difference; a renamed echo does', async (t) => {
  const ref1 = normaliseCase(side(A, 'sct-20260101000000-aaaaaa', '2026-01-01T00:00:00Z'), BASE, fixtures);
  const ref2 = normaliseCase(side(B, 'sct-20260101000001-bbbbbb', '2026-01-02T00:00:00Z'), BASE, fixtures);
  const same = normaliseCase(side(C, 'sct-20260101000002-cccccc', '2026-01-03T00:00:00Z'), BASE, fixtures);
  t.same(diffCase(same, ref1, ref2).differences, []);
  const truncated = normaliseCase(side(C, 'sct-20260101000002-cccccc', '2026-01-03T00:00:00Z', 'sct-2026'), BASE, fixtures);
  const diffs = diffCase(truncated, ref1, ref2).differences;
  t.same(diffs.map((d) => [d.index, d.kind, d.path, d.candidate, d.reference]), [
    [0, 'value', '$.payload.name', 'string', 'string:sent#1'],
    [1, 'value', '$.payload.name', 'string', 'string:sent#1'],
  ]);
});

t.test('noise: an aspect the two reference runs disagree on is never reported, and is counted', async (t) => {
  const c = new Map([['status', '200'], ['$.payload.x', 'number:1'], ['$.payload.y', 'boolean:true']]);
  const r1 = new Map([['status', '200'], ['$.payload.x', 'number:2'], ['$.payload.y', 'boolean:false']]);
  const r2 = new Map([['status', '200'], ['$.payload.x', 'number:3'], ['$.payload.y', 'boolean:false']]);
  const { differences, noisy, suppressed } = diffExchange(c, r1, r2);
  t.same(differences.map((d) => d.path), ['$.payload.y']);
  t.equal(noisy, 1);
  t.equal(suppressed, 1);
});

t.test('a field null on one side is one difference, not one per missing child', async (t) => {
  const c = new Map([['$.payload', 'object'], ['$.payload.account', 'null']]);
  const r = new Map([['$.payload', 'object'], ['$.payload.account', 'object'], ['$.payload.account.uuid', 'string:uuid'], ['$.payload.account.name', 'string']]);
  const { differences } = diffExchange(c, r, r);
  t.same(differences.map((d) => [d.path, d.kind]), [['$.payload.account', 'field-type']]);
});

t.test('a request the candidate sends and the reference does not is one sequence difference', async (t) => {
  const ref = normaliseCase(side(A, 'sct-20260101000000-aaaaaa', '2026-01-01T00:00:00Z'), BASE, fixtures);
  const longer = normaliseCase([...side(C, 'sct-20260101000002-cccccc', '2026-01-03T00:00:00Z'), exchange('DELETE', `/rest/sip/app/${C}`, 200, { success: true }, undefined, 'remove it')], BASE, fixtures);
  t.same(diffCase(longer, ref, ref).differences.map((d) => [d.index, d.kind]), [[2, 'sequence']]);
  const shorter = longer.slice(0, 1);
  t.same(diffCase(shorter, ref, ref).differences.map((d) => [d.index, d.kind, d.reference]), [[1, 'sequence', 'sent: read it back']]);
});

t.test('explained: a check failing on the candidate only breaks the spec; an errata entry allows; else unexplained', async (t) => {
  const base = { caseId: 'create.minimal', operation: 'CreateSIPControlApp', purpose: 'create app', index: 0, refIndex: 0, path: 'status' };
  t.equal(errataFor({ ...base, kind: 'status', candidate: '200', reference: '201' })?.id, 'E12');
  t.equal(errataFor({ ...base, kind: 'header', path: 'header:content-type', candidate: 'application/json', reference: 'application/json;charset=utf-8' })?.id, 'E32');
  t.equal(errataFor({ ...base, kind: 'value', path: '$.payload.created_on', candidate: 'string:<time:datetime-frac3-offset>', reference: 'string:<time:datetime-Z>' })?.id, 'E62');
  t.equal(errataFor({ ...base, kind: 'status', candidate: '202', reference: '201' }), undefined, 'nothing allows a 202');

  const transcript = side(A, 'sct-20260101000000-aaaaaa', '2026-01-01T00:00:00Z');
  const diff = { differences: [{ index: 0, refIndex: 0, kind: 'status' as const, path: 'status', candidate: '202', reference: '201' }], compared: 2, pairs: new Map([[0, 0], [1, 1]]), noise: { aspects: 0, exchanges: 0, suppressed: 0 } };
  const failing = { check: 'status-code', rule: 'page', message: 'create answered 202', index: 0 };
  const judged = (candidateFailed: typeof failing[], referenceFailed: typeof failing[]) => classifyCase({
    caseId: 'create.minimal', operation: 'CreateSIPControlApp',
    candidate: { transcript, failed: candidateFailed }, reference: { transcript, failed: referenceFailed }, reference2Failed: [],
  }, diff);
  const [spec] = judged([failing], []);
  t.equal(spec.class, 'spec');
  t.same(spec.checks?.map((c) => c.check), ['status-code']);
  t.equal(judged([failing], [failing])[0].class, 'unexplained', 'a check the reference fails too is not the candidate\'s doing');
  t.equal(judged([], [])[0].class, 'unexplained');
  // A failing check with no difference at its exchange is still reported.
  const quiet = classifyCase({ caseId: 'x', operation: 'CreateSIPControlApp', candidate: { transcript, failed: [{ ...failing, index: 1 }] }, reference: { transcript, failed: [] }, reference2Failed: [] }, { ...diff, differences: [] });
  t.same(quiet.map((d) => [d.kind, d.class, d.index]), [['verdict', 'spec', 1]]);
});
