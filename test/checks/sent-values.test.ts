import t from 'tap';
import { responseSchema } from '../../src/checks/response-checks.ts';
import { SentValues } from '../../src/checks/sent-values.ts';
import { fillPlaceholderUuids, readStoredExample } from '../../src/spec/page-examples.ts';
import { answer, failed, U2 } from './helpers.ts';

// Issue 21, item 2: a nested value the run sent, accepted and echoed by the server, is judged
// against what was sent, wherever the app shows up; the rest of the body is judged as always.

const app = (trunk: Record<string, unknown>) => {
  const a = structuredClone((fillPlaceholderUuids(readStoredExample('responses/GetSIPControlAppByUUID.200.json')) as { payload: Record<string, unknown> }).payload);
  a.class4_egress_trunk_settings = { ...(a.class4_egress_trunk_settings as object), ...trunk };
  return a;
};
const get = (payload: unknown) => answer(200, { success: true, payload }, { operation: 'GetSIPControlAppByUUID' });
const list = (payload: unknown[]) => answer(200, { success: true, payload }, { operation: 'ListSIPControlApps' });

t.test('an out-of-spec nested value echoed as sent is not a schema error; anything else still is', async (t) => {
  const echoed = app({ media_type: ['x'], ignore_early_media: 'yes' });
  const { name, uuid } = echoed as { name: string; uuid: string };
  t.notOk(responseSchema(get(echoed))!.pass, 'without a record: the closed types fail');

  const sent = new SentValues();
  sent.noteRequest('CreateSIPControlApp', { name, class4_egress_trunk_settings: { media_type: ['x'], pdd: 5 } });
  t.notOk(sent.empty, 'the out-of-spec value is recorded (by name before the uuid is known)');
  const partly = failed(responseSchema(get(echoed), false, sent));
  t.match(partly.actual, /ignore_early_media/, 'a value the run did not send is judged as always');
  t.notMatch(partly.actual, /media_type/, 'the value sent is judged as sent');

  sent.created(name, uuid);
  sent.noteRequest('ModifySIPControlApp', { class4_egress_trunk_settings: { ignore_early_media: 'yes' } }, uuid);
  t.ok(responseSchema(get(echoed), false, sent)!.pass, 'a get after create and modify');
  t.ok(responseSchema(get({ ...echoed, name: 'renamed since' }), false, sent)!.pass, 'by uuid once the create answered');
  t.ok(responseSchema(list([app({}), echoed]), false, sent)!.pass, "another case's list answer");

  const other = failed(responseSchema(list([{ ...echoed, uuid: U2, name: 'someone else' }]), false, sent));
  t.match(other.actual, /media_type/, "another app's value is not exempt");
  const changed = failed(responseSchema(get(app({ media_type: ['y'], ignore_early_media: 'yes' })), false, sent));
  t.match(changed.actual, /media_type/, 'a value other than the one sent is not exempt');
  const top = failed(responseSchema(get({ ...echoed, is_active: 'yes' }), false, sent));
  t.match(top.actual, /\/payload\/is_active/, 'the rest of the body is judged as always');
});

t.test('only out-of-spec values of Create and Modify are recorded', async (t) => {
  const sent = new SentValues();
  sent.noteRequest('CreateSIPControlApp', { name: 'a', class4_egress_trunk_settings: { pdd: 5, codecs: ['PCMU'] } });
  sent.noteRequest('CreateSIPControlApp', { name: 'b', class4_egress_trunk_settings: 'not an object' });
  sent.noteRequest('AssignTNLeasesToSIPControlApp', { add: ['x'] }, U2);
  t.ok(sent.empty, 'valid values, a top-level type error and other operations leave no record');
  const body = { success: true, payload: [app({})] };
  t.equal(sent.exempt(body), body, 'nothing recorded: the very same body');
});
