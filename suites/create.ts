import { STATUS } from '../src/checks/status-code.ts';
import { appMatchesSent, documentedAppFields } from '../src/checks/read-after-write.ts';
import { isActiveDefaultsTrue } from '../src/checks/app-state.ts';
import { pass } from '../src/checks/verdict.ts';
import { subdomainTaken } from '../src/checks/subdomain.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import { appOf, MULTIBYTE, sampleTrunkSettings, unknownUuid } from './support.ts';

const OP = 'CreateSIPControlApp' as const;

/** Create, then read back through get: both must say what was sent. */
async function createAndReadBack(ctx: CaseContext, overrides: Record<string, unknown>): Promise<void> {
  const { uuid, sent, res } = await ctx.createApp('create app', overrides);
  ctx.expect('read-after-write', appMatchesSent(appOf(res), sent, 'create answer', { answer: true }));
  ctx.expect('documented-fields', documentedAppFields(appOf(res), 'create answer'));
  const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'read the app back' });
  ctx.expectStatus('status-code', got, STATUS.ok);
  ctx.expect('read-after-write', appMatchesSent(appOf(got), sent, 'get after create'));
}

/**
 * A boundary value on the accepted side: created, and stored as sent. `hostNameMayRefuse`: the value is
 * a single label longer than DNS allows (63 octets), so a server validating the "SIP domain name"
 * (line 608) as a host name may refuse it with a 4xx by default (E26); --strict pins the page's 255.
 */
function accepted(id: string, title: string, field: 'name' | 'subdomain', make: (ctx: CaseContext) => string, hostNameMayRefuse = false) {
  return {
    id, title, operation: OP, tags: ['limits', field], checks: ['length-limits', 'read-after-write'], sideEffects: 'writes',
    async run(ctx: CaseContext) {
      for (let attempt = 1; ; attempt++) {
        const value = make(ctx);
        const body = { name: ctx.env.names.name('limit'), subdomain: ctx.env.names.subdomain(), [field]: value };
        const { res, uuid } = await ctx.tryCreate(title, body);
        // A 3-character subdomain cannot carry the run id; a clash with an existing one (409, or 400/422 "taken") is not a length refusal.
        if (field === 'subdomain' && value.length < 8 && subdomainTaken(res) && attempt < 3) continue;
        if (hostNameMayRefuse && !ctx.strict && res.status >= 400 && res.status < 500) {
          ctx.expect('length-limits', pass(`a ${[...value].length}-character single-label subdomain refused with ${res.status}: a host-name reading (E26)`));
          return;
        }
        if (!ctx.expectStatus('length-limits', res, { ...STATUS.created, situation: `${field} of ${[...value].length} characters` })) return;
        ctx.expect('read-after-write', appMatchesSent(appOf(res), { [field]: value }, 'create answer', { answer: true }));
        if (uuid) {
          const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'read the app back' });
          ctx.expect('read-after-write', appMatchesSent(appOf(got), { [field]: value }, 'get after create'));
        }
        return;
      }
    },
  } satisfies Omit<CaseDefinition, 'suite'>;
}

/** A value the page forbids: refused with a 4xx (E05), nothing created. */
function refused(id: string, title: string, check: 'length-limits' | 'input-validation', tags: string[], body: (ctx: CaseContext) => { json?: unknown; raw?: string }) {
  return {
    id, title, operation: OP, tags, checks: [check], sideEffects: 'writes',
    async run(ctx: CaseContext) {
      const { json, raw } = body(ctx);
      const { res } = raw !== undefined
        ? await ctx.tryCreate(title, undefined, { rawBody: raw })
        : await ctx.tryCreate(title, json);
      ctx.expectStatus(check, res, { ...STATUS.invalidInput, situation: title });
    },
  } satisfies Omit<CaseDefinition, 'suite'>;
}

export const createCases: CaseDefinition[] = defineCases('create', [
  {
    id: 'minimal', title: 'create with name and subdomain', operation: OP, tags: ['smoke', 'read-after-write'],
    checks: ['status-code', 'read-after-write', 'default-values', 'documented-fields'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid, sent, res } = await ctx.createApp('create app');
      const app = appOf(res);
      ctx.expect('read-after-write', appMatchesSent(app, sent, 'create answer', { answer: true }));
      ctx.expect('default-values', isActiveDefaultsTrue(app));
      ctx.expect('documented-fields', documentedAppFields(app, 'create answer'));
      const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'read the app back' });
      ctx.expectStatus('status-code', got, STATUS.ok);
      ctx.expect('read-after-write', appMatchesSent(appOf(got), sent, 'get after create'));
    },
  },
  {
    id: 'full', title: 'create with every documented field', operation: OP, tags: ['read-after-write', 'trunk-settings'],
    checks: ['status-code', 'read-after-write', 'documented-fields'], sideEffects: 'writes',
    async run(ctx) {
      const overrides: Record<string, unknown> = { is_active: false, class4_egress_trunk_settings: sampleTrunkSettings() };
      if (ctx.env.fixtures.outboundVoiceProfile) overrides.outbound_voice_profile = ctx.env.fixtures.outboundVoiceProfile;
      await createAndReadBack(ctx, overrides);
    },
  },
  accepted('name-1', 'name of 1 character is accepted', 'name', () => 'x'),
  accepted('name-255-multibyte', 'name of 255 two-byte characters is accepted', 'name', (ctx) => ctx.env.names.nameOfLength(255, MULTIBYTE.twoBytes)),
  accepted('name-255-cjk', 'name of 255 three-byte characters is accepted', 'name', (ctx) => ctx.env.names.nameOfLength(255, MULTIBYTE.threeBytes)),
  accepted('subdomain-3', 'subdomain of 3 characters is accepted', 'subdomain', (ctx) => ctx.env.names.subdomainOfLength(3)),
  accepted('subdomain-255', 'subdomain of 255 characters is accepted (a host-name reading may refuse it, E26)', 'subdomain', (ctx) => ctx.env.names.subdomainOfLength(255), true),
  refused('name-0', 'empty name is refused', 'length-limits', ['limits', 'name'], (ctx) => ({ json: { name: '', subdomain: ctx.env.names.subdomain() } })),
  refused('name-256', 'name of 256 characters is refused', 'length-limits', ['limits', 'name'], (ctx) => ({ json: { name: ctx.env.names.nameOfLength(256, MULTIBYTE.twoBytes), subdomain: ctx.env.names.subdomain() } })),
  refused('subdomain-2', 'subdomain of 2 characters is refused', 'length-limits', ['limits', 'subdomain'], (ctx) => ({ json: { name: ctx.env.names.name('limit'), subdomain: 'ab' } })),
  refused('subdomain-256', 'subdomain of 256 characters is refused', 'length-limits', ['limits', 'subdomain'], (ctx) => ({ json: { name: ctx.env.names.name('limit'), subdomain: ctx.env.names.subdomainOfLength(256) } })),
  refused('name-missing', 'create without a name is refused', 'input-validation', ['types'], (ctx) => ({ json: { subdomain: ctx.env.names.subdomain() } })),
  refused('name-number', 'name given as a number is refused', 'input-validation', ['types'], (ctx) => ({ json: { name: 12345, subdomain: ctx.env.names.subdomain() } })),
  refused('subdomain-number', 'subdomain given as a number is refused', 'input-validation', ['types'], (ctx) => ({ json: { name: ctx.env.names.name('type'), subdomain: 12345 } })),
  refused('is-active-string', 'is_active given as the string "yes" is refused', 'input-validation', ['types'], (ctx) => ({ json: { name: ctx.env.names.name('type'), subdomain: ctx.env.names.subdomain(), is_active: 'yes' } })),
  refused('ovp-malformed', 'outbound_voice_profile that is not a uuid is refused', 'input-validation', ['types', 'uuid'], (ctx) => ({ json: { name: ctx.env.names.name('type'), subdomain: ctx.env.names.subdomain(), outbound_voice_profile: 'not-a-uuid' } })),
  refused('trunk-settings-not-object', 'class4_egress_trunk_settings that is not an object is refused', 'input-validation', ['types', 'trunk-settings'], (ctx) => ({ json: { name: ctx.env.names.name('type'), subdomain: ctx.env.names.subdomain(), class4_egress_trunk_settings: 'fast' } })),
  refused('body-array', 'a JSON array body is refused', 'input-validation', ['types'], (ctx) => ({ json: [{ name: ctx.env.names.name('type'), subdomain: ctx.env.names.subdomain() }] })),
  refused('malformed-json', 'malformed JSON is refused', 'input-validation', ['types'], (ctx) => ({ raw: `{"name": "${ctx.env.names.name('json')}", "subdomain": ` })),
  {
    id: 'unknown-ovp', title: 'unknown outbound voice profile is refused', operation: OP, tags: ['references'],
    checks: ['unknown-reference-rejected'], sideEffects: 'writes',
    async run(ctx) {
      const { res } = await ctx.tryCreate('create with an unknown profile', { name: ctx.env.names.name('ref'), subdomain: ctx.env.names.subdomain(), outbound_voice_profile: unknownUuid() });
      ctx.expectStatus('unknown-reference-rejected', res, { ...STATUS.unknownReference, situation: 'unknown outbound_voice_profile' });
    },
  },
]);
