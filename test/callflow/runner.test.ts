import t from 'tap';
import { BROKEN_CALLFLOWS, CALLFLOW_XSD_PATH, SAMPLE_CALLFLOWS } from '../../src/callflow/validate.ts';
import { XmllintRunner, splitOutput } from '../../src/callflow/xmllint-runner.ts';

const all = [
  ...Object.entries(SAMPLE_CALLFLOWS).map(([k, xml]) => [k, xml] as const),
  ...Object.entries(BROKEN_CALLFLOWS).map(([k, b]) => [k, b.xml] as const),
];

t.test('the persistent worker and the public xmllint-wasm API agree on every fixture', async (t) => {
  const fast = new XmllintRunner(CALLFLOW_XSD_PATH);
  const slow = new XmllintRunner(CALLFLOW_XSD_PATH);
  slow.usePublicApi = true;
  t.teardown(() => fast.close());
  const [a, b] = await Promise.all([
    Promise.all(all.map(([, xml]) => fast.lint(xml))),
    Promise.all(all.map(([, xml]) => slow.lint(xml))),
  ]);
  all.forEach(([name], i) => {
    t.same(a[i], b[i], name);
    t.equal(a[i]!.validates, name in SAMPLE_CALLFLOWS, `${name}: validates`);
  });
});

t.test('sequential single runs work and the worker can be closed and restarted', async (t) => {
  const r = new XmllintRunner(CALLFLOW_XSD_PATH);
  t.equal((await r.lint(SAMPLE_CALLFLOWS['minimal-hangup']!)).validates, true);
  await r.close();
  t.equal((await r.lint(SAMPLE_CALLFLOWS['reject']!)).validates, true, 'after close');
  t.equal((await r.lint('<Response><Nope/></Response>')).validates, false);
  await r.close();
});

t.test('splitOutput attributes lines to documents and ignores excerpts', async (t) => {
  const out = splitOutput(
    [
      "doc-0.xml validates",
      "doc-1.xml:3: element Foo: Schemas validity error : Element 'Foo': This element is not expected.",
      "doc-1.xml fails to validate",
      "doc-2.xml:1: parser error : Opening and ending tag mismatch: a line 1 and Response",
      "<Response><a></Response>",
      "                        ^",
      "",
    ].join('\n'),
    ['doc-0.xml', 'doc-1.xml', 'doc-2.xml'],
  );
  t.same(out.get('doc-0.xml'), { validates: true, lines: [] });
  t.same(out.get('doc-1.xml')!.lines.map((l) => l.line), [3]);
  t.equal(out.get('doc-1.xml')!.validates, false);
  t.same(out.get('doc-2.xml')!.lines, [{ line: 1, text: 'parser error : Opening and ending tag mismatch: a line 1 and Response' }]);
});

t.test('a worker that dies mid-run does not lose the verdict (public-API fallback)', async (t) => {
  const r = new XmllintRunner(CALLFLOW_XSD_PATH);
  t.teardown(() => r.close());
  t.equal((await r.lint(SAMPLE_CALLFLOWS['minimal-hangup']!)).validates, true, 'worker up');
  const ok = r.lint(SAMPLE_CALLFLOWS['ivr-gather-switch']!);
  const bad = r.lint(BROKEN_CALLFLOWS['schema-unknown-verb']!.xml);
  setImmediate(() => void r.close()); // the batch has been posted by now
  const [a, b] = await Promise.all([ok, bad]);
  t.equal(a.validates, true);
  t.equal(b.validates, false);
  t.match(b.lines.map((l) => l.text).join('\n'), /Conference/);
});
