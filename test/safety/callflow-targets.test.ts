import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROKEN_CALLFLOWS, MINIMAL_CALLFLOW, SAMPLE_CALLFLOWS } from '../../src/callflow/validate.ts';
import { contractInteractions } from '../../src/contracts/interactions.ts';

// Call-flow XML is posted to a LIVE call the user lends the suite (--call-uuid). A document that
// dials a real number, a real SIP address or fetches a real URL would place a real call or send a
// real request if a server ever acted on it (a broken document a server wrongly accepts included).
// So every document the suite can post may only name targets that cannot reach anyone:
//   - phone numbers from the NANP fictional range 555-0100…0199 (+1 NPA 555 01XX),
//   - SIP addresses and URL hosts under `.invalid` (RFC 6761: never resolves),
//   - relative URLs (no host at all).

const FICTIONAL_NUMBER = /^1?\d{3}55501\d\d$/;

/** Every target-like token of a document that could reach something real; empty when safe. */
function realTargets(xml: string): string[] {
  const problems: string[] = [];
  // Absolute URLs, sip:/sips:/tel: URIs and user@host addresses, in attributes and text alike.
  for (const m of xml.matchAll(/\b(?:https?|wss?|ftp):\/\/([^/\s"'<>?#:]+)/gi)) {
    if (!m[1].toLowerCase().endsWith('.invalid')) problems.push(`URL host ${m[1]}`);
  }
  for (const m of xml.matchAll(/\bsips?:([^\s"'<>;]+)/gi)) {
    const host = m[1].split('@').pop()!.split(/[:;?]/)[0].toLowerCase();
    if (!host.endsWith('.invalid')) problems.push(`SIP URI sip:${m[1]}`);
  }
  for (const m of xml.matchAll(/[\w.+-]+@([\w.-]+)/g)) {
    if (!m[1].toLowerCase().endsWith('.invalid')) problems.push(`address ${m[0]}`);
  }
  // Phone numbers: seven or more digits, with the separators a number may carry.
  for (const m of xml.matchAll(/\+?\d[\d\s().-]{5,}\d/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 7 && !FICTIONAL_NUMBER.test(digits)) problems.push(`number ${m[0].trim()}`);
  }
  // Dial targets given as bare user names (To/Sip without a host) could ring a real user of the account.
  for (const m of xml.matchAll(/<(To|Sip)\b[^>]*>([^<]*)<\/\1>/g)) {
    const text = m[2].trim();
    if (text && !text.includes('@') && !FICTIONAL_NUMBER.test(text.replace(/\D/g, ''))) problems.push(`<${m[1]}> ${text}`);
  }
  return problems;
}

t.test('the scanner recognises real targets', async (t) => {
  t.same(realTargets('<Response><Dial><Number>+15551230001</Number></Dial></Response>'), ['number +15551230001']);
  t.ok(realTargets('<Response><Dial><Sip>sip:support@pbx.example.com</Sip></Dial></Response>').length > 0);
  t.ok(realTargets('<Response><Redirect>https://example.com/next</Redirect></Response>').length > 0);
  t.ok(realTargets('<Response><Dial><To>bob</To></Dial></Response>').length > 0);
  t.ok(realTargets('<Response><Dial callerId="+44 20 7946 1234"><To>+12025550100</To></Dial></Response>').length > 0);
  t.same(realTargets('<Response><Dial timeout="30000"><Number>+1 (202) 555-0101</Number><Sip>sip:a@pbx.example.invalid</Sip></Dial><Redirect url="/relative"/></Response>'), []);
});

const FIXTURES = fileURLToPath(new URL('../../spec/callflow/fixtures/', import.meta.url));

t.test('no document the suite can post dials, calls or fetches anything real', async (t) => {
  const documents: Array<[string, string]> = [
    ['MINIMAL_CALLFLOW', MINIMAL_CALLFLOW],
    ...Object.entries(SAMPLE_CALLFLOWS).map(([name, xml]): [string, string] => [`valid/${name}`, xml]),
    ...Object.entries(BROKEN_CALLFLOWS).map(([name, doc]): [string, string] => [`invalid/${name}`, doc.xml]),
    ...contractInteractions().filter((i) => i.xml !== undefined).map((i): [string, string] => [`contract ${i.id}`, i.xml!]),
  ];
  // The loaders and the files on disk agree (a fixture the loader skips is still a fixture).
  for (const sub of ['valid', 'invalid']) {
    for (const f of readdirSync(FIXTURES + sub)) documents.push([`${sub}/${f} (file)`, readFileSync(`${FIXTURES}${sub}/${f}`, 'utf8')]);
  }
  t.ok(documents.length > 30, `${documents.length} documents scanned`);
  for (const [name, xml] of documents) t.same(realTargets(xml), [], `${name}: no real number, SIP address or URL`);
});
