import t from 'tap';
import { absentFromList, isActiveDefaultsTrue, listed, listedOnce, notListedForOthers, removedAppAnswered, sameAppByUpperCase } from '../../src/checks/app-state.ts';
import { answerCarriesCall, callUuidMatches, validCallFlowAccepted } from '../../src/checks/callflow.ts';
import { takenLeaseMovedOrRefused } from '../../src/checks/leases.ts';

// The rules the suites used to state inline: each passes a conforming answer and fails a breaking one.
const U = '0b6c2a5e-8a47-4e6f-9d34-1f2b3c4d5e6f';
const OTHER = '7f1d9a0c-2b3e-4c5d-8e9f-0a1b2c3d4e5f';

t.test('default-values: is_active true', async (t) => {
  t.equal(isActiveDefaultsTrue({ is_active: true }).pass, true);
  t.match(isActiveDefaultsTrue({ is_active: false }), { pass: false, actual: 'is_active: false' });
  t.equal(isActiveDefaultsTrue(undefined).pass, false);
});

t.test('listed-after-create: once, or at all', async (t) => {
  t.equal(listedOnce([{ uuid: U }, { uuid: OTHER }], U).pass, true);
  t.match(listedOnce([{ uuid: U }, { uuid: U }], U), { pass: false, actual: 'listed 2 times among 2 apps' });
  t.match(listedOnce({ not: 'a list' }, U), { pass: false, actual: 'no list' });
  t.equal(listed([{ uuid: OTHER }, { uuid: U }], U).pass, true);
  t.equal(listed([{ uuid: OTHER }], U).pass, false);
});

t.test('not-found-after-remove and isolation on the list: absent', async (t) => {
  t.equal(absentFromList([{ uuid: OTHER }], U)?.pass, true);
  t.equal(absentFromList([{ uuid: U }], U)?.pass, false);
  t.equal(absentFromList(undefined, U), null, 'no list: nothing to judge');
  t.equal(notListedForOthers([], U).pass, true);
  t.equal(notListedForOthers([{ uuid: U }], U).pass, false);
});

t.test('read-after-write on remove, and the upper-case uuid reading', async (t) => {
  t.equal(removedAppAnswered({ uuid: U, name: 'x' }, U, 'x').pass, true);
  t.equal(removedAppAnswered({ uuid: U, name: 'y' }, U, 'x').pass, false);
  t.equal(sameAppByUpperCase({ uuid: U }, U).pass, true);
  t.equal(sameAppByUpperCase({ uuid: OTHER }, U).pass, false);
});

t.test('call flow: accepted, the call carried, its uuid', async (t) => {
  t.equal(validCallFlowAccepted(true, ['multipart: 200']).pass, true);
  t.match(validCallFlowAccepted(false, ['multipart: 415', 'raw: 400']), { pass: false, actual: 'multipart: 415; raw: 400' });
  t.equal(answerCarriesCall({ uuid: U, channel: {} }).pass, true);
  // E65: the channel's fields are required only when a channel is present.
  t.equal(answerCarriesCall({ uuid: U }).pass, true, 'no channel');
  t.equal(answerCarriesCall({ uuid: U, channel: null }).pass, true, 'channel null');
  t.equal(answerCarriesCall({ uuid: U, channel: 'abc' }).pass, false, 'a channel that is not an object');
  t.equal(answerCarriesCall(null).pass, false, 'no call');
  t.equal(answerCarriesCall([{ uuid: U }]).pass, false, 'a list, not the call');
  t.equal(callUuidMatches({ uuid: U }, U).pass, true);
  t.equal(callUuidMatches({ uuid: OTHER }, U).pass, false);
});

t.test('lease-assignment: a taken lease moves or is refused', async (t) => {
  for (const status of [200, 400, 409, 422]) t.equal(takenLeaseMovedOrRefused(status).pass, true, `${status}`);
  for (const status of [302, 500, 503]) t.equal(takenLeaseMovedOrRefused(status).pass, false, `${status}`);
});
