import { STATUS } from '../src/checks/status-code.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { appMatchesSent, type SentApp } from '../src/checks/read-after-write.ts';
import { modifiedOnAdvances } from '../src/checks/timestamps.ts';
import type { ObservedResponse } from '../src/checks/observed.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import type { CheckName } from '../src/checks/catalogue.ts';
import type { StatusRule } from '../src/checks/status-code.ts';
import { pathUuidCases } from './get.ts';
import { appOf, MULTIBYTE, sampleTrunkSettings, unknownUuid } from './support.ts';

const OP = 'ModifySIPControlApp' as const;

/** PATCH, then the answer and a get must show the change and keep everything not sent (E28). */
async function modifyAndReadBack(ctx: CaseContext, change: (ctx: CaseContext) => SentApp): Promise<void> {
  const { uuid, sent } = await ctx.createApp('create app');
  const patch = change(ctx);
  const res = await ctx.call(OP, { uuid, body: patch, purpose: 'modify the app' });
  if (!ctx.expectStatus('status-code', res, STATUS.ok)) return;
  const expected = { ...sent, ...patch };
  ctx.expect('read-after-write', appMatchesSent(appOf(res), expected, 'modify answer', { answer: true }));
  const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'read the app back' });
  ctx.expect('read-after-write', appMatchesSent(appOf(got), expected, 'get after modify'));
}

/** A PATCH the page forbids: refused, and the app keeps its values. */
function refusedPatch(id: string, title: string, check: CheckName, rule: StatusRule, tags: string[], patch: (ctx: CaseContext) => { json?: unknown; raw?: string }): Omit<CaseDefinition, 'suite'> {
  return {
    // The app is unchanged after the refusal: judged under the refusal's own check (the kill matrix names it).
    id, title, operation: OP, tags, checks: [check, 'status-code'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid, sent } = await ctx.createApp('create app');
      const { json, raw } = patch(ctx);
      const res = raw !== undefined
        ? await ctx.call(OP, { uuid, rawBody: raw, purpose: title })
        : await ctx.call(OP, { uuid, body: json, purpose: title });
      ctx.expectStatus(check, res, { ...rule, situation: title });
      const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'the app is unchanged' });
      ctx.expect(check, appMatchesSent(appOf(got), sent, `get after a refused modify (${title})`));
    },
  };
}

export const modifyCases: CaseDefinition[] = defineCases('modify', [
  {
    id: 'name', title: 'modify the name; the rest is kept', operation: OP, tags: ['smoke', 'read-after-write'],
    checks: ['status-code', 'read-after-write'], sideEffects: 'writes',
    run: (ctx) => modifyAndReadBack(ctx, (c) => ({ name: c.env.names.name('renamed') })),
  },
  {
    id: 'partial', title: 'modify only is_active; name and subdomain are kept', operation: OP, tags: ['read-after-write'],
    checks: ['status-code', 'read-after-write'], sideEffects: 'writes',
    run: (ctx) => modifyAndReadBack(ctx, () => ({ is_active: false })),
  },
  {
    id: 'subdomain', title: 'modify the subdomain', operation: OP, tags: ['read-after-write'],
    checks: ['status-code', 'read-after-write'], sideEffects: 'writes',
    run: (ctx) => modifyAndReadBack(ctx, (c) => ({ subdomain: c.env.names.subdomain() })),
  },
  {
    id: 'trunk-settings', title: 'modify class4 egress trunk settings', operation: OP, tags: ['read-after-write', 'trunk-settings'],
    checks: ['status-code', 'read-after-write'], sideEffects: 'writes',
    run: (ctx) => modifyAndReadBack(ctx, () => ({ class4_egress_trunk_settings: { ...sampleTrunkSettings(), cps_limit: 9, rate_rounding: 'Down' } })),
  },
  {
    id: 'modified-on', title: 'modify moves modified_on forward', operation: OP, tags: ['read-after-write'],
    // Against a whole-second server it waits up to a second: started first, the wait overlaps the other cases.
    checks: ['status-code', 'modified-on-advances'], sideEffects: 'writes', startFirst: true,
    async run(ctx) {
      const { uuid } = await ctx.createApp('create app');
      const before = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'read modified_on before the change' });
      if (!ctx.expectStatus('status-code', before, STATUS.ok)) return;
      const readAt = Date.now();
      // Modify at once, and again a full 1.1 s after the first read by our own clock (which no clock
      // difference can defeat): a server keeping whole seconds (E74) may still show the first change
      // in the same second, never the second one. Both are always sent, whatever the first showed, so
      // the requests a run sends do not depend on the clock (same inputs, same requests); the case
      // starts first, so its wait overlaps the other cases. The last read is judged.
      let after: ObservedResponse | undefined;
      for (const [i, at] of [readAt, readAt + 1100].entries()) {
        await sleep(Math.max(0, at - Date.now()));
        const res = await ctx.call(OP, { uuid, body: { name: ctx.env.names.name('touched') }, purpose: i === 0 ? 'modify the name' : 'modify the name again, in a later second' });
        if (!ctx.expectStatus('status-code', res, STATUS.ok)) return;
        after = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'read modified_on after the change' });
        if (!ctx.expectStatus('status-code', after, STATUS.ok)) return;
      }
      ctx.expect('modified-on-advances', modifiedOnAdvances(appOf(before), appOf(after!), 'get after modify'));
    },
  },
  {
    id: 'name-255', title: 'modify to a name of 255 characters is accepted', operation: OP, tags: ['limits', 'name'],
    checks: ['length-limits', 'read-after-write', 'status-code'], sideEffects: 'writes',
    async run(ctx) {
      const { uuid } = await ctx.createApp('create app');
      const name = ctx.env.names.nameOfLength(255, MULTIBYTE.threeBytes);
      const res = await ctx.call(OP, { uuid, body: { name }, purpose: 'rename to 255 characters' });
      if (!ctx.expectStatus('length-limits', res, { ...STATUS.ok, situation: 'name of 255 characters' })) return;
      const got = await ctx.call('GetSIPControlAppByUUID', { uuid, purpose: 'read the app back' });
      ctx.expect('read-after-write', appMatchesSent(appOf(got), { name }, 'get after modify'));
    },
  },
  refusedPatch('name-0', 'modify to an empty name is refused', 'length-limits', STATUS.invalidInput, ['limits', 'name'], () => ({ json: { name: '' } })),
  refusedPatch('name-256', 'modify to a name of 256 characters is refused', 'length-limits', STATUS.invalidInput, ['limits', 'name'], (c) => ({ json: { name: c.env.names.nameOfLength(256, MULTIBYTE.threeBytes) } })),
  refusedPatch('subdomain-2', 'modify to a subdomain of 2 characters is refused', 'length-limits', STATUS.invalidInput, ['limits', 'subdomain'], () => ({ json: { subdomain: 'ab' } })),
  refusedPatch('subdomain-256', 'modify to a subdomain of 256 characters is refused', 'length-limits', STATUS.invalidInput, ['limits', 'subdomain'], (c) => ({ json: { subdomain: c.env.names.subdomainOfLength(256) } })),
  refusedPatch('is-active-string', 'modify is_active to the string "yes" is refused', 'input-validation', STATUS.invalidInput, ['types'], () => ({ json: { is_active: 'yes' } })),
  refusedPatch('name-number', 'modify name to a number is refused', 'input-validation', STATUS.invalidInput, ['types'], () => ({ json: { name: 42 } })),
  refusedPatch('malformed-json', 'modify with malformed JSON is refused', 'input-validation', STATUS.invalidInput, ['types'], () => ({ raw: '{"name": ' })),
  refusedPatch('unknown-ovp', 'modify to an unknown outbound voice profile is refused', 'unknown-reference-rejected', STATUS.unknownReference, ['references'], () => ({ json: { outbound_voice_profile: unknownUuid() } })),
  ...pathUuidCases(OP, () => ({ name: 'sipapp-conformance-probe' }), 'writes'),
]);
