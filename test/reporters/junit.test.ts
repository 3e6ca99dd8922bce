import t from 'tap';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { JUnitReporter, renderJUnit } from '../../reporters/junit.ts';
import { buildRun, drive, JWT_RE } from './fixture.ts';
import { documentPath, VENDORED } from '../../src/spec/vendored.ts';

const XSD = documentPath(VENDORED.junitXsd);

/** xmllint (the wasm build the project already ships for call flows: no system package needed). */
async function validate(file: string, schema = XSD_WITH_LOCATIONS): Promise<{ ok: boolean; output: string }> {
  const r = await validateXML({
    xml: [{ fileName: file, contents: readFileSync(file, 'utf8') }],
    schema: [{ fileName: schema, contents: readFileSync(schema, 'utf8') }],
  });
  return { ok: r.valid, output: r.rawOutput };
}

/**
 * junit-10.xsd plus exactly two optional testcase attributes, `file` and
 * `line`: GitLab and action-junit-report read them, Jenkins ignores them, and
 * no published JUnit schema declares them. Everything else is the Jenkins schema.
 */
const XSD_WITH_LOCATIONS = (() => {
  const original = readFileSync(XSD, 'utf8');
  const anchor = /(<xs:element name="testcase">[\s\S]*?<xs:attribute name="group" type="xs:string"\/>)/;
  if (!anchor.test(original)) throw new Error('junit-10.xsd changed: testcase attributes not found');
  const path = join(mkdtempSync(join(tmpdir(), 'junit-xsd-')), 'junit-10-with-locations.xsd');
  writeFileSync(path, original.replace(anchor, '$1\n            <xs:attribute name="file" type="xs:string"/>\n            <xs:attribute name="line" type="xs:string"/>'));
  return path;
})();

t.test('junit.xml validates against the Jenkins junit-10 XSD', async (t) => {
  t.ok(existsSync(XSD), `schema at ${XSD}`);
  const dir = t.testdir();
  const files = await drive(new JUnitReporter({ outDir: dir }));
  t.same(files, [join(dir, 'junit.xml')]);
  const v = await validate(files[0]!);
  t.ok(v.ok, `xmllint: ${v.output}`);
  // Against the unmodified schema the only complaints are the two location attributes.
  const strict = await validate(files[0]!, XSD);
  const complaints = strict.output.split('\n').filter((l) => /validity error/.test(l));
  t.ok(complaints.length > 0 && complaints.every((l) => /attribute '(file|line)': The attribute '(file|line)' is not allowed/.test(l)), 'plain junit-10.xsd objects to file/line only');

  // The validator is really validating: a report without a required attribute is rejected.
  const broken = readFileSync(files[0]!, 'utf8').replace(/(<testsuite name="[^"]*") tests="\d+"/, '$1');
  const brokenFile = join(dir, 'broken.xml');
  writeFileSync(brokenFile, broken);
  t.notOk((await validate(brokenFile)).ok, 'a testsuite without tests= is rejected by the schema');
});

t.test('structure: suites, cases, failure/error/skipped, properties, warnings', async (t) => {
  const run = buildRun();
  const xml = await renderJUnit(run, 'ci-host-1');
  t.notMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/, 'no characters XML 1.0 forbids');
  t.notMatch(xml, /\]\]>/, 'a literal ]]> never appears (it is escaped as ]]&gt;)');
  t.notMatch(xml, JWT_RE, 'no raw JWT');
  t.notMatch(xml, /<script>/, 'markup in messages is escaped');

  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    textNodeName: '#text',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
    parseAttributeValue: false,
    parseTagValue: false,
  }).parse(xml);
  const root = doc.testsuites;
  t.equal(root.tests, '8');
  t.equal(root.failures, '2');
  t.equal(root.errors, '1');
  const suites = root.testsuite as any[];
  t.same(suites.map((s) => s.name), ['lifecycle', 'auth', 'validation', 'tnlease', 'call'], 'one testsuite per suite, in run order');
  const lifecycle = suites[0];
  t.match(lifecycle, { tests: '2', failures: '1', errors: '0', skipped: '0', time: '1.950', timestamp: '2025-01-31T12:00:00Z', hostname: 'ci-host-1', id: '0', package: 'sipapp-conformance' });
  const props = Object.fromEntries(lifecycle.properties.property.map((p: any) => [p.name, p.value]));
  t.match(props, { 'run.id': run.info.runId, 'tool.version': '0.1.0', 'spec.sha256': 'a'.repeat(64), 'target.baseUrl': 'https://sip.example.test' });

  const cases = suites.flatMap((s) => s.testcase) as any[];
  t.equal(cases.length, 8);
  const byId = (id: string) => cases.find((c) => c.name.startsWith(`${id}: `));
  const failed = byId('lifecycle-002');
  t.equal(failed.classname, 'lifecycle.CreateSIPControlApp');
  t.equal(failed.name, 'lifecycle-002: Create with a long name is accepted');
  t.equal(failed.time, '1.830');
  t.equal(failed.failure.type, 'status-code', 'type: the (first) failed check');
  t.match(failed.failure.message, /^status-code: expected 200 or 201, got 500 <script>alert\("x"\)<\/script> & "quotes" 'single' \]\]> .*\(and 1 more failed check\)$/);
  t.ok(failed.failure.message.length <= 240, 'the message is short');
  const body: string = failed.failure['#text'];
  for (const piece of ['rule:     page responses, E12/E13', 'expected: 200 | 201', 'actual:   500', 'request:  POST https://sip.example.test/rest/sip/app', 'response: HTTP 500', 'curl:     curl -sS -X POST', '$SIPAPP_TOKEN', `<script>alert("x")</script> & "quotes" 'single' ]]>`]) {
    t.ok(body.includes(piece), `failure text has ${JSON.stringify(piece)}`);
  }
  t.ok(body.length < 20_000, 'very long bodies are excerpted');
  t.match(failed['system-out'], /\[warning\] check:\s+documented-fields \(advisory\)/);
  t.match(failed['system-out'], /requests \(2\):\n\[1\] GET https:\/\/sip.example.test\/rest\/sip\/app -> 200 \(42 ms\)/, 'system-out lists the requests');
  t.match(failed['system-out'], /request headers:\n\s+x-auth-token: \$SIPAPP_TOKEN/, 'a failed case shows request headers, redacted');
  t.match(failed['system-out'], /response headers:\n\s+content-type: application\/json/);

  const error = byId('validation-010');
  t.equal(error.error.type, 'transport-error');
  t.match(error.error.message, /socket hang up/);
  t.match(error.error['#text'], /no response: ECONNRESET/);
  t.notOk(error.failure, 'an error is not a failure');

  const skipped = byId('tnlease-004');
  t.equal(skipped.skipped.message, '--read-only');
  const passed = byId('call-001');
  t.equal(passed.name, 'call-001: Valid call-flow XML is accepted second line');
  t.notOk(passed.failure || passed.error || passed.skipped);
  t.equal(byId('lifecycle-001').name, 'lifecycle-001: Create answers 200/201 with the app — «é中»', 'unicode kept');
});

t.test('an empty run still validates', async (t) => {
  const dir = t.testdir();
  const [file] = await drive(new JUnitReporter({ outDir: dir }), buildRun([]));
  const v = await validate(file!);
  t.ok(v.ok, v.output);
  t.match(readFileSync(file!, 'utf8'), /<testsuites [^>]*tests="0"/);
});
