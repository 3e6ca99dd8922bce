import t from 'tap';
import { appMatchesSent, documentedAppFields, DOCUMENTED_APP_FIELDS } from '../../src/checks/read-after-write.ts';
import { failed, U, U2 } from './helpers.ts';

const app = (over: Record<string, unknown> = {}) => ({
  uuid: U, name: 'sct-app', subdomain: 'sct-sub', is_active: true, outbound_voice_profile: { uuid: U2 },
  class4_egress_trunk_settings: { rate_decimal: '6', pdd: 0, name: 'trunk' }, ...over,
});

t.test('matching app passes; extra server fields are fine', async (t) => {
  t.same(appMatchesSent(app({ extra: 1 }), { name: 'sct-app', subdomain: 'sct-sub', is_active: true }, 'get'), { pass: true, note: undefined });
  t.ok(appMatchesSent(app(), {}, 'get').pass, 'nothing sent, nothing compared');
  t.ok(appMatchesSent(app({ is_active: false }), { name: 'sct-app' }, 'get').pass, 'fields not sent are not compared');
});

t.test('name, subdomain and is_active differences', async (t) => {
  const name = failed(appMatchesSent(app({ name: 'other' }), { name: 'sct-app' }, 'create answer'));
  t.equal(name.message, 'create answer differs from what was sent');
  t.equal(name.expected, 'the values sent');
  t.equal(name.actual, 'name: sent "sct-app", got "other"');

  t.equal(failed(appMatchesSent(app(), { subdomain: 'else' }, 'get')).actual, 'subdomain: sent "else", got "sct-sub"');
  t.equal(failed(appMatchesSent(app({ is_active: 'false' }), { is_active: false }, 'get')).actual, 'is_active: sent false, got "false"');
  t.equal(failed(appMatchesSent(app({ is_active: undefined }), { is_active: true }, 'get')).actual, 'is_active: sent true, got undefined');

  const two = failed(appMatchesSent(app({ name: 'x', subdomain: 'y' }), { name: 'sct-app', subdomain: 'sct-sub' }, 'list'));
  t.equal(two.actual, 'name: sent "sct-app", got "x"; subdomain: sent "sct-sub", got "y"');
});

t.test('not an app', async (t) => {
  for (const v of [null, undefined, 'x', [app()]]) {
    const f = failed(appMatchesSent(v, { name: 'a' }, 'get'));
    t.equal(f.message, 'get: no app object to compare');
    t.equal(f.expected, 'the app');
  }
});

t.test('trunk settings: rate_decimal 6 sent, "6" back is equal (E04)', async (t) => {
  t.ok(appMatchesSent(app(), { class4_egress_trunk_settings: { rate_decimal: 6 } }, 'get').pass, '6 vs "6"');
  t.ok(appMatchesSent(app({ class4_egress_trunk_settings: { rate_decimal: 6 } }), { class4_egress_trunk_settings: { rate_decimal: 6 } }, 'get').pass, '6 vs 6');
  t.ok(appMatchesSent(app({ class4_egress_trunk_settings: { rate_decimal: '6.0' } }), { class4_egress_trunk_settings: { rate_decimal: 6 } }, 'get').pass, '6 vs "6.0"');
  t.ok(appMatchesSent(app(), { class4_egress_trunk_settings: { rate_decimal: 6, codecs: ['PCMU'] } }, 'get').pass, 'keys the server leaves out are not compared here');

  const f = failed(appMatchesSent(app(), { class4_egress_trunk_settings: { rate_decimal: 4 } }, 'get'));
  t.equal(f.actual, 'class4_egress_trunk_settings.rate_decimal: sent 4, got "6"');
  t.equal(failed(appMatchesSent(app({ class4_egress_trunk_settings: { rate_decimal: '' } }), { class4_egress_trunk_settings: { rate_decimal: 0 } }, 'get')).actual,
    'class4_egress_trunk_settings.rate_decimal: sent 0, got ""', 'an empty string is not 0');
  t.equal(failed(appMatchesSent(app(), { class4_egress_trunk_settings: { name: 'other' } }, 'get')).actual,
    'class4_egress_trunk_settings.name: sent "other", got "trunk"');

  for (const got of [undefined, null, {}]) {
    t.equal(failed(appMatchesSent(app({ class4_egress_trunk_settings: got }), { class4_egress_trunk_settings: { rate_decimal: 6 } }, 'get')).actual,
      'class4_egress_trunk_settings: sent settings, got none', `settings ${JSON.stringify(got)} back`);
    // E15/E67: a Create/Modify answer may leave them unexpanded (the page's own Create answer does, lines 729–730); Get must show them.
    t.ok(appMatchesSent(app({ class4_egress_trunk_settings: got }), { class4_egress_trunk_settings: { rate_decimal: 6 } }, 'create answer', { answer: true }).pass,
      `settings ${JSON.stringify(got)} in a write answer are not compared`);
  }
  t.equal(failed(appMatchesSent(app(), { class4_egress_trunk_settings: { rate_decimal: 4 } }, 'modify answer', { answer: true })).actual,
    'class4_egress_trunk_settings.rate_decimal: sent 4, got "6"', 'settings a write answer does carry are compared');
});

t.test('outbound_voice_profile: unexpanded {} or null tolerated (E15), a different uuid fails', async (t) => {
  const sent = { outbound_voice_profile: U2 };
  t.ok(appMatchesSent(app(), sent, 'get').pass, 'expanded object with the uuid');
  t.ok(appMatchesSent(app({ outbound_voice_profile: U2 }), sent, 'get').pass, 'the bare uuid');
  t.ok(appMatchesSent(app({ outbound_voice_profile: {} }), sent, 'get').pass, '{}');
  t.ok(appMatchesSent(app({ outbound_voice_profile: null }), sent, 'get').pass, 'null');
  const other = failed(appMatchesSent(app({ outbound_voice_profile: { uuid: U } }), sent, 'modify answer'));
  t.equal(other.actual, `outbound_voice_profile: sent ${U2}, got "${U}"`);
  t.equal(failed(appMatchesSent(app({ outbound_voice_profile: U }), sent, 'get')).actual, `outbound_voice_profile: sent ${U2}, got "${U}"`);
});

t.test('documentedAppFields (advisory)', async (t) => {
  const full = Object.fromEntries(DOCUMENTED_APP_FIELDS.map((f) => [f, null]));
  t.same(documentedAppFields(full, 'get'), { pass: true, note: undefined });
  t.ok(documentedAppFields({ ...full, extra: 1 }, 'get')!.pass);
  const { tnleases: _t, account: _a, ...partial } = full;
  const f = failed(documentedAppFields(partial, 'get answer'));
  t.equal(f.message, 'get answer: fields the page documents are missing');
  t.equal(f.actual, 'missing: tnleases, account');
  t.equal(f.expected, DOCUMENTED_APP_FIELDS.join(', '));
  t.equal(documentedAppFields(null, 'get'), null, 'no object: not applicable');
  t.equal(documentedAppFields([full], 'get'), null);
});
