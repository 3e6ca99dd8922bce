import t from 'tap';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { invalid, negativeRules, nestedExamples, STRICT_PIN_ERRATA, describeSource } from '../../src/generate/invalid.ts';
import { CODECS, valid } from '../../src/generate/arbitraries.ts';
import { requestBodySchema } from '../../src/generate/spec-schema.ts';
import { validateRequestBody } from '../../src/spec/validators.ts';

// Issue 21, item 1: by default the generator breaks only rules the page states. Every rule it may
// break carries its source (page lines, or errata entries whose default reading is the page's);
// rules only the closed schema makes (inside the trunk settings, E77) are --strict rules.

const PAGE = readFileSync('/work/shared/docs/sip-control-app-api.md', 'utf8').split('\n');
const ERRATA = readFileSync(new URL('../../spec/ERRATA.md', import.meta.url), 'utf8');
const ERRATA_IDS = new Set([...ERRATA.matchAll(/^## (E\d\d) /gm)].map((m) => m[1]));
/** The page's own spelling of a field in its tables (markdown escapes underscores; E01 misspells the trunk field). */
const pageSpelling = (field: string) => (field === 'class4_egress_trunk_settings' ? 'class4\\_egress\\_trunk\\_stings' : field.replace(/_/g, '\\_'));

const sources = { prefix: 'sct-20261204000000-abcdef-', outboundVoiceProfile: '0b6c2a5e-8a47-4e6f-9d34-1f2b3c4d5e6f', leases: ['11111111-2222-4333-8444-555555555555'] };
const OPS = ['CreateSIPControlApp', 'ModifySIPControlApp', 'AssignTNLeasesToSIPControlApp'] as const;

t.test('every negative rule has a source, and a default rule never cites a --strict pin', async (t) => {
  for (const op of OPS) {
    const rules = negativeRules(requestBodySchema(op)!, sources);
    t.ok(rules.length > 5, `${op}: ${rules.length} rules`);
    for (const rule of rules) {
      const name = `${op} ${rule.kind}${rule.field ? ` ${rule.field}` : ''} (${rule.mode})`;
      t.ok((rule.source.page?.length ?? 0) + (rule.source.errata?.length ?? 0) > 0, `${name}: has a source`);
      for (const id of rule.source.errata ?? []) t.ok(ERRATA_IDS.has(id), `${name}: ${id} is an errata entry`);
      for (const line of rule.source.page ?? []) {
        t.ok(line >= 1 && line <= PAGE.length, `${name}: page line ${line} exists`);
        // A field's rule cites the table row stating the field.
        if (rule.field && !rule.field.includes('.')) t.ok(PAGE[line - 1].includes(pageSpelling(rule.field)), `${name}: page line ${line} states ${rule.field}`);
      }
      const nested = Boolean(rule.field?.includes('.'));
      t.equal(rule.mode, nested ? 'strict' : 'default', `${name}: ${nested ? 'a rule inside the trunk settings is a --strict rule (E77)' : 'a rule the page states is a default rule'}`);
      if (rule.mode === 'default') t.same((rule.source.errata ?? []).filter((id) => STRICT_PIN_ERRATA.has(id)), [], `${name}: cites no --strict pin`);
      else t.ok((rule.source.errata ?? []).some((id) => STRICT_PIN_ERRATA.has(id)), `${name}: cites the entry that makes it --strict`);
    }
  }
});

t.test('the --strict pins are the errata entries whose --strict column differs', async (t) => {
  for (const id of STRICT_PIN_ERRATA) {
    const row = ERRATA.split('\n').find((l) => l.startsWith(`| ${id} |`));
    t.ok(row, `${id} has a summary row`);
    t.not(row!.split('|').at(-2)!.trim(), 'same', `${id}: --strict pins something the default reading does not`);
  }
});

t.test('every generated negative request names its rule, source and mode; both modes are drawn', async (t) => {
  const modes = new Set<string>();
  for (const op of OPS) {
    fc.assert(fc.property(invalid(requestBodySchema(op)!, sources), (req) => {
      modes.add(req.mode);
      return req.source.length > 0 && (req.mode === 'strict') === /^class4_egress_trunk_settings\./.test(req.rule);
    }), { numRuns: 300, seed: 11 });
  }
  t.same([...modes].sort(), ['default', 'strict']);
});

t.test('the nested examples every seed tries first break one --strict rule each', async (t) => {
  const schema = requestBodySchema('CreateSIPControlApp')!;
  const examples = nestedExamples(schema, () => ({ name: 'sct-x-nested', subdomain: 'sct-x-nested' }));
  t.equal(examples.length, 2);
  for (const req of examples) {
    t.equal(req.mode, 'strict');
    t.equal(req.source, describeSource({ page: [610, 1469], errata: ['E77', 'E71'] }));
    const errors = validateRequestBody('CreateSIPControlApp', req.body);
    t.equal(errors.length, 1, `${req.rule}: breaks exactly one rule`);
    t.match(errors[0].pointer, /^\/class4_egress_trunk_settings\//);
  }
});

t.test('valid trunk settings: realistic by default, arbitrary under --strict', async (t) => {
  const schema = requestBodySchema('CreateSIPControlApp')!;
  const trunks = (strict: boolean) => fc.sample(valid(schema, { ...sources, strict })!, { numRuns: 300, seed: 9 })
    .map((b) => (b as { class4_egress_trunk_settings?: Record<string, unknown> }).class4_egress_trunk_settings).filter((x): x is Record<string, unknown> => Boolean(x));
  const plain = trunks(false);
  const ips = plain.flatMap((s) => (s.ip as Array<Record<string, unknown>> | undefined) ?? []);
  t.ok(ips.length > 20, `${ips.length} trunk addresses`);
  for (const ip of ips) {
    if (ip.addr_type === 'ip') t.match(ip.ip, /^(\d{1,3}\.){3}\d{1,3}$/, 'an IPv4 address');
    else t.match(ip.fqdn, /^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)*\.(com|net|org|io)$/, 'a host name');
    if (ip.port !== undefined) t.ok(Number(ip.port) >= 1 && Number(ip.port) <= 65535, 'a port');
  }
  t.ok(plain.every((s) => ((s.codecs as string[] | undefined) ?? []).every((c) => (CODECS as readonly string[]).includes(c))), 'codec names');
  t.ok(plain.some((s) => Array.isArray(s.codecs) && s.codecs.length === 0), 'an empty codec list still comes (a valid, unusual body)');
  t.ok(plain.every((s) => [s.pdd, s.ring_timeout, s.media_timeout, s.cps_limit].every((n) => n === undefined || (Number(n) >= 0 && Number(n) <= 30_000))), 'modest numbers');
  const strict = trunks(true);
  t.ok(strict.some((s) => ((s.codecs as string[] | undefined) ?? []).some((c) => !(CODECS as readonly string[]).includes(c))), '--strict: any word for a codec');
  t.ok(strict.some((s) => Object.values(s).some((v) => typeof v === 'number' && v > 30_000)), '--strict: integers to 100000');
  for (const body of [...plain, ...strict]) t.same(validateRequestBody('CreateSIPControlApp', { name: 'x', class4_egress_trunk_settings: body }), [], 'valid per the spec either way');
});
