import t from 'tap';
import { checkStatus, describeAllowed, lostAttemptApplied, statusAllowed, STATUS, type StatusRule } from '../../src/checks/status-code.ts';
import { answer, failed } from './helpers.ts';

const at = (status: number) => answer(status, { success: status < 300 });

t.test('bad token: default accepts 401 and 403, strict only 401', async (t) => {
  const rule = STATUS.unauthenticated;
  t.same(checkStatus(at(401), rule, false), { pass: true, note: undefined });
  t.ok(checkStatus(at(403), rule, false).pass, '403 by default (E03)');
  t.ok(checkStatus(at(401), rule, true).pass, '401 strict');
  const f = failed(checkStatus(at(403), rule, true));
  t.equal(f.expected, '401');
  t.equal(f.actual, '403');
  t.match(f.message, /bad or missing token/);
  t.match(f.message, /answered 403/);
  const f2 = failed(checkStatus(at(200), rule, false));
  t.equal(f2.expected, 'one of 401, 403');
  t.equal(f2.actual, '200');
});

t.test('create: 200 or 201 by default, strict 201', async (t) => {
  const rule = STATUS.created;
  t.ok(checkStatus(at(200), rule, false).pass);
  t.ok(checkStatus(at(201), rule, false).pass);
  t.ok(checkStatus(at(201), rule, true).pass);
  const f = failed(checkStatus(at(200), rule, true));
  t.equal(f.expected, '201');
  t.equal(f.actual, '200');
  const f2 = failed(checkStatus(at(202), rule, false));
  t.equal(f2.expected, 'one of 200, 201');
  t.equal(f2.actual, '202');
});

t.test('invalid input: any 4xx by default, strict 400', async (t) => {
  const rule = STATUS.invalidInput;
  for (const s of [400, 404, 409, 415, 422, 499]) t.ok(checkStatus(at(s), rule, false).pass, `${s} is a 4xx`);
  t.ok(checkStatus(at(400), rule, true).pass);
  const strict = failed(checkStatus(at(422), rule, true));
  t.equal(strict.expected, '400');
  t.equal(strict.actual, '422');
  for (const s of [200, 201, 399, 500, 503]) {
    const f = failed(checkStatus(at(s), rule, false));
    t.equal(f.expected, 'a 4xx status', `${s} refused`);
    t.equal(f.actual, `${s}`);
  }
});

t.test('a rule without a strict reading keeps its default under --strict', async (t) => {
  const rule = STATUS.malformedUuid;
  t.ok(checkStatus(at(404), rule, true).pass);
  t.ok(checkStatus(at(400), rule, true).pass);
  t.equal(failed(checkStatus(at(500), rule, true)).expected, 'a 4xx status');
  t.ok(checkStatus(at(404), STATUS.notFound, true).pass);
  t.equal(failed(checkStatus(at(200), STATUS.notFound, false)).expected, '404');
});

t.test('other shared rules', async (t) => {
  t.ok(checkStatus(at(403), STATUS.foreign, false).pass);
  t.equal(failed(checkStatus(at(403), STATUS.foreign, true)).expected, '404');
  t.ok(checkStatus(at(422), STATUS.unknownReference, false).pass);
  t.equal(failed(checkStatus(at(422), STATUS.unknownReference, true)).expected, '404');
  t.ok(checkStatus(at(200), STATUS.ok, true).pass);
  t.equal(failed(checkStatus(at(204), STATUS.ok, false)).expected, '200');
});

t.test('describeAllowed and statusAllowed', async (t) => {
  const rule: StatusRule = { situation: 'x', accept: [200, 201, 204], strict: [201] };
  t.equal(describeAllowed(rule, false), 'one of 200, 201, 204');
  t.equal(describeAllowed(rule, true), '201');
  t.equal(describeAllowed({ situation: 'x', accept: 'any-4xx' }, true), 'a 4xx status');
  t.ok(statusAllowed(rule, 204, false));
  t.notOk(statusAllowed(rule, 204, true));
  t.notOk(statusAllowed({ situation: 'x', accept: 'any-4xx' }, 500, false));
});

t.test('a request sent again after its answer was lost: the state the lost attempt left is not a failure', async (t) => {
  const remove = (status: number, lostAnswers?: number) => answer(status, { success: false }, { operation: 'RemoveSIPControlAppByUUID', method: 'DELETE', path: '/rest/sip/app/x', ...(lostAnswers ? { lostAnswers } : {}) });
  const verdict = checkStatus(remove(404, 1), STATUS.ok, false);
  t.ok(verdict.pass, 'a resent remove answered 404: the first attempt removed it');
  t.match((verdict as { note?: string }).note, /sent again after its answer was lost .*404 says the first attempt was applied/);
  t.ok(lostAttemptApplied(remove(404, 1), STATUS.ok, true), 'the rule holds under --strict too');
  t.notOk(checkStatus(remove(404), STATUS.ok, false).pass, 'the same 404 to a remove sent once is a failure');
  t.notOk(checkStatus(remove(500, 2), STATUS.ok, false).pass, 'a resent remove answered 500 is still a failure');
  const assign = (status: number) => answer(status, { success: false }, { operation: 'AssignTNLeasesToSIPControlApp', method: 'POST', path: '/rest/sip/app/x/tnlease', lostAnswers: 1 });
  t.ok(lostAttemptApplied(assign(409), { situation: 'assign of free leases', accept: [200] }, false), 'a resent lease change refused 409: the first attempt made it');
  t.notOk(lostAttemptApplied(assign(409), STATUS.alreadyHeld, false), 'where the situation allows 409 anyway, it keeps its meaning (nothing changed)');
  const modify = answer(404, { success: false }, { operation: 'ModifySIPControlApp', method: 'PATCH', path: '/rest/sip/app/x', lostAnswers: 1 });
  t.notOk(checkStatus(modify, STATUS.ok, false).pass, 'a resent modify is answered alike: a 404 is a failure');
  t.ok(checkStatus({ ...at(200), standIn: "the create's answer was lost" }, STATUS.created, true).pass, "an answer standing in for a lost create's is not judged as the create's");
});
