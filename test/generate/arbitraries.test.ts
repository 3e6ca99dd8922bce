import t from 'tap';
import fc from 'fast-check';
import { valid } from '../../src/generate/arbitraries.ts';
import { invalid } from '../../src/generate/invalid.ts';
import { requestBodySchema, pathUuidSchema } from '../../src/generate/spec-schema.ts';
import { codePoints } from '../../src/generate/unicode.ts';
import { lengthJudgement } from '../../src/generate/lengths.ts';
import { validateRequestBody } from '../../src/spec/validators.ts';
import { observe } from '../../src/checks/observed.ts';

// The generators are derived from spec/openapi.yaml; the spec's own validators (ajv) are the judge:
// every "valid" body must pass them, every body that breaks one rule (and is not a lenient case) must fail them.

const sources = { prefix: 'sct-20261203000000-abcdef-', outboundVoiceProfile: '0b6c2a5e-8a47-4e6f-9d34-1f2b3c4d5e6f', leases: ['11111111-2222-4333-8444-555555555555'] };
const OPS = ['CreateSIPControlApp', 'ModifySIPControlApp', 'AssignTNLeasesToSIPControlApp'] as const;

t.test('request schemas come from the spec, flattened', async (t) => {
  const create = requestBodySchema('CreateSIPControlApp')!;
  t.same(create.required, ['name']);
  t.equal(create.properties!.name.component, 'AppName');
  t.equal(create.properties!.name.maxLength, 255);
  t.equal(create.properties!.subdomain.minLength, 3);
  t.ok(create.properties!.class4_egress_trunk_settings.properties!.rpid.enum!.includes('Never'), 'enums of nested components resolved');
  t.equal(create.properties!.outbound_voice_profile.pattern, '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', 'allOf [$ref Uuid] merged');
  t.equal(requestBodySchema('GetSIPControlAppByUUID'), undefined, 'no body for GET');
  t.ok(pathUuidSchema('GetSIPControlAppByUUID')?.pattern, 'the path parameter schema');
});

for (const op of OPS) {
  t.test(`${op}: generated valid bodies pass the spec's validator`, async (t) => {
    const arb = valid(requestBodySchema(op)!, sources)!;
    fc.assert(fc.property(arb, (body) => validateRequestBody(op, body).length === 0), { numRuns: 200, seed: 42 });
    t.pass('200 bodies');
  });
  t.test(`${op}: bodies breaking one rule fail the spec's validator (lenient ones aside)`, async (t) => {
    const arb = invalid(requestBodySchema(op)!, sources);
    const seen = new Set<string>();
    fc.assert(fc.property(arb, (req) => {
      seen.add(req.check);
      if (req.lenient || req.rawBody !== undefined) return true;
      return validateRequestBody(op, req.body).length > 0;
    }), { numRuns: 300, seed: 7 });
    t.ok(seen.has('input-validation'));
  });
}

t.test('names explore the boundaries and full Unicode, carrying the run prefix when they can', async (t) => {
  const names = fc.sample(valid(requestBodySchema('CreateSIPControlApp')!, sources)!, { numRuns: 400, seed: 3 }).map((b) => (b as { name: string }).name);
  const lengths = new Set(names.map(codePoints));
  t.ok(lengths.has(1) && lengths.has(255) && lengths.has(3), 'lengths 1, 3 and 255 code points');
  t.ok(names.some((n) => /[\u{10000}-\u{10ffff}]/u.test(n)), 'characters outside the BMP');
  t.ok(names.some((n) => /[\u0300-\u036f]/.test(n)), 'combining marks');
  t.ok(names.some((n) => /[\u05d0-\u05ea\u0627-\u064a]/.test(n)), 'right-to-left letters');
  t.ok(names.filter((n) => codePoints(n) > 40).every((n) => n.startsWith(sources.prefix)), 'long names carry the run prefix');
  t.ok(names.every((n) => codePoints(n) >= 1 && codePoints(n) <= 255));
});

t.test('E76: a name within 255 code points but over 255 UTF-16 units may be refused, except under --strict', async (t) => {
  const schema = requestBodySchema('CreateSIPControlApp')!;
  const astral = '𝔸'.repeat(200);
  const j = lengthJudgement({ name: astral }, schema);
  t.equal(j.check, 'length-limits');
  t.equal(j.unitDependent.length, 1);
  const res = (status: number) => observe({ method: 'POST', path: '/rest/sip/app', status, headers: {}, text: '{}' });
  t.ok(j.judge(res(400), false).pass, 'refused: a reading (default)');
  t.ok(j.judge(res(201), false).pass, 'accepted');
  t.notOk(j.judge(res(400), true).pass, '--strict pins code points');
  t.notOk(j.judge(res(500), false).pass);
  const bmp = lengthJudgement({ name: 'é'.repeat(255) }, schema);
  t.equal(bmp.unitDependent.length, 0);
  t.notOk(bmp.judge(res(400), false).pass, 'BMP names at the limit must be accepted');
});
