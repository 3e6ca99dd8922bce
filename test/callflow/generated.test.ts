import t from 'tap';
import { SAMPLE_CALLFLOWS, validateCallFlow } from '../../src/callflow/validate.ts';

/** Gather > Switch > Case > Gather > … `depth` menus deep. */
function nestedMenus(depth: number, innermost = '<Hangup/>'): string {
  let body = innermost;
  for (let i = depth; i >= 1; i--) {
    body =
      `<Gather numDigits="1" attempts="2" timeout="3000" finishOnKey="#" method="POST" callback="https://callflow.example.invalid/m/${i}">\n` +
      `<Say>Menu level ${i}.</Say><Pause length="1"/>\n` +
      `<Switch><Case dtmf="1">\n${body}\n</Case><Default><Say>Again.</Say></Default><Error><Hangup/></Error></Switch>\n` +
      `</Gather>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n${body}\n</Response>\n`;
}

function manyCases(n: number): string {
  const cases = Array.from({ length: n }, (_, i) => `<Case dtmf="${i}"><Say>You pressed ${i}.</Say><Hangup/></Case>`);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Gather numDigits="3" finishOnKey="#">\n<Say>Enter a code.</Say>\n<Switch>\n` +
    cases.join('\n') +
    `\n<Default><Reject reason="rejected"/></Default>\n</Switch></Gather></Response>\n`
  );
}

t.test('deeply nested Gather menus validate', async (t) => {
  for (const depth of [2, 10, 40]) {
    t.same(await validateCallFlow(nestedMenus(depth)), { ok: true }, `depth ${depth}`);
  }
});

t.test('a bad value at the bottom of deep nesting is found, with its line', async (t) => {
  const xml = nestedMenus(20, '<Dial record="sometimes"><Number>+12025550111</Number></Dial>');
  const v = await validateCallFlow(xml);
  t.equal(v.ok, false);
  if (v.ok) return;
  t.equal(v.kind, 'schema');
  const line = xml.split('\n').findIndex((l) => l.includes('record="sometimes"')) + 1;
  t.match(v.errors[0], new RegExp(`^line ${line}: .*sometimes`));
});

t.test('200 Case elements validate', async (t) => {
  t.same(await validateCallFlow(manyCases(200)), { ok: true });
});

t.test('200 Cases with one bad dtmf: exactly that Case is reported', async (t) => {
  const xml = manyCases(200).replace('<Case dtmf="137">', '<Case dtmf="1a7">');
  const v = await validateCallFlow(xml);
  t.equal(v.ok ? 'ok' : v.kind, 'schema');
  if (v.ok) return;
  t.equal(v.errors.length, 1);
  t.match(v.errors[0], /dtmf.*'1a7'/);
});

t.test('a large document (thousands of verbs) validates', async (t) => {
  const says = Array.from({ length: 5000 }, (_, i) => `<Say>Line ${i}</Say>`).join('');
  t.same(await validateCallFlow(`<Response>${says}<Hangup/></Response>`), { ok: true });
});

t.test('concurrent validations get their own verdicts (batching keeps them apart)', async (t) => {
  const docs = Array.from({ length: 150 }, (_, i) => {
    if (i % 3 === 0) return { xml: SAMPLE_CALLFLOWS['ivr-gather-switch']!, want: 'ok' };
    if (i % 3 === 1) return { xml: `<Response><Pause length="${i}"/><Hangup/></Response>`, want: 'ok' };
    return { xml: `<Response>\n<Pause length="-${i}"/>\n</Response>`, want: 'schema' };
  });
  const verdicts = await Promise.all(docs.map((d) => validateCallFlow(d.xml)));
  verdicts.forEach((v, i) => {
    t.equal(v.ok ? 'ok' : v.kind, docs[i]!.want, `doc ${i}`);
    if (!v.ok) t.match(v.errors[0], new RegExp(`^line 2: .*'-${i}'`), `doc ${i} reports its own value`);
  });
});

t.test('well-formedness errors only libxml2 catches are still not-well-formed', async (t) => {
  // fast-xml-parser's XMLValidator lets these through; libxml2 does not.
  for (const xml of [
    '<Response><Say>&nbsp;</Say></Response>',
    '<Response><Say>&#xFFFFFF;</Say></Response>',
    '<Response><x:Say>hi</x:Say></Response>',
  ]) {
    const v = await validateCallFlow(xml);
    t.equal(v.ok ? 'ok' : v.kind, 'not-well-formed', xml);
  }
});

t.test('per-document cost: 200 sequential validations of a typical IVR document', async (t) => {
  const xml = SAMPLE_CALLFLOWS['ivr-gather-switch']!;
  await validateCallFlow(xml); // warm: worker start + wasm compile
  const n = 200;
  let start = performance.now();
  for (let i = 0; i < n; i++) {
    const v = await validateCallFlow(xml);
    if (!v.ok) t.fail('IVR document should validate');
  }
  const sequential = (performance.now() - start) / n;
  start = performance.now();
  await Promise.all(Array.from({ length: n }, () => validateCallFlow(xml)));
  const concurrent = (performance.now() - start) / n;
  t.comment(`validateCallFlow: ${sequential.toFixed(2)} ms/document sequential, ${concurrent.toFixed(2)} ms/document concurrent (n=${n})`);
  // Reported, not enforced tightly: the figure depends on the machine and its load (idle:
  // ~5 ms sequential; xmllint-wasm's public API alone costs ~40 ms per call). The bound only
  // catches a pathological regression such as a hang-and-retry path.
  t.ok(sequential < 500, `sequential ${sequential.toFixed(2)} ms < 500 ms`);
});
