import t from 'tap';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  BROKEN_CALLFLOWS,
  CALLFLOW_XSD_PATH,
  MINIMAL_CALLFLOW,
  SAMPLE_CALLFLOWS,
  validateCallFlow,
} from '../../src/callflow/validate.ts';

const FIXTURES = join(dirname(CALLFLOW_XSD_PATH), 'fixtures');

t.test('fixture sets are loaded and large enough', async (t) => {
  const valid = readdirSync(join(FIXTURES, 'valid')).filter((f) => f.endsWith('.xml'));
  const invalid = readdirSync(join(FIXTURES, 'invalid')).filter((f) => f.endsWith('.xml'));
  t.equal(Object.keys(SAMPLE_CALLFLOWS).length, valid.length, 'every valid fixture is in SAMPLE_CALLFLOWS');
  t.equal(Object.keys(BROKEN_CALLFLOWS).length, invalid.length, 'every invalid fixture is in BROKEN_CALLFLOWS');
  t.ok(valid.length >= 8, `${valid.length} valid fixtures`);
  t.ok(invalid.length >= 10, `${invalid.length} invalid fixtures`);
  const kinds = new Set(Object.values(BROKEN_CALLFLOWS).map((b) => b.kind));
  t.same([...kinds].sort(), ['not-well-formed', 'schema'], 'both failure kinds are represented');
  for (const [name, b] of Object.entries(BROKEN_CALLFLOWS)) {
    t.ok(name.startsWith(`${b.kind}-`), `${name}: kind taken from the file name`);
  }
  // The brief's named cases must stay covered.
  for (const name of [
    'minimal-hangup', 'ivr-gather-switch', 'dial-targets-error', 'say-text-and-content', 'play-pause',
    'record', 'redirect', 'reject', 'callback-error', 'answer-say-hangup',
  ]) t.ok(name in SAMPLE_CALLFLOWS, `valid fixture ${name}`);
  for (const name of [
    'not-well-formed-unclosed-tag', 'not-well-formed-stray-ampersand', 'not-well-formed-empty-document',
    'schema-wrong-root', 'schema-unknown-verb', 'schema-case-outside-switch', 'schema-switch-outside-gather',
    'schema-verb-inside-pause', 'schema-dial-without-target', 'schema-numdigits-not-integer',
    'schema-finishonkey-bad-key', 'schema-method-put', 'schema-dial-record-sometimes', 'schema-negative-timeout',
  ]) t.ok(name in BROKEN_CALLFLOWS, `invalid fixture ${name}`);
});

t.test('MINIMAL_CALLFLOW is the notes\' smallest useful document and is valid', async (t) => {
  t.equal(MINIMAL_CALLFLOW, '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
  t.same(await validateCallFlow(MINIMAL_CALLFLOW), { ok: true });
});

t.test('every valid fixture validates', async (t) => {
  for (const [name, xml] of Object.entries(SAMPLE_CALLFLOWS)) {
    t.same(await validateCallFlow(xml), { ok: true }, name);
  }
});

t.test('every invalid fixture fails with the kind its name states', async (t) => {
  for (const [name, { xml, kind }] of Object.entries(BROKEN_CALLFLOWS)) {
    const v = await validateCallFlow(xml);
    t.equal(v.ok, false, `${name}: rejected`);
    if (v.ok) continue;
    t.equal(v.kind, kind, `${name}: kind`);
    t.ok(v.errors.length > 0, `${name}: has errors`);
    for (const e of v.errors) {
      t.match(e, /^line \d+(, column \d+)?: \S/, `${name}: readable one-liner with a line number: ${e}`);
      t.notMatch(e, /\n/, `${name}: one line`);
    }
  }
});

t.test('errors name the offending construct', async (t) => {
  const expect: Record<string, RegExp> = {
    'schema-unknown-verb': /Conference/,
    'schema-case-outside-switch': /Case/,
    'schema-switch-outside-gather': /Switch/,
    'schema-verb-inside-pause': /Pause/,
    'schema-numdigits-not-integer': /numDigits.*abc/,
    'schema-finishonkey-bad-key': /finishOnKey.*'x'/,
    'schema-method-put': /method.*PUT/,
    'schema-dial-record-sometimes': /record.*sometimes/,
    'schema-negative-timeout': /timeout.*-5/,
    'schema-wrong-root': /Request/,
    'not-well-formed-stray-ampersand': /&/,
    'not-well-formed-undefined-entity': /eacute/,
  };
  for (const [name, re] of Object.entries(expect)) {
    const v = await validateCallFlow(BROKEN_CALLFLOWS[name]!.xml);
    t.match(v.ok ? '' : v.errors.join(' | '), re, name);
  }
  const v = await validateCallFlow(BROKEN_CALLFLOWS['schema-negative-timeout']!.xml);
  t.match(v.ok ? '' : v.errors[0], /^line 3: /, 'line number of the Gather element');
});

t.test('empty and whitespace-only input is not well-formed', async (t) => {
  for (const xml of ['', '   \n\t', '<?xml version="1.0" encoding="UTF-8"?>']) {
    const v = await validateCallFlow(xml);
    t.equal(v.ok ? 'ok' : v.kind, 'not-well-formed', JSON.stringify(xml));
  }
});

t.test('non-string input is a programming error', async (t) => {
  await t.rejects(validateCallFlow(undefined as unknown as string), TypeError);
  await t.rejects(validateCallFlow(Buffer.from(MINIMAL_CALLFLOW) as unknown as string), TypeError);
});
