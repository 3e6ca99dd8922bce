import t from 'tap';
import { BROKEN_CALLFLOWS, SAMPLE_CALLFLOWS, MINIMAL_CALLFLOW } from '../../src/callflow/validate.ts';
import { normativeDefects, tierOf } from '../../src/callflow/tiers.ts';

// E69: refusing what is not XML, not rooted in Response or names an unknown element is normative;
// the XSD's finer rules are the suite's reading (advisory).

t.test('valid documents pass the normative tier', async (t) => {
  for (const [name, xml] of [['MINIMAL_CALLFLOW', MINIMAL_CALLFLOW], ...Object.entries(SAMPLE_CALLFLOWS)]) {
    t.same(normativeDefects(xml), [], name);
  }
});

t.test('each broken fixture lands in the tier its defect calls for', async (t) => {
  const normative = ['not-well-formed-empty-document', 'not-well-formed-stray-ampersand', 'not-well-formed-two-roots',
    'not-well-formed-unclosed-tag', 'not-well-formed-undefined-entity', 'schema-wrong-root', 'schema-unknown-verb', 'schema-lowercase-verb'];
  for (const [name, doc] of Object.entries(BROKEN_CALLFLOWS)) {
    t.equal(doc.tier, normative.includes(name) ? 'normative' : 'schema', `${name}: ${doc.tier}`);
  }
  t.ok(Object.values(BROKEN_CALLFLOWS).filter((d) => d.tier === 'schema').length >= 10, 'the finer schema rules are exercised too');
});

t.test('the defects are named', async (t) => {
  t.match(normativeDefects('<Request><Hangup/></Request>'), [/root element <Request>/]);
  t.match(normativeDefects('<Response><Conference/></Response>'), [/unknown element <Conference>/]);
  t.match(normativeDefects('<Response><hangup/></Response>'), [/unknown element <hangup>/]);
  t.match(normativeDefects('  '), [/empty/]);
  t.match(normativeDefects('<Response><Say>a & b</Say></Response>'), [/not well-formed/]);
  t.same(normativeDefects('<Response><Callback method="POST"/></Response>'), [], 'a missing attribute is a schema rule');
  t.equal(tierOf('<Response><Hangup/></Response>', 'not-well-formed'), 'normative', "libxml2's verdict counts");
});

t.test('no document of the schema tier ends or moves the live call if a lenient server runs it', async (t) => {
  for (const [name, doc] of Object.entries(BROKEN_CALLFLOWS)) {
    if (doc.tier === 'schema') t.notMatch(doc.xml, /<(Hangup|Reject|Redirect)\b/, `${name} neither hangs up, rejects nor redirects`);
  }
});
