/**
 * The generated suite: properties over requests derived from spec/openapi.yaml
 * (src/generate/) instead of examples someone thought of, and model-based
 * sequences over the run's own apps and leases. Each case is one property; it
 * runs as many examples as its part of --budget allows, from --seed, and on a
 * failure shrinks to the smallest example that still fails and reports it as
 * numbered steps with a replay script. Findings name checks like any case.
 */
import fc from 'fast-check';
import { STATUS } from '../src/checks/status-code.ts';
import type { CheckName } from '../src/checks/catalogue.ts';
import { subdomainTaken } from '../src/checks/subdomain.ts';
import { appMatchesSent, type SentApp } from '../src/checks/read-after-write.ts';
import { leasesExactly } from '../src/checks/leases.ts';
import { isObject, payloadOf, type ObservedResponse } from '../src/checks/observed.ts';
import { fail, pass } from '../src/checks/verdict.ts';
import type { CaseContext } from '../src/runner/case-context.ts';
import { OPERATIONS, type OperationId } from '../src/spec/operations.ts';
import { valid, type ValueSources } from '../src/generate/arbitraries.ts';
import { invalid, malformedUuid, nestedExamples, type InvalidRequest } from '../src/generate/invalid.ts';
import { lengthJudgement } from '../src/generate/lengths.ts';
import { commandsArbitrary, coverageWalk, possibleTransitions, runCommands, SequenceFailed, shrinkCommands, tearDown, type Cmd, type Model, type ModelScope, type Real } from '../src/generate/model.ts';
import { DEFAULT_BUDGET, propertySeed, share } from '../src/runner/budget.ts';
import { runProperty, type PropertyDefinition } from '../src/generate/property.ts';
import { requestBodySchema, type FlatSchema } from '../src/generate/spec-schema.ts';
import { CHAR_CLASSES, textOfLength } from '../src/generate/unicode.ts';
import { defineCases, type CaseDefinition } from '../src/runner/case.ts';
import { appOf } from './support.ts';

const CREATE = 'CreateSIPControlApp' as const;
const MODIFY = 'ModifySIPControlApp' as const;
const ASSIGN = 'AssignTNLeasesToSIPControlApp' as const;

const sourcesOf = (ctx: CaseContext, leases = ctx.env.fixtures.tnleases): ValueSources => ({
  prefix: `${ctx.env.runId}-`,
  outboundVoiceProfile: ctx.env.fixtures.outboundVoiceProfile,
  leases,
  strict: ctx.strict,
});

const schemaOf = (op: OperationId): FlatSchema => requestBodySchema(op)!;

/** A short subdomain cannot carry the run id; a clash with someone else's is not the server's fault. */
const shortSubdomainClash = (res: ObservedResponse, body: unknown) =>
  isObject(body) && typeof body.subdomain === 'string' && body.subdomain.length < 16 && subdomainTaken(res);

/**
 * The check a refusal of `req` is judged by: the page's rules by their own check; rules the page does
 * not state (inside the trunk settings, E77) by the advisory one, which fails only under --strict.
 */
const refusalCheck = (req: InvalidRequest): CheckName => (req.mode === 'strict' ? 'nested-input-validation' : req.check);
const refusalRule = (req: InvalidRequest) => ({ ...STATUS.invalidInput, situation: `${req.rule} [${req.source}]` });

/** The boundary examples every seed tries first: the lengths and characters E26/E76 name. */
function boundaryCreates(ctx: CaseContext): SentApp[] {
  const prefix = `${ctx.env.runId}-`;
  const sub = (n: number) => fc.sample(textOfLength(n, fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')), n > prefix.length + 4 ? prefix : ''), { numRuns: 1, seed: n })[0];
  const text = (n: number, chars: fc.Arbitrary<string>) => fc.sample(textOfLength(n, chars, prefix), { numRuns: 1, seed: n })[0];
  return [
    { name: text(255, CHAR_CLASSES.astral), subdomain: sub(40) },
    { name: text(255, fc.oneof(CHAR_CLASSES.combining, CHAR_CLASSES.rtl, CHAR_CLASSES.bmp)), subdomain: sub(255) },
    { name: text(120, fc.oneof(CHAR_CLASSES.astral, CHAR_CLASSES.combining, CHAR_CLASSES.ascii)), subdomain: sub(3) },
  ];
}

/** A refused request must not have changed the app: read it back. */
async function unchanged(ex: CaseContext, uuid: string, before: SentApp, check: 'input-validation' | 'length-limits', why: string): Promise<void> {
  const got = await ex.call('GetSIPControlAppByUUID', { uuid, purpose: 'read the app back after the refused request' });
  if (!ex.expectStatus('status-code', got, STATUS.ok)) return;
  const verdict = appMatchesSent(appOf(got), before, 'the app after a refused request');
  ex.expect(check, verdict.pass ? verdict : fail(`${why}: refused, yet the app changed`, 'the app as it was', verdict.actual));
}

function send(ex: CaseContext, op: OperationId, req: InvalidRequest, uuid?: string): Promise<ObservedResponse> {
  const purpose = `${OPERATIONS[op].method} breaking one rule: ${req.rule}`;
  return req.rawBody !== undefined
    ? ex.call(op, { uuid, rawBody: req.rawBody, contentType: req.contentType, purpose })
    : ex.call(op, { uuid, body: req.body, purpose });
}

/** One app per property, created on first use (the properties that need an app to act on). */
function lazyApp(ctx: CaseContext) {
  let app: { uuid: string; known: SentApp } | undefined;
  return async (): Promise<{ uuid: string; known: SentApp }> => {
    if (!app) {
      const { uuid, sent } = await ctx.createApp('create the app the examples act on');
      app = { uuid, known: { name: sent.name, subdomain: sent.subdomain } };
    }
    return app;
  };
}

const property = <T>(ctx: CaseContext, caseId: string, def: PropertyDefinition<T>) => runProperty(ctx, caseId, def);

// Each property case is one chain of requests as long as its share of --budget: started first (startFirst).
export const generatedCases: CaseDefinition[] = defineCases('generated', [
  {
    id: 'create-valid', title: 'every create body valid per the spec is accepted and reads back as sent', operation: CREATE,
    tags: ['generated', 'property', 'limits', 'unicode', 'read-after-write'], checks: ['status-code', 'length-limits', 'read-after-write', 'default-values'], sideEffects: 'writes',
    async run(ctx) {
      const schema = schemaOf(CREATE);
      // E27: subdomain is optional, but the suite always sends it (a server requiring it is not wrong enough to fail).
      const body = (valid(schema, sourcesOf(ctx)) as fc.Arbitrary<SentApp>).filter((b) => typeof b.subdomain === 'string');
      let relationShown: { shown: boolean; name: string } | undefined;
      await property(ctx, 'generated.create-valid', {
        name: 'valid create bodies are accepted and read back', arbitrary: body, examples: boundaryCreates(ctx), weight: 0.2, requestsPerExample: 3,
        async check(ex, sent) {
          const { res, uuid } = await ex.tryCreate('create with a generated valid body', sent);
          if (shortSubdomainClash(res, sent)) return;
          const lengths = lengthJudgement(sent as Record<string, unknown>, schema);
          if (!ex.expect(lengths.check, lengths.judge(res, ex.strict)) || !uuid) return;
          ex.expect('read-after-write', appMatchesSent(appOf(res), sent, 'create answer', { answer: true }));
          if (sent.is_active === undefined) ex.expect('default-values', appOf(res)?.is_active === true ? pass() : fail('is_active omitted on create is not true', 'is_active: true', `is_active: ${JSON.stringify(appOf(res)?.is_active)}`));
          const got = await ex.call('GetSIPControlAppByUUID', { uuid, purpose: 'read the app back' });
          // Removed at once: the account stays small (lists stay cheap), whatever the budget.
          await ex.call('RemoveSIPControlAppByUUID', { uuid, purpose: 'remove the app again' });
          if (!ex.expectStatus('status-code', got, STATUS.ok)) return;
          ex.expect('read-after-write', appMatchesSent(appOf(got), sent, 'get after create'));
          if (sent.outbound_voice_profile) {
            // E15: a relation may come back unexpanded — but alike for every app created with it.
            const ovp = appOf(got)?.outbound_voice_profile;
            const shown = (isObject(ovp) ? ovp.uuid : ovp) === sent.outbound_voice_profile;
            relationShown ??= { shown, name: String(sent.name).slice(0, 60) };
            if (relationShown.shown !== shown) {
              ex.expect('read-after-write', fail(`get after create: the outbound_voice_profile sent is ${shown ? 'shown' : 'missing'}, though for another app created with it (${relationShown.name}…) it is ${relationShown.shown ? 'shown' : 'missing'}`, 'the relation as stored, alike for every app created with it', `outbound_voice_profile: ${JSON.stringify(ovp) ?? 'absent'}`));
            }
          }
        },
      });
    },
  },
  {
    id: 'create-invalid', title: 'every create body breaking one rule is refused with a 4xx and creates nothing', operation: CREATE,
    tags: ['generated', 'property', 'types', 'limits'], checks: ['input-validation', 'length-limits', 'status-code', 'nested-input-validation'], sideEffects: 'writes',
    async run(ctx) {
      const schema = schemaOf(CREATE);
      await property(ctx, 'generated.create-invalid', {
        name: 'invalid create bodies are refused and create nothing', arbitrary: invalid(schema, sourcesOf(ctx)), weight: 0.12, requestsPerExample: 2,
        examples: nestedExamples(schema, () => ({ name: ctx.env.names.name('nested'), subdomain: ctx.env.names.subdomain() })),
        async check(ex, req) {
          const options = req.rawBody !== undefined ? { rawBody: req.rawBody, contentType: req.contentType } : {};
          const { res, uuid } = await ex.tryCreate(`create breaking one rule: ${req.rule}`, req.body, options);
          if (uuid) await ex.call('RemoveSIPControlAppByUUID', { uuid, purpose: 'remove the app again' });
          if (req.lenient) return; // never a 5xx (checked on every answer); either reading otherwise
          if (!ex.expectStatus(refusalCheck(req), res, refusalRule(req))) return;
          const name = isObject(req.body) && typeof req.body.name === 'string' && req.body.name.startsWith(ctx.env.runId) ? req.body.name : undefined;
          if (!name) return;
          const list = await ex.call('ListSIPControlApps', { purpose: 'nothing was created by the refused request' });
          const created = Array.isArray(payloadOf(list)) && (payloadOf(list) as unknown[]).some((a) => isObject(a) && a.name === name);
          ex.expect(req.check, created ? fail(`${req.rule}: refused, yet an app named so was created`, 'nothing created', `${name.slice(0, 60)}… listed`) : pass());
        },
      });
    },
  },
  {
    id: 'modify-valid', title: 'every valid partial update is applied and leaves the rest as it was', operation: MODIFY,
    tags: ['generated', 'property', 'limits', 'unicode', 'read-after-write'], checks: ['status-code', 'length-limits', 'read-after-write'], sideEffects: 'writes',
    async run(ctx) {
      const schema = schemaOf(MODIFY);
      const app = lazyApp(ctx);
      await property(ctx, 'generated.modify-valid', {
        name: 'valid partial updates are applied, omitted fields kept', arbitrary: valid(schema, sourcesOf(ctx)) as fc.Arbitrary<SentApp>, weight: 0.1, requestsPerExample: 2,
        async check(ex, patch) {
          const { uuid, known } = await app();
          const res = await ex.call(MODIFY, { uuid, body: patch, purpose: 'modify with a generated valid partial body' });
          if (shortSubdomainClash(res, patch)) return;
          const lengths = lengthJudgement(patch as Record<string, unknown>, schema, STATUS.ok);
          if (!ex.expect(lengths.check, lengths.judge(res, ex.strict))) return;
          // What was sent now holds; what was not sent keeps what it was (E28). Trunk settings: the keys sent.
          const expected: SentApp = res.status < 300 ? { ...known, ...patch } : known;
          if (res.status < 300) ex.expect('read-after-write', appMatchesSent(appOf(res), expected, 'modify answer', { answer: true }));
          const got = await ex.call('GetSIPControlAppByUUID', { uuid, purpose: 'read the app back' });
          if (!ex.expectStatus('status-code', got, STATUS.ok)) return;
          ex.expect('read-after-write', appMatchesSent(appOf(got), expected, 'get after modify'));
          const { class4_egress_trunk_settings: _t, ...plain } = expected;
          Object.assign(known, plain);
        },
      });
    },
  },
  {
    id: 'modify-invalid', title: 'every partial update breaking one rule is refused with a 4xx and changes nothing', operation: MODIFY,
    tags: ['generated', 'property', 'types', 'limits'], checks: ['input-validation', 'length-limits', 'status-code', 'nested-input-validation'], sideEffects: 'writes',
    async run(ctx) {
      const app = lazyApp(ctx);
      await property(ctx, 'generated.modify-invalid', {
        name: 'invalid partial updates are refused and change nothing', arbitrary: invalid(schemaOf(MODIFY), sourcesOf(ctx)), weight: 0.1, requestsPerExample: 2,
        async check(ex, req) {
          const { uuid, known } = await app();
          const res = await send(ex, MODIFY, req, uuid);
          // Taken (a lenient case, or a rule only --strict pins): the app holds what the body says, so what it
          // is now is what later examples compare with.
          if (res.status < 300) {
            const now = appOf(res);
            if (now && typeof now.name === 'string') known.name = now.name;
            if (now && typeof now.subdomain === 'string') known.subdomain = now.subdomain;
            if (now && typeof now.is_active === 'boolean') known.is_active = now.is_active;
          }
          if (req.lenient) return;
          if (!ex.expectStatus(refusalCheck(req), res, refusalRule(req))) return;
          await unchanged(ex, uuid, known, req.check, req.rule);
        },
      });
    },
  },
  {
    id: 'assign-invalid', title: 'every lease change breaking one rule is refused with a 4xx and assigns nothing', operation: ASSIGN,
    tags: ['generated', 'property', 'types', 'leases'], checks: ['input-validation', 'status-code'], sideEffects: 'writes',
    async run(ctx) {
      const app = lazyApp(ctx);
      // No real lease in these bodies: nothing here may take a lease from the lease cases.
      await property(ctx, 'generated.assign-invalid', {
        name: 'invalid lease changes are refused and assign nothing', arbitrary: invalid(schemaOf(ASSIGN), sourcesOf(ctx, [])), weight: 0.06, requestsPerExample: 2,
        async check(ex, req) {
          const { uuid } = await app();
          const res = await send(ex, ASSIGN, req, uuid);
          if (req.lenient) return;
          if (!ex.expectStatus(refusalCheck(req), res, refusalRule(req))) return;
          const leases = await ex.call('GetSIPControlAppTNLeasesList', { uuid, purpose: 'the app still has no leases' });
          if (ex.expectStatus('status-code', leases, STATUS.ok)) ex.expect(req.check, leasesExactly(payloadOf(leases), [], `leases after a refused change (${req.rule})`));
        },
      });
    },
  },
  {
    id: 'path-uuids', title: 'every generated path uuid on a GET operation: malformed gets a 4xx, unknown gets 404', operation: 'GetSIPControlAppByUUID',
    tags: ['generated', 'property', 'uuid', 'read-only'], checks: ['malformed-uuid-rejected', 'unknown-uuid-not-found'], sideEffects: 'none',
    async run(ctx) {
      await pathProperty(ctx, 'generated.path-uuids', ['GetSIPControlAppByUUID', 'GetSIPControlAppTNLeasesList'], 0.04);
    },
  },
  {
    id: 'path-uuids-write', title: 'every generated path uuid on a writing operation: malformed gets a 4xx, unknown gets 404', operation: 'ModifySIPControlApp',
    tags: ['generated', 'property', 'uuid'], checks: ['malformed-uuid-rejected', 'unknown-uuid-not-found'], sideEffects: 'writes',
    async run(ctx) {
      await pathProperty(ctx, 'generated.path-uuids-write', ['ModifySIPControlApp', 'RemoveSIPControlAppByUUID', 'AssignTNLeasesToSIPControlApp'], 0.04);
    },
  },
  ...[1, 2].map(statefulCase),
]).map((c) => ({ ...c, startFirst: true }));

/** A well-formed lease uuid no account holds. */
const UNKNOWN_LEASE = '00000000-0000-4000-8000-000000000000';

/** Path uuids from the spec's pattern: values that break it, and well-formed ones that name nothing. */
async function pathProperty(ctx: CaseContext, caseId: string, operations: OperationId[], weight: number): Promise<void> {
  const pathValue = fc.oneof(
    malformedUuid.filter((v) => v !== '').map((value) => ({ value, malformed: true })),
    fc.uuid().map((u) => ({ value: u.toUpperCase(), malformed: true })),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => !/^\.{1,2}$/.test(s) && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s)).map((value) => ({ value, malformed: true })),
    fc.uuid().map((value) => ({ value, malformed: false })),
  );
  await runProperty(ctx, caseId, {
    name: 'path uuids are refused unless well-formed, and unknown ones are not found',
    // Under --read-only this is the only generated case that runs: it gets the whole budget.
    arbitrary: fc.tuple(fc.constantFrom(...operations), pathValue), weight: ctx.env.readOnly ? 1 : weight, requestsPerExample: 1,
    async check(ex, [op, { value, malformed }]) {
      // Assign: a change naming a lease, never an empty one (E17: a server may refuse `{add: []}` with 400 before it looks
      // the app up, and an unknown app must then still answer 404); a removal, so no lease could move.
      const body = op === 'AssignTNLeasesToSIPControlApp' ? { remove: [ctx.env.fixtures.tnleases[0] ?? UNKNOWN_LEASE] } : op === 'ModifySIPControlApp' ? { is_active: true } : undefined;
      const res = await ex.call(op, { uuid: value, body, purpose: `${OPERATIONS[op].method} with path uuid ${JSON.stringify(value)}` });
      if (malformed) ex.expectStatus('malformed-uuid-rejected', res, { ...STATUS.malformedUuid, situation: `path uuid ${JSON.stringify(value)}` });
      else ex.expectStatus('unknown-uuid-not-found', res, { ...STATUS.notFound, situation: 'a well-formed uuid that names nothing' });
    },
  });
}

/**
 * The model-based property, as two cases: each an independent chain (its own property seed, half of
 * the stateful budget, two leases of the pool) that first walks to cover its half of the model's
 * transitions (every command × target kind × state, `possibleTransitions`), deterministically, then
 * runs random sequences with what is left. The two run side by side instead of one chain twice as
 * long being the run's critical path; the report counts the transitions both covered.
 */
const STATEFUL_WEIGHT = 0.17;
/** What shrinking a failed coverage walk may spend (as fast-check's shrinking of a property may, src/generate/property.ts). */
const WALK_SHRINK_REQUESTS = 600;

function statefulCase(part: number): Omit<CaseDefinition, 'suite'> {
  const id = part === 1 ? 'stateful' : `stateful-${part}`;
  return {
    id, title: `sequences over the run's apps, leases and a second account cover the model's transitions and agree with it${part === 1 ? '' : ` (an independent run, part ${part})`}`, operation: 'workflow',
    tags: ['generated', 'model', 'leases', 'isolation', 'workflow'],
    checks: ['status-code', 'read-after-write', 'listed-after-create', 'not-found-after-remove', 'lease-assignment', 'cross-account-isolation', 'unknown-reference-rejected', 'malformed-uuid-rejected', 'app-tnleases-match', 'lease-back-reference', 'modified-on-advances'],
    // Two leases from the pool (several per app, moves, add and remove together); the lease cases run on the others meanwhile.
    sideEffects: 'writes', lock: 'tnleases', leaseShare: 2,
    async run(ctx) {
      const sources = sourcesOf(ctx);
      const { callUuid, tnleases } = ctx.env.fixtures;
      const scope: ModelScope = { hasB: Boolean(ctx.env.tokens.b), leases: tnleases.length, hasOvp: Boolean(sources.outboundVoiceProfile), hasCall: callUuid !== undefined };
      // Each part walks to its half of the transitions (it may cover others on the way).
      const possible = possibleTransitions(scope).filter((_, i) => i % 2 === part - 1);
      const covered = new Set<string>();
      const { seed, budget } = ctx.env.generation ?? { seed: 0, budget: DEFAULT_BUDGET };
      const allowance = share(budget, STATEFUL_WEIGHT).requests;
      const walk = { walk: true } as const;
      try {
        await property(ctx, `generated.${id}`, {
          name: 'sequences of operations cover the model and agree with it',
          arbitrary: commandsArbitrary(sources, { maxCommands: 10 }) as fc.Arbitrary<Cmd[] | typeof walk>,
          examples: [walk], weight: STATEFUL_WEIGHT, requestsPerExample: 16,
          async check(ex, value) {
            const fresh = (): Model => ({ apps: [], leases: tnleases, hasB: scope.hasB, hasOvp: scope.hasOvp, callUuid, covered });
            const model = fresh();
            const real: Real = { ex, steps: [] };
            const ran: Cmd[] = [];
            try {
              if ('walk' in value) {
                // The walk may spend the whole allowance (a small --budget then leaves transitions out, and the report says which); random sequences get what it leaves.
                await coverageWalk(model, real, { sources, possible, seed: propertySeed(seed, `generated.${id}.walk`), requests: allowance, spent: () => ex.exchanges.length, ran });
              } else {
                await runCommands(model, real, value);
              }
            } catch (error) {
              if (!(error instanceof SequenceFailed)) throw error;
            } finally {
              await tearDown(model, ex);
            }
            const failed = ex.outcomes.find((o) => o.status === 'failed');
            if ('walk' in value && failed) {
              // fast-check shrinks the random sequences; the walk's failure is shrunk here, and the shortest try reported instead.
              const shorter = await shrinkCommands(ran, () => ({ ...fresh(), covered: new Set() }), ctx.env, failed.check, WALK_SHRINK_REQUESTS);
              if (shorter) {
                ex.exchanges.splice(0, ex.exchanges.length, ...shorter.ex.exchanges);
                ex.outcomes.splice(0, ex.outcomes.length, ...shorter.ex.outcomes);
                return shorter.steps;
              }
            }
            return real.steps;
          },
        });
      } finally {
        ctx.transitions = { possible, covered: possible.filter((t) => covered.has(t)) };
      }
    },
  };
}
