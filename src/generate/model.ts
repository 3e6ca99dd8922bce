/**
 * Model-based stateful testing: what the run owns (its apps, the leases it was given) as a model,
 * and commands over the whole space the page describes — create (with and without each optional
 * field, a subdomain already in use), get, modify of any documented field (trunk settings too, `{}`,
 * two modifications at once), remove, lease changes with lists mixing free, held, taken, unknown and
 * duplicate leases with add and remove together, lease lists and app lists — on every kind of target:
 * a live app (holding leases or none, or whose lease moved away), a removed one, the upper-case form
 * of a live uuid (E24), and another account's view of it (E25). Every answer is compared with the
 * model: every field of every app answer (uuid, what was sent, timestamps, its own tnleases), list
 * entries against the model and against the same app's GET, and the lease views both ways after every
 * lease change.
 *
 * Two phases share the budget (statefulCase in suites/generated.ts): a deterministic coverage walk
 * first, which runs, among candidate commands drawn from the seed, one that covers a transition
 * (command × target kind × state, see `possibleTransitions`) not covered yet, until all are; then
 * random sequences with the rest. Which transitions were covered is reported (`Model.covered`).
 *
 * Where the page leaves the answer open the model accepts what the errata accept, through the same
 * rule the hand-written cases use (src/checks/status-code.ts `STATUS`, src/checks/refusal.ts): a
 * refused request (any 4xx) changes nothing; E19 (remove holding leases), E20 (a taken lease moves
 * or the request is refused), E68, E75, E21, E24, E25, E33 (the lease list is what counts), E15/E47
 * (relations may be unexpanded). The second account only looks and tries; it never creates.
 */
import fc from 'fast-check';
import { CaseContext, type Caller } from '../runner/case-context.ts';
import { STATUS, eitherRule, lostAttemptApplied, type StatusRule } from '../checks/status-code.ts';
import { appMatchesSent, type SentApp } from '../checks/read-after-write.ts';
import { leasesExactly, leaseUuids } from '../checks/leases.ts';
import { appTnleasesMatch, leaseBackReference } from '../checks/lease-views.ts';
import { listEntryMatchesGet, sameAppByUpperCase } from '../checks/app-state.ts';
import { timestampsKept, type SeenTimes } from '../checks/timestamps.ts';
import { refused, stateAfter } from '../checks/refusal.ts';
import { isObject, payloadOf, type ObservedResponse } from '../checks/observed.ts';
import { fail, pass } from '../checks/verdict.ts';
import { SAMPLE_CALLFLOWS, MINIMAL_CALLFLOW } from '../callflow/validate.ts';
import type { ReplayStep } from './replay.ts';
import { boundedText, valid, type ValueSources } from './arbitraries.ts';
import { requestBodySchema } from './spec-schema.ts';

export interface ModelApp {
  /** 1-based creation order: "app 2" in steps and messages. */
  n: number;
  uuid: string;
  sent: SentApp;
  leases: Set<string>;
  removed: boolean;
  /** A lease it held moved to another app (E20): "remove an app whose lease moved away". */
  lostLease: boolean;
  times: SeenTimes;
  /** Bumped by every change applied to the app: a GET is compared with a list entry of the same version. */
  version: number;
  lastGet?: { version: number; app: Record<string, unknown> };
}

export interface Model {
  apps: ModelApp[];
  leases: readonly string[];
  hasB: boolean;
  hasOvp: boolean;
  callUuid?: string;
  /** E15/E47: whether Get shows an app's outbound voice profile, once seen; the server is held to it. */
  relationShown?: { shown: boolean; app: number };
  /** The app the last lease change was sent to: changes often return to it (see AssignLeases). */
  lastAssigned?: ModelApp;
  /** Transitions run, shared by every sequence of one case (the coverage figure). */
  covered: Set<string>;
}

export interface Real {
  ex: CaseContext;
  steps: ReplayStep[];
}

/** Thrown inside a sequence once a check failed: fast-check then shrinks the sequence. */
export class SequenceFailed extends Error {}

/** A model command: fast-check's, plus the transitions it would cover in the model's present state. */
export interface Cmd extends fc.AsyncCommand<Model, Real, false> {
  transitions(m: Readonly<Model>): string[];
  /** Changes state (create, lease changes, remove): what the coverage walk runs when nothing new is at hand. */
  readonly moves?: boolean;
}

/** The most live apps a sequence keeps (more than any one state needs: two holders, a bare one, room to create). */
export const MAX_LIVE_APPS = 5;

const live = (m: Readonly<Model>) => m.apps.filter((a) => !a.removed);
const removedApps = (m: Readonly<Model>) => m.apps.filter((a) => a.removed);
const pickFrom = <T>(list: readonly T[], pick: number): T => list[pick % list.length];
const leaseName = (m: Readonly<Model>, uuid: string) => (m.leases.includes(uuid) ? `lease ${m.leases.indexOf(uuid) + 1}` : 'an unknown lease');
const appOf = (res: ObservedResponse) => (isObject(payloadOf(res)) ? (payloadOf(res) as Record<string, unknown>) : undefined);
const who = (as: Caller) => (as === 'b' ? 'as B' : 'as A');
const holderOf = (m: Readonly<Model>, lease: string) => live(m).find((a) => a.leases.has(lease));

// ---------------------------------------------------------------- targets and transitions

/** Who a request names: a live app (as A), a removed one, the upper-case form of a live uuid (E24), or a live app as B (E25). */
export type TargetKind = 'live' | 'removed' | 'upper' | 'foreign';

/** A live app's state as the transitions count it: holding leases or none; for remove also "a lease moved away". */
const stateOf = (app: ModelApp, lost = false) => (app.leases.size ? 'leases' : lost && app.lostLease ? 'lost' : 'bare');
/** For reads: an app holding several leases is a state of its own (a join that keeps one row shows only there). */
const readStateOf = (app: ModelApp) => (app.leases.size > 1 ? 'many' : stateOf(app));

function targetApp(m: Readonly<Model>, kind: TargetKind, pick: number): ModelApp | undefined {
  if (kind === 'foreign' && !m.hasB) return undefined;
  const list = kind === 'removed' ? removedApps(m) : live(m);
  return list.length ? pickFrom(list, pick) : undefined;
}

/** The transition key of a command on a target: `get @leases`, `modify trunk @bare`, `remove @removed`. */
function targetKey(command: string, kind: TargetKind, app: ModelApp, lost = false): string {
  return `${command} @${kind === 'live' ? stateOf(app, lost) : kind}`;
}

/** The key of a read (get, lease list), where holding several leases counts apart. */
function readKey(command: string, kind: TargetKind, app: ModelApp): string {
  return kind === 'live' ? `${command} @${readStateOf(app)}` : targetKey(command, kind, app);
}

/** The environment the transitions depend on. */
export interface ModelScope {
  hasB: boolean;
  leases: number;
  hasOvp: boolean;
  hasCall: boolean;
}

export const MODIFY_FIELDS = ['name', 'subdomain', 'is_active', 'outbound_voice_profile', 'trunk', 'trunk-empty', 'several'] as const;
export type ModifyField = (typeof MODIFY_FIELDS)[number];

/** Lease-change features, each with the fewest leases it needs for an app holding none / holding some. */
const ASSIGN_FEATURES: Record<string, [bare: number | null, holding: number | null]> = {
  'add-free': [1, 2],
  'add-two': [2, 3],
  'add-held-here': [null, 1],
  'add-held-elsewhere': [1, 2],
  'add-unknown': [0, 1],
  'add-duplicate': [1, 1],
  'remove-held': [null, 1],
  'remove-not-held': [1, 2],
  'add-and-remove': [null, 2],
};

/** Every transition the model can take in this environment: the denominator of the coverage figure. */
export function possibleTransitions(scope: ModelScope): string[] {
  const targets = (command: string, states: string[]) => [
    ...states.map((s) => `${command} @${s}`),
    `${command} @removed`,
    `${command} @upper`,
    ...(scope.hasB ? [`${command} @foreign`] : []),
  ];
  const creates = ['plain', ...(scope.hasOvp ? ['outbound-voice-profile'] : []), 'trunk', 'inactive', 'subdomain-in-use'];
  const fields = MODIFY_FIELDS.filter((f) => f !== 'outbound_voice_profile' || scope.hasOvp);
  const assigns = Object.entries(ASSIGN_FEATURES).flatMap(([feature, [bare, holding]]) => [
    ...(bare !== null && scope.leases >= bare ? [`assign ${feature} @bare`] : []),
    ...(holding !== null && scope.leases >= holding ? [`assign ${feature} @leases`] : []),
  ]);
  const held = scope.leases > 0 ? ['bare', 'leases'] : ['bare'];
  const read = scope.leases > 1 ? [...held, 'many'] : held;
  return [
    ...creates.map((c) => `create ${c}`),
    ...targets('get', read),
    ...fields.flatMap((f) => held.map((s) => `modify ${f} @${s}`)),
    'modify concurrent @live',
    // A partial update that leaves out the trunk settings of an app that has some: they must stay (E28).
    'modify keeps-trunk @live',
    'modify @removed', 'modify @upper', ...(scope.hasB ? ['modify @foreign'] : []),
    ...targets('remove', scope.leases > 0 ? ['bare', 'leases', 'lost'] : ['bare']),
    ...assigns,
    'assign @removed', 'assign @upper', ...(scope.hasB ? ['assign @foreign'] : []),
    ...targets('leases', read),
    'list as A', ...(scope.hasB ? ['list as B'] : []),
    ...(scope.hasB && scope.hasCall ? ['callflow as B'] : []),
  ];
}

// ---------------------------------------------------------------- shared judgements

/** Run one command's requests as a numbered step; stop the sequence if a check failed. */
async function step(r: Real, label: string, body: () => Promise<void>): Promise<void> {
  const before = r.ex.exchanges.length;
  const failedBefore = r.ex.outcomes.filter((o) => o.status === 'failed').length;
  try {
    await body();
  } finally {
    r.steps.push({ label: `${r.steps.length + 1}. ${label}`, exchanges: r.ex.exchanges.slice(before) });
  }
  if (r.ex.outcomes.filter((o) => o.status === 'failed').length > failedBefore) throw new SequenceFailed(label);
}

/**
 * The answer to a request on a target, before the command's own rule. A removed app is not found, and
 * B is refused as foreign (`foreignRule`): judged, nothing changed ('done'). The upper-case form of a
 * uuid is refused (any 4xx; --strict requires it, E24) or names the same app ('live': judged on).
 */
function targetAnswer(r: Real, res: ObservedResponse, kind: TargetKind, app: ModelApp, what: string, foreignRule: StatusRule = STATUS.foreign, removedRule: StatusRule = STATUS.notFound): 'done' | 'live' {
  if (kind === 'foreign') {
    r.ex.expectStatus('cross-account-isolation', res, { ...foreignRule, situation: `B: ${what} of A's app ${app.n}` });
    return 'done';
  }
  if (kind === 'removed') {
    r.ex.expectStatus('not-found-after-remove', res, { ...removedRule, situation: `${what} of removed app ${app.n}` });
    return 'done';
  }
  if (kind === 'upper' && (refused(res.status) || r.ex.strict)) {
    r.ex.expectStatus('malformed-uuid-rejected', res, { ...STATUS.malformedUuid, situation: `${what} of app ${app.n} by its upper-case uuid` });
    return 'done';
  }
  if (kind === 'upper' && res.status < 300 && appOf(res)?.uuid !== undefined) r.ex.expect('malformed-uuid-rejected', sameAppByUpperCase(appOf(res), app.uuid));
  return 'live';
}

/** The relation in an app answer: its uuid, or undefined when not expanded ({}, null, absent). */
function relationUuid(app: Record<string, unknown> | undefined): string | undefined {
  const ovp = app?.outbound_voice_profile;
  return typeof ovp === 'string' ? ovp : isObject(ovp) && typeof ovp.uuid === 'string' ? ovp.uuid : undefined;
}

const leaseListOf = (app: ModelApp) => [...app.leases].map((uuid) => ({ uuid }));

/**
 * Every field of an app answer against the model: its uuid, what was sent (trunk settings kept across
 * partial updates), created_on never changing, modified_on never going back, and its own tnleases
 * agreeing with the leases it holds (E73; unexpanded ones are not compared).
 */
function appAgrees(r: Real, app: ModelApp, got: Record<string, unknown> | undefined, where: string, answer = false): void {
  if (got && got.uuid !== app.uuid) {
    r.ex.expect('read-after-write', fail(`${where}: another app's uuid`, app.uuid, String(got.uuid)));
    return;
  }
  r.ex.expect('read-after-write', appMatchesSent(got, app.sent, where, { answer }));
  const times = timestampsKept(app.times, got, where);
  if (times) r.ex.expect(times.check, times.verdict);
  r.ex.expect('app-tnleases-match', appTnleasesMatch(got, leaseListOf(app), where));
}

/** The lease list of each app, both ways: exactly the model's leases, and each names its app back (E73, E33). */
async function checkLeaseViews(m: Model, r: Real, apps: Iterable<ModelApp>, when: string): Promise<void> {
  for (const app of new Set(apps)) {
    if (app.removed) continue;
    const res = await r.ex.call('GetSIPControlAppTNLeasesList', { uuid: app.uuid, purpose: `list the leases of app ${app.n} ${when}` });
    if (!r.ex.expectStatus('status-code', res, STATUS.ok)) continue;
    r.ex.expect('lease-assignment', leasesExactly(payloadOf(res), [...app.leases], `leases of app ${app.n} ${when}`));
    r.ex.expect('lease-back-reference', leaseBackReference(payloadOf(res), app.uuid, `leases of app ${app.n} ${when}`));
  }
}

/** A reads the app back and it is as the model says: after a refused write (it changed nothing) or one an answer cannot show. */
async function readBack(r: Real, app: ModelApp, why: string): Promise<void> {
  const res = await r.ex.call('GetSIPControlAppByUUID', { uuid: app.uuid, purpose: `A reads app ${app.n} after ${why}` });
  if (r.ex.expectStatus('status-code', res, { ...STATUS.ok, situation: `app ${app.n} after ${why}` })) appAgrees(r, app, appOf(res), `app ${app.n} after ${why}`);
}

// ---------------------------------------------------------------- commands

export type CreateVariant = 'plain' | 'outbound-voice-profile' | 'trunk' | 'inactive' | 'subdomain-in-use';

class CreateApp implements Cmd {
  readonly moves = true;
  constructor(readonly body: SentApp, readonly variant: CreateVariant, readonly pick = 0) {}
  check = (m: Readonly<Model>) => live(m).length < MAX_LIVE_APPS && (this.variant !== 'subdomain-in-use' || live(m).some((a) => a.sent.subdomain));
  transitions = (m: Readonly<Model>) => (this.check(m) ? [`create ${this.variant}`] : []);
  async run(m: Model, r: Real) {
    const n = m.apps.length + 1;
    const inUse = this.variant === 'subdomain-in-use' ? pickFrom(live(m).filter((a) => a.sent.subdomain), this.pick) : undefined;
    const body: SentApp = inUse ? { ...this.body, subdomain: inUse.sent.subdomain } : this.body;
    m.covered.add(`create ${this.variant}`);
    await step(r, `create app ${n}${inUse ? ` with the subdomain of app ${inUse.n}` : ''}${body.outbound_voice_profile ? ' with an outbound voice profile' : ''}${body.class4_egress_trunk_settings ? ' with trunk settings' : ''}${body.is_active === false ? ' inactive' : ''}`, async () => {
      const { res, uuid } = await r.ex.tryCreate(`create app ${n}`, body);
      if (!r.ex.expectStatus('status-code', res, inUse ? STATUS.subdomainInUse : STATUS.created)) return;
      if (refused(res.status)) return; // a subdomain in use, refused: nothing created
      if (!uuid) throw new SequenceFailed('create gave no uuid');
      const app: ModelApp = { n, uuid, sent: { ...body }, leases: new Set(), removed: false, lostLease: false, times: {}, version: 0 };
      m.apps.push(app);
      appAgrees(r, app, appOf(res), `create answer of app ${n}`, true);
    });
  }
  toString = () => `create(${this.variant}, ${JSON.stringify(this.body).slice(0, 50)})`;
}

class GetApp implements Cmd {
  constructor(readonly pick: number, readonly kind: TargetKind) {}
  check = (m: Readonly<Model>) => targetApp(m, this.kind, this.pick) !== undefined;
  transitions = (m: Readonly<Model>) => { const app = targetApp(m, this.kind, this.pick); return app ? [readKey('get', this.kind, app)] : []; };
  async run(m: Model, r: Real) {
    const app = targetApp(m, this.kind, this.pick)!;
    m.covered.add(readKey('get', this.kind, app));
    const as: Caller = this.kind === 'foreign' ? 'b' : 'a';
    await step(r, `get app ${app.n} ${describeTarget(this.kind)}`, async () => {
      const res = await r.ex.call('GetSIPControlAppByUUID', { uuid: this.kind === 'upper' ? app.uuid.toUpperCase() : app.uuid, as, purpose: `get app ${app.n} ${describeTarget(this.kind)}` });
      if (targetAnswer(r, res, this.kind, app, 'get') === 'done') return;
      if (!r.ex.expectStatus('status-code', res, STATUS.ok)) return;
      const got = appOf(res);
      appAgrees(r, app, got, `get of app ${app.n}`);
      if (got) app.lastGet = { version: app.version, app: got };
      if (app.sent.outbound_voice_profile) {
        // A relation may come back unexpanded (E15), but the same operation expands it for every app or for none:
        // one app showing it and another (created with it too) not is a relation that was not stored.
        const shown = relationUuid(got) === app.sent.outbound_voice_profile;
        if (!m.relationShown) m.relationShown = { shown, app: app.n };
        else if (m.relationShown.shown !== shown) {
          r.ex.expect('read-after-write', fail(
            `get of app ${app.n}: outbound_voice_profile sent is ${shown ? 'shown' : 'missing'}, though for app ${m.relationShown.app} (sent it too) it is ${m.relationShown.shown ? 'shown' : 'missing'}`,
            'the relation as stored, alike for every app given it',
            `outbound_voice_profile: ${JSON.stringify(got?.outbound_voice_profile) ?? 'absent'}`,
          ));
        }
      }
    });
  }
  toString = () => `get(${this.pick}, ${this.kind})`;
}

const describeTarget = (kind: TargetKind) => ({ live: 'as A', removed: '(removed)', upper: 'by its upper-case uuid', foreign: 'as B' })[kind];

/** What a Modify of `field` sends; `several` is name and is_active together; `trunk-empty` is `{}`. */
export interface Patch {
  field: ModifyField;
  body: SentApp;
  /** A new name: what a modify of a removed app, through an upper-case uuid or as B sends (a change that always changes something). */
  name: string;
}

/** The model after a patch: what was sent now holds. Trunk settings: the keys sent (merged or replaced, either reading), none known after `{}`. */
function patched(sent: SentApp, body: SentApp): SentApp {
  const next: SentApp = { ...sent, ...body };
  if (body.class4_egress_trunk_settings && Object.keys(body.class4_egress_trunk_settings).length === 0) delete next.class4_egress_trunk_settings;
  return next;
}

class ModifyApp implements Cmd {
  constructor(readonly pick: number, readonly patch: Patch, readonly kind: TargetKind) {}
  check = (m: Readonly<Model>) => targetApp(m, this.kind, this.pick) !== undefined && (this.patch.field !== 'outbound_voice_profile' || m.hasOvp);
  transitions = (m: Readonly<Model>) => {
    const app = this.check(m) ? targetApp(m, this.kind, this.pick) : undefined;
    if (!app) return [];
    if (this.kind !== 'live') return [`modify @${this.kind}`];
    const keepsTrunk = app.sent.class4_egress_trunk_settings !== undefined && this.patch.body.class4_egress_trunk_settings === undefined;
    return [targetKey(`modify ${this.patch.field}`, 'live', app), ...(keepsTrunk ? ['modify keeps-trunk @live'] : [])];
  };
  async run(m: Model, r: Real) {
    const app = targetApp(m, this.kind, this.pick)!;
    for (const key of this.transitions(m)) m.covered.add(key);
    const as: Caller = this.kind === 'foreign' ? 'b' : 'a';
    // On another form of the target, a change that always changes something: a read back shows whether it went through.
    const body: SentApp = this.kind === 'live' ? this.patch.body : { name: this.patch.name };
    await step(r, `modify app ${app.n} ${describeTarget(this.kind)}: ${Object.keys(body).join(', ')}${this.kind === 'live' && this.patch.field === 'trunk-empty' ? ' {}' : ''}`, async () => {
      const res = await r.ex.call('ModifySIPControlApp', { uuid: this.kind === 'upper' ? app.uuid.toUpperCase() : app.uuid, body, as, purpose: `modify app ${app.n} ${describeTarget(this.kind)}` });
      if (targetAnswer(r, res, this.kind, app, 'modify') === 'done') {
        if (this.kind === 'foreign') await readBack(r, app, "B's modify");
        return;
      }
      if (!r.ex.expectStatus('status-code', res, STATUS.ok)) return;
      const keptTrunk = app.sent.class4_egress_trunk_settings !== undefined && body.class4_egress_trunk_settings === undefined;
      app.sent = patched(app.sent, body);
      app.version++;
      appAgrees(r, app, appOf(res), `modify answer of app ${app.n}`, true);
      // Only a GET shows what an answer may leave unexpanded (trunk settings kept, E67) or where a write by another form of the uuid went (E24).
      if (keptTrunk || this.kind === 'upper') await readBack(r, app, `modify ${describeTarget(this.kind)}`);
    });
  }
  toString = () => `modify(${this.pick}, ${this.patch.field}, ${JSON.stringify(this.patch.body).slice(0, 40)}, ${this.kind})`;
}

/** Two modifications of different fields of one app at once: both applied, or one refused (4xx) — never one silently lost. */
class ModifyConcurrently implements Cmd {
  constructor(readonly pick: number, readonly name: string) {}
  check = (m: Readonly<Model>) => live(m).length > 0;
  transitions = (m: Readonly<Model>) => (this.check(m) ? ['modify concurrent @live'] : []);
  async run(m: Model, r: Real) {
    const app = pickFrom(live(m), this.pick);
    m.covered.add('modify concurrent @live');
    const patches: SentApp[] = [{ name: this.name }, { is_active: !(app.sent.is_active ?? true) }];
    await step(r, `modify app ${app.n} twice at once: name, is_active`, async () => {
      const answers = await Promise.all(patches.map((body, i) => r.ex.call('ModifySIPControlApp', { uuid: app.uuid, body, purpose: `modify app ${app.n} at once (${i + 1} of 2): ${Object.keys(body)[0]}` })));
      const rule = { ...STATUS.ok, orRefused: true, situation: 'two modifications of one app at once' };
      answers.forEach((res, i) => {
        if (!r.ex.expectStatus('status-code', res, rule) || refused(res.status)) return;
        app.sent = patched(app.sent, patches[i]);
        app.version++;
        // Each answer shows its own change; the other may or may not be in it yet.
        r.ex.expect('read-after-write', appMatchesSent(appOf(res), patches[i], `answer ${i + 1} of the two modifications of app ${app.n}`, { answer: true }));
      });
      await readBack(r, app, 'two modifications at once');
    });
  }
  toString = () => `modifyTwice(${this.pick})`;
}

class RemoveApp implements Cmd {
  readonly moves = true;
  constructor(readonly pick: number, readonly kind: TargetKind) {}
  check = (m: Readonly<Model>) => targetApp(m, this.kind, this.pick) !== undefined;
  transitions = (m: Readonly<Model>) => { const app = targetApp(m, this.kind, this.pick); return app ? [targetKey('remove', this.kind, app, true)] : []; };
  async run(m: Model, r: Real) {
    const app = targetApp(m, this.kind, this.pick)!;
    m.covered.add(targetKey('remove', this.kind, app, true));
    const held = [...app.leases];
    const as: Caller = this.kind === 'foreign' ? 'b' : 'a';
    await step(r, `remove app ${app.n} ${describeTarget(this.kind)}${held.length ? ` (holding ${held.map((l) => leaseName(m, l)).join(', ')})` : app.lostLease ? ' (its lease moved away)' : ''}`, async () => {
      const res = await r.ex.call('RemoveSIPControlAppByUUID', { uuid: this.kind === 'upper' ? app.uuid.toUpperCase() : app.uuid, as, purpose: `remove app ${app.n} ${describeTarget(this.kind)}` });
      if (targetAnswer(r, res, this.kind, app, 'remove') === 'done') {
        if (this.kind === 'foreign') await readBack(r, app, "B's remove");
        return;
      }
      // E19: an app holding leases may be refused (409, nothing changes) or removed with its leases released.
      const rule: StatusRule = held.length ? { ...STATUS.removeHoldingLeases, situation: `remove of app ${app.n} holding leases` } : { ...STATUS.ok, situation: `remove of app ${app.n}` };
      // Sent again after its answer was lost and found the app gone: the lost attempt removed it.
      const applied = lostAttemptApplied(res, rule, r.ex.strict);
      if (!r.ex.expectStatus('status-code', res, rule) && !applied) return;
      if (res.status === 200 || applied) {
        app.removed = true;
        app.leases.clear();
      }
      // Whatever it held or once held (a lease moved away) is for the other apps to show as before.
      if (held.length || app.lostLease) await checkLeaseViews(m, r, live(m), `after removing app ${app.n}`);
      // Removed with its leases (E19): they are free again, so another app of the run can take them.
      const other = live(m)[0];
      if (res.status === 200 && held.length && other) {
        const take = await r.ex.call('AssignTNLeasesToSIPControlApp', { uuid: other.uuid, body: { add: held }, purpose: `assign the released leases to app ${other.n}` });
        r.ex.expect('lease-assignment', take.status === 200 ? pass() : fail(`the leases of removed app ${app.n} are not free again`, `200: ${held.map((l) => leaseName(m, l)).join(', ')} assigned to app ${other.n}`, `${take.status}`));
        if (take.status === 200) {
          for (const l of held) other.leases.add(l);
          other.version++;
        }
        await checkLeaseViews(m, r, [other], `after assigning the released leases to app ${other.n}`);
      }
    });
  }
  toString = () => `remove(${this.pick}, ${this.kind})`;
}

/** One item of a lease change, resolved against the model when the command runs. */
export type AddSlot = 'free' | 'held-here' | 'held-elsewhere' | 'unknown' | 'again';
export type RemoveSlot = 'held' | 'not-held';

/** A well-formed lease uuid no account holds (E21), fixed so a run replays. */
const unknownLease = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface LeaseChange {
  add: string[];
  remove: string[];
  features: Set<string>;
}

/** The lists a change sends, from its slots and the model: each slot takes a lease of its kind not used yet in the request. */
function resolveChange(m: Readonly<Model>, app: ModelApp, addSlots: readonly AddSlot[], removeSlots: readonly RemoveSlot[], pick: number): LeaseChange {
  const used = new Set<string>();
  const features = new Set<string>();
  const take = (candidates: string[], feature: string): string | undefined => {
    const free = candidates.filter((l) => !used.has(l));
    if (!free.length) return undefined;
    const lease = pickFrom(free, pick);
    used.add(lease);
    features.add(feature);
    return lease;
  };
  const remove: string[] = [];
  for (const slot of removeSlots) {
    const lease = slot === 'held' ? take([...app.leases], 'remove-held') : take(m.leases.filter((l) => !app.leases.has(l)), 'remove-not-held');
    if (lease) remove.push(lease);
  }
  const add: string[] = [];
  for (const slot of addSlots) {
    const lease = slot === 'free' ? take(m.leases.filter((l) => !holderOf(m, l)), 'add-free')
      : slot === 'held-here' ? take([...app.leases], 'add-held-here')
        : slot === 'held-elsewhere' ? take(m.leases.filter((l) => holderOf(m, l) && !app.leases.has(l)), 'add-held-elsewhere')
          : slot === 'unknown' ? (features.add('add-unknown'), unknownLease(app.n))
            : add.length ? (features.add('add-duplicate'), add[add.length - 1]) : undefined;
    if (lease) add.push(lease);
  }
  // Two different free leases (a duplicate of one is 'add-duplicate', not two).
  if (new Set(add.filter((l) => !app.leases.has(l) && !holderOf(m, l) && m.leases.includes(l))).size >= 2) features.add('add-two');
  if (add.length && remove.length) features.add('add-and-remove');
  return { add, remove, features };
}

/** The status a lease change may get: each situation it is in allows its own (one rule per situation, src/checks/status-code.ts). */
function changeRule(c: LeaseChange): { check: 'unknown-reference-rejected' | 'lease-assignment'; rule: StatusRule } {
  const situations: StatusRule[] = [{ situation: 'lease change', accept: [200] }];
  if (c.features.has('add-held-here')) situations.push(STATUS.alreadyHeld);
  if (c.features.has('add-held-elsewhere')) situations.push(STATUS.leaseTaken);
  if (c.features.has('add-duplicate')) situations.push(STATUS.duplicateLease);
  if (c.features.has('remove-not-held')) situations.push(STATUS.removeNotHeld);
  const described = [...c.features].join(', ');
  // E21: an unknown lease is refused, whatever else the request names (--strict pins 404 only when nothing else may be refused).
  if (c.features.has('add-unknown')) return { check: 'unknown-reference-rejected', rule: situations.length > 1 ? { situation: described, accept: 'any-4xx' } : { ...STATUS.unknownReference, situation: described } };
  return { check: 'lease-assignment', rule: eitherRule(described, situations) };
}

class AssignLeases implements Cmd {
  readonly moves = true;
  /**
   * `again`: send the change to the app the previous one went to, when it is still there. Bugs of
   * an entity's history (a lease removed and added back, a soft-deleted row) need several changes
   * to one app in a row; picking apps independently makes those sequences rare.
   */
  constructor(readonly pick: number, readonly addSlots: readonly AddSlot[], readonly removeSlots: readonly RemoveSlot[], readonly kind: TargetKind, readonly again = false) {}
  private target(m: Readonly<Model>): ModelApp | undefined {
    const previous = this.kind === 'live' && this.again && m.lastAssigned && !m.lastAssigned.removed ? m.lastAssigned : undefined;
    return previous ?? targetApp(m, this.kind, this.pick);
  }
  private change(m: Readonly<Model>, app: ModelApp): LeaseChange {
    if (this.kind === 'live') return resolveChange(m, app, this.addSlots, this.removeSlots, this.pick);
    // Another account, a removed app or an upper-case uuid: one lease to add, one of A's own if there is one (the
    // answer is about the target, not the body); an unknown one only when the run was given none.
    const one = (['free', 'held-elsewhere', 'held-here', 'unknown'] as const).map((slot) => resolveChange(m, app, [slot], [], this.pick));
    return one.find((x) => x.add.length > 0)!;
  }
  check = (m: Readonly<Model>) => {
    const app = this.target(m);
    if (!app) return false;
    const c = this.change(m, app);
    // An empty change is not sent (E17: what it does is not on the page).
    return c.add.length + c.remove.length > 0;
  };
  transitions = (m: Readonly<Model>) => {
    const app = this.check(m) ? this.target(m)! : undefined;
    if (!app) return [];
    if (this.kind !== 'live') return [`assign @${this.kind}`];
    const { features } = this.change(m, app);
    // A request naming an unknown lease is refused as a whole (E21): the server never gets to the rest.
    return (features.has('add-unknown') ? ['add-unknown'] : [...features]).map((f) => `assign ${f} @${stateOf(app)}`);
  };
  async run(m: Model, r: Real) {
    const app = this.target(m)!;
    for (const key of this.transitions(m)) m.covered.add(key);
    if (this.kind === 'live') m.lastAssigned = app;
    const c = this.change(m, app);
    const names = (ls: string[]) => `[${ls.map((l) => leaseName(m, l)).join(', ')}]`;
    const as: Caller = this.kind === 'foreign' ? 'b' : 'a';
    await step(r, `assign to app ${app.n} ${describeTarget(this.kind)}: add ${names(c.add)}, remove ${names(c.remove)}`, async () => {
      const res = await r.ex.call('AssignTNLeasesToSIPControlApp', { uuid: this.kind === 'upper' ? app.uuid.toUpperCase() : app.uuid, body: { add: c.add, remove: c.remove }, as, purpose: `change the leases of app ${app.n} ${describeTarget(this.kind)}` });
      const involved = new Set([app, ...[...c.add, ...c.remove].map((l) => holderOf(m, l)).filter((a): a is ModelApp => a !== undefined)]);
      // A removed app named with an unknown lease may be refused for either (E21: any 4xx), as the hand-written path cases allow.
      const removedRule = c.features.has('add-unknown') ? STATUS.unknownReference : STATUS.notFound;
      if (targetAnswer(r, res, this.kind, app, 'lease change', STATUS.foreignLeaseChange, removedRule) === 'done') {
        await checkLeaseViews(m, r, involved, `after the refused change`);
        return;
      }
      const { check, rule } = changeRule(c);
      // Sent again after its answer was lost and refused as already done: the lost attempt made the change.
      const lost = lostAttemptApplied(res, rule, r.ex.strict);
      if (!r.ex.expectStatus(check, res, rule) && !lost) return;
      // A refused change changes nothing (src/checks/refusal.ts); an applied one removes, then adds (moving taken leases, E20).
      const applied = lost || stateAfter(res.status, false, true);
      if (applied) {
        for (const l of c.remove) app.leases.delete(l);
        for (const l of c.add) {
          if (!m.leases.includes(l)) continue;
          const holder = holderOf(m, l);
          if (holder && holder !== app) {
            holder.leases.delete(l);
            holder.lostLease = true;
            holder.version++;
          }
          app.leases.add(l);
        }
        app.version++;
      }
      await checkLeaseViews(m, r, involved, `after step ${r.steps.length + 1}`);
    });
  }
  toString = () => `assign(${this.again ? 'again' : this.pick}, add ${this.addSlots.join('/')}, remove ${this.removeSlots.join('/')}, ${this.kind})`;
}

class ListLeases implements Cmd {
  constructor(readonly pick: number, readonly kind: TargetKind) {}
  check = (m: Readonly<Model>) => targetApp(m, this.kind, this.pick) !== undefined;
  transitions = (m: Readonly<Model>) => { const app = targetApp(m, this.kind, this.pick); return app ? [readKey('leases', this.kind, app)] : []; };
  async run(m: Model, r: Real) {
    const app = targetApp(m, this.kind, this.pick)!;
    m.covered.add(readKey('leases', this.kind, app));
    const as: Caller = this.kind === 'foreign' ? 'b' : 'a';
    await step(r, `list the leases of app ${app.n} ${describeTarget(this.kind)}`, async () => {
      const res = await r.ex.call('GetSIPControlAppTNLeasesList', { uuid: this.kind === 'upper' ? app.uuid.toUpperCase() : app.uuid, as, purpose: `list the leases of app ${app.n} ${describeTarget(this.kind)}` });
      if (targetAnswer(r, res, this.kind, app, 'lease list') === 'done') return;
      if (!r.ex.expectStatus('status-code', res, STATUS.ok)) return;
      r.ex.expect('lease-assignment', leasesExactly(payloadOf(res), [...app.leases], `leases of app ${app.n}`));
      r.ex.expect('lease-back-reference', leaseBackReference(payloadOf(res), app.uuid, `leases of app ${app.n}`));
    });
  }
  toString = () => `leases(${this.pick}, ${this.kind})`;
}

class ListApps implements Cmd {
  constructor(readonly as: Caller) {}
  check = (m: Readonly<Model>) => m.apps.length > 0 && (this.as === 'a' || m.hasB);
  transitions = (m: Readonly<Model>) => (this.check(m) ? [`list ${who(this.as)}`] : []);
  async run(m: Model, r: Real) {
    m.covered.add(`list ${who(this.as)}`);
    await step(r, `list apps ${who(this.as)}`, async () => {
      const res = await r.ex.call('ListSIPControlApps', { as: this.as, purpose: `list apps ${who(this.as)}` });
      if (!r.ex.expectStatus('status-code', res, STATUS.ok)) return;
      const payload = payloadOf(res);
      if (!Array.isArray(payload)) return; // the schema check says why
      const entries = (uuid: string) => payload.filter((a) => isObject(a) && a.uuid === uuid) as Record<string, unknown>[];
      for (const app of m.apps) {
        const listed = entries(app.uuid);
        if (this.as === 'b') {
          r.ex.expect('cross-account-isolation', listed.length === 0 ? pass() : fail(`B's list shows A's app ${app.n}`, "none of A's apps", `${app.uuid} listed`));
        } else if (app.removed) {
          r.ex.expect('not-found-after-remove', listed.length === 0 ? pass() : fail(`removed app ${app.n} is still listed`, 'not listed', `${app.uuid} listed ${listed.length}×`));
        } else {
          r.ex.expect('listed-after-create', listed.length === 1 ? pass() : fail(`app ${app.n} is listed ${listed.length} times`, 'listed exactly once', `${listed.length}`));
          if (!listed.length) continue;
          appAgrees(r, app, listed[0], `app ${app.n} as listed`);
          if (app.lastGet?.version === app.version) r.ex.expect('read-after-write', listEntryMatchesGet(listed[0], app.lastGet.app, `app ${app.n} as listed`));
        }
      }
    });
  }
  toString = () => `list(${this.as})`;
}

class PostCallFlowAsB implements Cmd {
  check = (m: Readonly<Model>) => m.hasB && m.callUuid !== undefined;
  transitions = (m: Readonly<Model>) => (this.check(m) ? ['callflow as B'] : []);
  async run(m: Model, r: Real) {
    m.covered.add('callflow as B');
    await step(r, "post call-flow XML to A's live call as B", async () => {
      const res = await r.ex.call('ExecuteSIPControlAppCallExecuteCallFlow', { uuid: m.callUuid, rawBody: GENTLE, contentType: 'application/xml', as: 'b', purpose: "B posts call-flow XML to A's call" });
      // Refused, whatever the reason (E25: 403/404; E07: an encoding it does not take): never carried out.
      r.ex.expect('cross-account-isolation', res.status >= 400 && res.status < 500 ? pass() : fail("B's call-flow post to A's call was not refused", 'a 4xx', `${res.status}`));
    });
  }
  toString = () => 'callflow(b)';
}

const GENTLE = SAMPLE_CALLFLOWS['say-text-and-content'] ?? SAMPLE_CALLFLOWS['play-pause'] ?? MINIMAL_CALLFLOW;

// ---------------------------------------------------------------- arbitraries

/** Every command of the model (and a plain create), generated from the spec's request schemas and the run's fixtures. */
export function modelArbitraries(sources: ValueSources): { command: fc.Arbitrary<Cmd>; plainCreate: fc.Arbitrary<Cmd> } {
  const createSchema = requestBodySchema('CreateSIPControlApp')!;
  const trunk = valid(createSchema.properties!.class4_egress_trunk_settings!, sources, 'class4_egress_trunk_settings')! as fc.Arbitrary<Record<string, unknown>>;
  // Always prefixed (shrinking shortens only the tail): what the model creates is recognisably the run's.
  // Names carry inner spaces too: a server that trims or collapses them does not store what was sent.
  const name = fc.tuple(boundedText(1, 30, ''), fc.constantFrom('', ' ', '  ')).map(([tail, gap]) => `${sources.prefix}${gap}${tail}`.trimEnd());
  const subdomain = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')), { minLength: 8, maxLength: 8 }).map((cs) => `${sources.prefix}${cs.join('')}`);
  const ovp = sources.outboundVoiceProfile;
  const variant = fc.constantFrom<CreateVariant>('plain', 'trunk', 'inactive', 'subdomain-in-use', ...(ovp ? ['outbound-voice-profile' as const] : []));
  const create = fc.record({ variant, name, subdomain, settings: trunk, pick: fc.nat(), extra: fc.boolean() }).map(({ variant: v, name: n, subdomain: s, settings, pick, extra }) => {
    const body: SentApp = { name: n, subdomain: s };
    if (v === 'trunk' || (extra && v !== 'plain')) body.class4_egress_trunk_settings = settings;
    if (v === 'outbound-voice-profile' || (extra && ovp && v === 'trunk')) body.outbound_voice_profile = ovp;
    if (v === 'inactive') body.is_active = false;
    return new CreateApp(body, v, pick);
  });
  const field = fc.constantFrom<ModifyField>(...MODIFY_FIELDS.filter((f) => f !== 'outbound_voice_profile' || ovp));
  const patch = fc.record({ field, name, subdomain, active: fc.boolean(), settings: trunk }).map(({ field: f, name: n, subdomain: s, active, settings }): Patch => ({
    field: f,
    name: n,
    body: f === 'name' ? { name: n } : f === 'subdomain' ? { subdomain: s } : f === 'is_active' ? { is_active: active }
      : f === 'outbound_voice_profile' ? { outbound_voice_profile: ovp } : f === 'trunk' ? { class4_egress_trunk_settings: settings }
        : f === 'trunk-empty' ? { class4_egress_trunk_settings: {} } : { name: n, is_active: active, subdomain: s },
  }));
  const kind = fc.constantFrom<TargetKind>('live', 'live', 'live', 'live', 'removed', 'upper', 'foreign');
  const addSlots = fc.array(fc.constantFrom<AddSlot>('free', 'free', 'held-here', 'held-elsewhere', 'held-elsewhere', 'unknown', 'again'), { maxLength: 4 });
  const removeSlots = fc.array(fc.constantFrom<RemoveSlot>('held', 'held', 'not-held'), { maxLength: 2 });
  const assign = fc.tuple(fc.nat(), addSlots, removeSlots, kind, fc.boolean()).map(([p, a, rm, k, again]) => new AssignLeases(p, a, rm, k, again));
  const plainCreate = fc.tuple(name, subdomain).map(([n, s]) => new CreateApp({ name: n, subdomain: s }, 'plain'));
  // Listed more than once = drawn more often: state changes (create, lease changes, remove) drive the interesting sequences.
  const command = fc.oneof(
    create, create,
    assign, assign, assign, assign,
    fc.tuple(fc.nat(), kind).map(([p, k]) => new RemoveApp(p, k)),
    fc.tuple(fc.nat(), kind).map(([p, k]) => new GetApp(p, k)),
    fc.tuple(fc.nat(), patch, kind).map(([p, b, k]) => new ModifyApp(p, b, k)),
    fc.tuple(fc.nat(), patch).map(([p, b]) => new ModifyApp(p, b, 'live')),
    fc.tuple(fc.nat(), name).map(([p, n]) => new ModifyConcurrently(p, n)),
    fc.tuple(fc.nat(), kind).map(([p, k]) => new ListLeases(p, k)),
    fc.constantFrom<Caller>('a', 'a', 'b').map((as) => new ListApps(as)),
    fc.constant(new PostCallFlowAsB()),
  );
  return { command, plainCreate };
}

/** Random sequences: two apps of their own first (something to act on, somewhere for a lease to go), then commands. */
export function commandsArbitrary(sources: ValueSources, opts: { maxCommands: number }) {
  const { command, plainCreate } = modelArbitraries(sources);
  return fc.tuple(fc.array(plainCreate, { minLength: 2, maxLength: 2 }), fc.array(command, { maxLength: opts.maxCommands }))
    .map(([first, rest]) => [...first, ...rest] as Cmd[]);
}

/** Run commands in order on the model and the server, skipping those not enabled in the present state. */
export async function runCommands(m: Model, r: Real, cmds: Iterable<Cmd>): Promise<void> {
  for (const cmd of cmds) if (cmd.check(m)) await cmd.run(m, r);
}

/**
 * The coverage walk: from candidates drawn from `seed` (the same ones every time), run one whose
 * transition is not covered yet; when none of the next few is, one that changes state (a create, a
 * lease change, a remove) so new transitions come within reach. Stops when every possible transition
 * is covered, when `spent()` reaches `requests`, or after `maxSteps`. Deterministic: the same seed and
 * the same answers take the same walk.
 */
export async function coverageWalk(m: Model, r: Real, opts: { sources: ValueSources; possible: readonly string[]; seed: number; requests?: number; spent: () => number; maxSteps?: number; ran?: Cmd[] }): Promise<void> {
  const { command } = modelArbitraries(opts.sources);
  const candidates = fc.sample(command, { numRuns: 1000, seed: opts.seed });
  const missing = () => opts.possible.filter((t) => !m.covered.has(t));
  const LOOKAHEAD = 300;
  for (let steps = 0; steps < (opts.maxSteps ?? 300) && missing().length && (opts.requests === undefined || opts.spent() < opts.requests); steps++) {
    const wanted = new Set(missing());
    let index = candidates.findIndex((c) => c.check(m) && c.transitions(m).some((t) => wanted.has(t)));
    if (index < 0) index = bestMove(m, candidates.slice(0, LOOKAHEAD), [...wanted]);
    if (index < 0) break;
    const [cmd] = candidates.splice(index, 1);
    opts.ran?.push(cmd);
    await cmd.run(m, r);
  }
}

/**
 * When no candidate covers a missing transition now, the state change that brings one within reach:
 * an app holding no lease, one holding some, a removed app, or an app whose lease moved away — the
 * states the missing transitions name that the model has none of. Else any state change.
 */
function bestMove(m: Readonly<Model>, window: readonly Cmd[], missing: readonly string[]): number {
  const lacking = (state: string) => missing.some((t) => t.endsWith(`@${state}`));
  const apps = live(m);
  const needs = {
    bare: lacking('bare') && !apps.some((a) => stateOf(a) === 'bare'),
    leases: lacking('leases') && !apps.some((a) => a.leases.size > 0),
    removed: lacking('removed') && removedApps(m).length === 0,
    lost: lacking('lost') && !apps.some((a) => stateOf(a, true) === 'lost'),
    // A lease held by another app while this one holds one too.
    twoHolders: missing.some((t) => t.endsWith('held-elsewhere @leases')) && apps.filter((a) => a.leases.size > 0).length < 2,
    // A lease no app holds, beside an app holding one.
    free: missing.some((t) => t.endsWith('add-free @leases')) && m.leases.every((l) => holderOf(m, l)),
    many: lacking('many') && !apps.some((a) => a.leases.size > 1),
    trunk: missing.includes('modify keeps-trunk @live') && !apps.some((a) => a.sent.class4_egress_trunk_settings !== undefined),
  };
  const helps = (c: Cmd): boolean => {
    if (c instanceof CreateApp) return needs.bare || apps.length < 2 || (needs.trunk && c.variant === 'trunk');
    // A remove that certainly removes: of an app holding no lease (E19 lets a server refuse the others).
    if (c instanceof RemoveApp) return needs.removed && c.kind === 'live' && targetApp(m, 'live', c.pick)?.leases.size === 0;
    if (!(c instanceof AssignLeases) || c.kind !== 'live') return false;
    const keys = c.transitions(m).join(' ');
    // Several leases in one app: add a second one, free or (when every lease is held) taken from another app.
    // (A change that also removes a held lease gains nothing: the app ends with as many as before.)
    return (needs.many && !keys.includes('add-unknown') && !keys.includes('remove-held') && (keys.includes('add-two') || keys.includes('add-free @leases') || keys.includes('add-held-elsewhere @leases'))) || (needs.lost && keys.includes('add-held-elsewhere')) || (needs.twoHolders && !keys.includes('add-unknown') && (keys.includes('add-free @bare') || keys.includes('add-held-elsewhere @bare'))) || (needs.free && keys.includes('remove-held') && !keys.includes('add-')) || (needs.leases && keys.includes('add-free')) || (needs.bare && keys.includes('remove-held'));
  };
  const helpful = window.findIndex((c) => c.moves && c.check(m) && helps(c));
  return helpful >= 0 ? helpful : window.findIndex((c) => c.moves && c.check(m));
}

/**
 * A failing walk is as long as the walk; fast-check cannot shrink what it did not generate. So it is
 * shrunk here: chunks of the commands it ran are left out (halves, then quarters, … then single
 * commands; a command whose target no longer exists is skipped) while the rest still fails the same
 * check, each try on fresh apps, until `requests` are spent. Returns the shortest failing try.
 */
export async function shrinkCommands(ran: readonly Cmd[], fresh: () => Model, env: CaseContext['env'], check: string, requests: number): Promise<{ ex: CaseContext; steps: ReplayStep[] } | undefined> {
  let spent = 0;
  let best: { cmds: readonly Cmd[]; ex: CaseContext; steps: ReplayStep[] } | undefined;
  const attempt = async (cmds: readonly Cmd[]) => {
    const model = fresh();
    const real: Real = { ex: new CaseContext(env), steps: [] };
    try {
      await runCommands(model, real, cmds);
    } catch (error) {
      if (!(error instanceof SequenceFailed)) throw error;
    } finally {
      await tearDown(model, real.ex);
    }
    spent += real.ex.exchanges.length;
    const fails = real.ex.outcomes.some((o) => o.status === 'failed' && o.check === check);
    if (fails) best = { cmds, ex: real.ex, steps: real.steps };
    return fails;
  };
  let current = ran;
  for (let chunk = Math.ceil(current.length / 2); chunk >= 1 && spent < requests; chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)) {
    for (let i = 0; i < current.length && spent < requests; ) {
      const candidate = [...current.slice(0, i), ...current.slice(i + chunk)];
      if (candidate.length && (await attempt(candidate))) current = candidate;
      else i += chunk;
    }
  }
  return best;
}

/**
 * After each sequence: release the leases and remove the apps it created, so the next
 * sequence starts from a model it knows. A context of its own: these are not judged.
 */
export async function tearDown(m: Model, ex: CaseContext): Promise<void> {
  const scratch = new CaseContext(ex.env);
  for (const app of m.apps) {
    if (app.removed) continue;
    try {
      const res = await scratch.call('GetSIPControlAppTNLeasesList', { uuid: app.uuid, purpose: `tear down: leases of app ${app.n}` });
      const held = leaseUuids(payloadOf(res));
      if (Array.isArray(held) && held.length) await scratch.call('AssignTNLeasesToSIPControlApp', { uuid: app.uuid, body: { remove: held }, purpose: `tear down: release the leases of app ${app.n}` });
      await scratch.call('RemoveSIPControlAppByUUID', { uuid: app.uuid, purpose: `tear down: remove app ${app.n}` });
    } catch {
      // Whatever is left, the run's cleanup finds in the ledger.
    }
  }
}
