import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { CALLFLOW_XSD_PATH, MINIMAL_CALLFLOW } from '../../src/callflow/validate.ts';

const xsd = readFileSync(CALLFLOW_XSD_PATH, 'utf8');

t.test('CALLFLOW_XSD_PATH is absolute and exists', async (t) => {
  t.ok(isAbsolute(CALLFLOW_XSD_PATH));
  t.ok(existsSync(CALLFLOW_XSD_PATH));
  t.match(CALLFLOW_XSD_PATH, /spec[\\/]callflow[\\/]callflow\.xsd$/);
});

t.test('the XSD is well-formed XML', async (t) => {
  t.equal(XMLValidator.validate(xsd), true);
});

t.test('xmllint-wasm compiles the XSD (public API, no schema errors)', async (t) => {
  const r = await validateXML({ xml: { fileName: 'min.xml', contents: MINIMAL_CALLFLOW }, schema: { fileName: 'callflow.xsd', contents: xsd } });
  t.equal(r.valid, true, r.rawOutput);
  t.notMatch(r.rawOutput, /Schemas parser (error|warning)/);
});

t.test('a broken XSD is reported as a schema compilation failure, not as a verdict', async (t) => {
  const broken = xsd.replace('type="GatherType"', 'type="NoSuchType"');
  await t.rejects(
    validateXML({ xml: { fileName: 'min.xml', contents: MINIMAL_CALLFLOW }, schema: { fileName: 'callflow.xsd', contents: broken } }),
    'xmllint-wasm rejects when the schema does not compile',
  );
});

t.test('every DECISION in the XSD is written up in the README', async (t) => {
  const readme = readFileSync(join(dirname(CALLFLOW_XSD_PATH), 'README.md'), 'utf8');
  const ids = [...xsd.matchAll(/DECISION ([\w-]+):/g)].map((m) => m[1]!);
  t.ok(ids.length >= 30, `${ids.length} decisions`);
  t.equal(new Set(ids).size, ids.length, 'decision ids are unique');
  for (const id of new Set(ids)) t.ok(readme.includes(`\`${id}\``), `README covers \`${id}\``);
});
