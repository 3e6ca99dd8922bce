/**
 * Model-based stateful testing: what the run owns (its apps, the leases it was
 * given) as a model, and fast-check commands that drive random sequences of
 * create, modify, remove, lease changes, list, get and call-flow posts — as the
 * account under test and as a second account — comparing every answer with the
 * model. The second account only looks and tries; it never creates (the ledger
 * and cleanup work with the first account's token).
 *
 * Where the errata allow several readings the model allows each, and then holds
 * the server to the one it took: E19 (remove with leases: 409, or removed and the
 * leases released), E20 (a taken lease moves, or the request is refused with 409),
 * E68 (re-adding a held lease: no-op or 409), E33 (the lease list is what counts),
 * E25 (another account: 403 or 404), E15/E47 (relations may be unexpanded).
 */
import fc from 'fast-check';
import { CaseContext, type Caller } from '../runner/case-context.ts';
import { STATUS, lostAttemptApplied } from '../checks/status-code.ts';
import { appMatchesSent, type SentApp } from '../checks/read-after-write.ts';
import { leasesExactly, leaseUuids } from '../checks/leases.ts';
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
}

export interface Model {
  apps: ModelApp[];
  leases: readonly string[];
  hasB: boolean;
  callUuid?: string;
  /** E15/E47: whether Get shows an app's outbound voice profile, once seen; the server is held to it. */
  relationShown?: { shown: boolean; app: number };
  /** The app the last lease change was sent to: changes often return to it (see AssignLeases). */
  lastAssigned?: ModelApp;
}

export interface Real {
  ex: CaseContext;
  steps: ReplayStep[];
}

/** Thrown inside a sequence once a check failed: fast-check then shrinks the sequence. */
export class SequenceFailed extends Error {}

type Cmd = fc.AsyncCommand<Model, Real, false>;

const live = (m: Readonly<Model>) => m.apps.filter((a) => !a.removed);
const pickFrom = <T>(list: readonly T[], pick: number): T => list[pick % list.length];
const leaseName = (m: Readonly<Model>, uuid: string) => `lease ${m.leases.indexOf(uuid) + 1}`;
const appOf = (res: ObservedResponse) => (isObject(payloadOf(res)) ? (payloadOf(res) as Record<string, unknown>) : undefined);

/** Run one command's requests as a numbered step; stop the sequence if a check failed. */
/**
 * B's request on A's app must be refused as foreign, and any request on a removed app as not found:
 * judges those answers and says so (true), or leaves the answer to the command (false).
 */
function refusalJudged(r: Real, res: Parameters<Real['ex']['expectStatus']>[1], app: { removed?: boolean }, as: Caller, foreign: string, removed: string): boolean {
  if (as === 'b') r.ex.expectStatus('cross-account-isolation', res, { ...STATUS.foreign, situation: foreign });
  else if (app.removed) r.ex.expectStatus('not-found-after-remove', res, { ...STATUS.notFound, situation: removed });
  else return false;
  return true;
}

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

const who = (as: Caller) => (as === 'b' ? 'as B' : 'as A');

/** The relation in an app answer: its uuid, or undefined when not expanded ({}, null, absent). */
function relationUuid(app: Record<string, unknown> | undefined): string | undefined {
  const ovp = app?.outbound_voice_profile;
  return typeof ovp === 'string' ? ovp : isObject(ovp) && typeof ovp.uuid === 'string' ? ovp.uuid : undefined;
}

/** Every live app's lease list is exactly the model's (E33: the list operation is what counts). */
async function checkAllLeases(m: Model, r: Real, when: string): Promise<void> {
  for (const app of live(m)) {
    const res = await r.ex.call('GetSIPControlAppTNLeasesList', { uuid: app.uuid, purpose: `list the leases of app ${app.n} ${when}` });
    if (!r.ex.expectStatus('status-code', res, STATUS.ok)) continue;
    r.ex.expect('lease-assignment', leasesExactly(payloadOf(res), [...app.leases], `leases of app ${app.n} ${when}`));
  }
}

// ---------------------------------------------------------------- commands

class CreateApp implements Cmd {
  constructor(readonly body: SentApp) {}
  check = (m: Readonly<Model>) => live(m).length < 3;
  async run(m: Model, r: Real) {
    const n = m.apps.length + 1;
    await step(r, `create app ${n}${this.body.outbound_voice_profile ? ' with an outbound voice profile' : ''}${this.body.class4_egress_trunk_settings ? ' with trunk settings' : ''}`, async () => {
      const { res, uuid } = await r.ex.tryCreate(`create app ${n}`, this.body);
      r.ex.expectStatus('status-code', res, STATUS.created);
      if (!uuid) throw new SequenceFailed('create gave no uuid');
      r.ex.expect('read-after-write', appMatchesSent(appOf(res), this.body, `create answer of app ${n}`, { answer: true }));
      m.apps.push({ n, uuid, sent: { ...this.body }, leases: new Set(), removed: false });
    });
  }
  toString = () => `create(${JSON.stringify(this.body).slice(0, 60)})`;
}

class GetApp implements Cmd {
  constructor(readonly pick: number, readonly as: Caller) {}
  check = (m: Readonly<Model>) => m.apps.length > 0 && (this.as === 'a' || m.hasB);
  async run(m: Model, r: Real) {
    const app = pickFrom(m.apps, this.pick);
    await step(r, `get app ${app.n} ${who(this.as)}${app.removed ? ' (removed)' : ''}`, async () => {
      const res = await r.ex.call('GetSIPControlAppByUUID', { uuid: app.uuid, as: this.as, purpose: `get app ${app.n} ${who(this.as)}` });
      if (refusalJudged(r, res, app, this.as, `B gets A's app ${app.n}`, `get of removed app ${app.n}`)) return;
      if (!r.ex.expectStatus('status-code', res, STATUS.ok)) return;
      const got = appOf(res);
      r.ex.expect('read-after-write', appMatchesSent(got, app.sent, `get of app ${app.n}`));
      if (app.sent.outbound_voice_profile) {
        // A relation may come back unexpanded (E15), but the same operation expands it for every app or for none:
        // one app showing it and another (created with it too) not is a relation that was not stored.
        const shown = relationUuid(got) === app.sent.outbound_voice_profile;
        if (!m.relationShown) m.relationShown = { shown, app: app.n };
        else if (m.relationShown.shown !== shown) {
          r.ex.expect('read-after-write', fail(
            `get of app ${app.n}: outbound_voice_profile sent on create is ${shown ? 'shown' : 'missing'}, though for app ${m.relationShown.app} (created with it too) it is ${m.relationShown.shown ? 'shown' : 'missing'}`,
            'the relation as stored, alike for every app created with it',
            `outbound_voice_profile: ${JSON.stringify(got?.outbound_voice_profile) ?? 'absent'}`,
          ));
        }
      }
    });
  }
  toString = () => `get(${this.pick}, ${this.as})`;
}

class ModifyApp implements Cmd {
  constructor(readonly pick: number, readonly patch: SentApp, readonly as: Caller) {}
  check = (m: Readonly<Model>) => m.apps.length > 0 && (this.as === 'a' || m.hasB);
  async run(m: Model, r: Real) {
    const app = pickFrom(m.apps, this.pick);
    await step(r, `modify app ${app.n} ${who(this.as)}: ${Object.keys(this.patch).join(', ')}${app.removed ? ' (removed)' : ''}`, async () => {
      const res = await r.ex.call('ModifySIPControlApp', { uuid: app.uuid, body: this.patch, as: this.as, purpose: `modify app ${app.n} ${who(this.as)}` });
      if (refusalJudged(r, res, app, this.as, `B modifies A's app ${app.n}`, `modify of removed app ${app.n}`)) return;
      if (!r.ex.expectStatus('status-code', res, STATUS.ok)) return;
      Object.assign(app.sent, this.patch);
      r.ex.expect('read-after-write', appMatchesSent(appOf(res), app.sent, `modify answer of app ${app.n}`, { answer: true }));
    });
  }
  toString = () => `modify(${this.pick}, ${JSON.stringify(this.patch).slice(0, 40)}, ${this.as})`;
}

class RemoveApp implements Cmd {
  constructor(readonly pick: number, readonly as: Caller) {}
  check = (m: Readonly<Model>) => m.apps.length > 0 && (this.as === 'a' || m.hasB);
  async run(m: Model, r: Real) {
    const app = pickFrom(m.apps, this.pick);
    const held = [...app.leases];
    await step(r, `remove app ${app.n} ${who(this.as)}${app.removed ? ' (removed already)' : held.length ? ` (holding ${held.map((l) => leaseName(m, l)).join(', ')})` : ''}`, async () => {
      const res = await r.ex.call('RemoveSIPControlAppByUUID', { uuid: app.uuid, as: this.as, purpose: `remove app ${app.n} ${who(this.as)}` });
      if (refusalJudged(r, res, app, this.as, `B removes A's app ${app.n}`, `second remove of app ${app.n}`)) return;
      // E19: an app holding leases may be refused (409, nothing changes) or removed with its leases released.
      const rule = held.length ? { situation: `remove of app ${app.n} holding leases`, accept: [200, 409] } : { situation: `remove of app ${app.n}`, accept: [200] };
      // Sent again after its answer was lost and found the app gone: the lost attempt removed it.
      const applied = lostAttemptApplied(res, rule, r.ex.strict);
      if (!r.ex.expectStatus('status-code', res, rule) && !applied) return;
      if (res.status === 200 || applied) {
        app.removed = true;
        app.leases.clear();
      }
      if (held.length) await checkAllLeases(m, r, `after removing app ${app.n}`);
      // Removed with its leases (E19): they are free again, so another app of the run can take them.
      const other = live(m)[0];
      if (res.status === 200 && held.length && other) {
        const take = await r.ex.call('AssignTNLeasesToSIPControlApp', { uuid: other.uuid, body: { add: held }, purpose: `assign the released leases to app ${other.n}` });
        const takenHere = held.some((l) => other.leases.has(l));
        const ok = take.status === 200 || (takenHere && take.status === 409);
        r.ex.expect('lease-assignment', ok ? pass() : fail(`the leases of removed app ${app.n} are not free again`, `200: ${held.map((l) => leaseName(m, l)).join(', ')} assigned to app ${other.n}`, `${take.status}`));
        if (take.status === 200) for (const l of held) other.leases.add(l);
        await checkAllLeases(m, r, `after assigning the released leases to app ${other.n}`);
      }
    });
  }
  toString = () => `remove(${this.pick}, ${this.as})`;
}

/** What one assign does with each lease: flip it (held: remove, not held: add), add it even if held (E68), or leave it. */
export type LeaseAction = 'toggle' | 'add' | 'none';

class AssignLeases implements Cmd {
  /**
   * `again`: send the change to the app the previous one went to, when it is still there. Bugs of
   * an entity's history (a lease removed and added back, a soft-deleted row) need several changes
   * to one app in a row; picking apps independently makes those sequences rare.
   */
  constructor(readonly pick: number, readonly actions: LeaseAction[], readonly as: Caller, readonly again = false) {}
  check = (m: Readonly<Model>) => m.leases.length > 0 && live(m).length > 0 && (this.as === 'a' || m.hasB);
  async run(m: Model, r: Real) {
    const previous = this.again && m.lastAssigned && !m.lastAssigned.removed ? m.lastAssigned : undefined;
    const app = previous ?? pickFrom(live(m), this.pick);
    if (this.as === 'a') m.lastAssigned = app;
    // Remove only leases the app holds (the page is silent on removing others); add any.
    const action = (i: number) => this.actions[i % this.actions.length];
    const remove = m.leases.filter((l, i) => action(i) === 'toggle' && app.leases.has(l));
    const add = m.leases.filter((l, i) => (action(i) === 'toggle' && !app.leases.has(l)) || action(i) === 'add');
    const names = (ls: string[]) => `[${ls.map((l) => leaseName(m, l)).join(', ')}]`;
    // An empty change is not sent: a server may refuse it (E17) or take it as a no-op; either says nothing.
    if (add.length === 0 && remove.length === 0) return;
    await step(r, `assign to app ${app.n} ${who(this.as)}: add ${names(add)}, remove ${names(remove)}`, async () => {
      const res = await r.ex.call('AssignTNLeasesToSIPControlApp', { uuid: app.uuid, body: { add, remove }, as: this.as, purpose: `assign leases of app ${app.n} ${who(this.as)}` });
      if (this.as === 'b') {
        r.ex.expectStatus('cross-account-isolation', res, { ...STATUS.foreign, situation: `B changes the leases of A's app ${app.n}` });
        await checkAllLeases(m, r, `after B's attempt`);
        return;
      }
      const takenElsewhere = add.some((l) => live(m).some((other) => other !== app && other.leases.has(l)));
      const heldHere = add.some((l) => app.leases.has(l));
      // E20/E68: a request naming a lease some app holds may be refused with 409 as a whole.
      const rule = takenElsewhere || heldHere
        ? { situation: `assign naming ${takenElsewhere ? 'a lease another app holds' : 'a lease the app holds'}`, accept: [200, 409] }
        : { situation: 'assign of free leases', accept: [200] };
      // Sent again after its answer was lost and refused as already done: the lost attempt made the change.
      const applied = lostAttemptApplied(res, rule, r.ex.strict);
      if (!r.ex.expectStatus('lease-assignment', res, rule) && !applied) return;
      if (res.status === 200 || applied) {
        for (const l of remove) app.leases.delete(l);
        for (const l of add) {
          for (const other of m.apps) other.leases.delete(l);
          app.leases.add(l);
        }
      }
      await checkAllLeases(m, r, `after step ${r.steps.length + 1}`);
    });
  }
  toString = () => `assign(${this.again ? 'again' : this.pick}, ${this.actions.join('/')}, ${this.as})`;
}

class ListLeases implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.apps.length > 0;
  async run(m: Model, r: Real) {
    const app = pickFrom(m.apps, this.pick);
    await step(r, `list the leases of app ${app.n}${app.removed ? ' (removed)' : ''}`, async () => {
      const res = await r.ex.call('GetSIPControlAppTNLeasesList', { uuid: app.uuid, purpose: `list the leases of app ${app.n}` });
      if (app.removed) {
        r.ex.expectStatus('not-found-after-remove', res, { ...STATUS.notFound, situation: `leases of removed app ${app.n}` });
        return;
      }
      if (!r.ex.expectStatus('status-code', res, STATUS.ok)) return;
      r.ex.expect('lease-assignment', leasesExactly(payloadOf(res), [...app.leases], `leases of app ${app.n}`));
    });
  }
  toString = () => `leases(${this.pick})`;
}

class ListApps implements Cmd {
  constructor(readonly as: Caller) {}
  check = (m: Readonly<Model>) => m.apps.length > 0 && (this.as === 'a' || m.hasB);
  async run(m: Model, r: Real) {
    await step(r, `list apps ${who(this.as)}`, async () => {
      const res = await r.ex.call('ListSIPControlApps', { as: this.as, purpose: `list apps ${who(this.as)}` });
      if (!r.ex.expectStatus('status-code', res, STATUS.ok)) return;
      const payload = payloadOf(res);
      if (!Array.isArray(payload)) return; // the schema check says why
      const count = (uuid: string) => payload.filter((a) => isObject(a) && a.uuid === uuid).length;
      for (const app of m.apps) {
        const n = count(app.uuid);
        if (this.as === 'b') {
          r.ex.expect('cross-account-isolation', n === 0 ? pass() : fail(`B's list shows A's app ${app.n}`, "none of A's apps", `${app.uuid} listed`));
        } else if (app.removed) {
          r.ex.expect('not-found-after-remove', n === 0 ? pass() : fail(`removed app ${app.n} is still listed`, 'not listed', `${app.uuid} listed ${n}×`));
        } else {
          r.ex.expect('listed-after-create', n === 1 ? pass() : fail(`app ${app.n} is listed ${n} times`, 'listed exactly once', `${n}`));
          const listed = payload.find((a) => isObject(a) && a.uuid === app.uuid);
          if (listed) r.ex.expect('read-after-write', appMatchesSent(listed, app.sent, `app ${app.n} as listed`));
        }
      }
    });
  }
  toString = () => `list(${this.as})`;
}

class PostCallFlowAsB implements Cmd {
  check = (m: Readonly<Model>) => m.hasB && m.callUuid !== undefined;
  async run(m: Model, r: Real) {
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

/** The commands of one sequence, generated from the spec's request schemas and the run's fixtures. */
export function commandsArbitrary(sources: ValueSources, opts: { maxCommands: number }) {
  const createSchema = requestBodySchema('CreateSIPControlApp')!;
  const trunk = valid(createSchema.properties!.class4_egress_trunk_settings!, sources, 'class4_egress_trunk_settings')!;
  // Always prefixed (shrinking shortens only the tail): what the model creates is recognisably the run's.
  const name = boundedText(1, 40, '').map((tail) => `${sources.prefix}${tail}`);
  const caller = fc.constantFrom<Caller>('a', 'a', 'a', 'b');
  const createBody = fc.record({
    ovp: sources.outboundVoiceProfile ? fc.boolean() : fc.constant(false),
    trunk: fc.option(trunk, { nil: undefined }),
    isActive: fc.option(fc.boolean(), { nil: undefined }),
    name,
    subdomain: fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')), { minLength: 8, maxLength: 8 }).map((cs) => `${sources.prefix}${cs.join('')}`),
  }).map(({ ovp, trunk: settings, isActive, name: n, subdomain }): SentApp => ({
    name: n,
    subdomain,
    ...(isActive === undefined ? {} : { is_active: isActive }),
    ...(ovp ? { outbound_voice_profile: sources.outboundVoiceProfile } : {}),
    ...(settings ? { class4_egress_trunk_settings: settings as Record<string, unknown> } : {}),
  }));
  const patch = fc.record({ name, is_active: fc.boolean() }, { requiredKeys: [] }).filter((p) => Object.keys(p).length > 0);
  const actions = fc.array(fc.constantFrom<LeaseAction>('toggle', 'toggle', 'add', 'none'), { minLength: 1, maxLength: 3 });
  const create = createBody.map((b) => new CreateApp(b));
  const assignA = fc.tuple(fc.nat(), actions, fc.boolean()).map(([p, a, again]) => new AssignLeases(p, a, 'a', again));
  const removeA = fc.nat().map((p) => new RemoveApp(p, 'a'));
  // Listed more than once = drawn more often: state changes (create, lease changes, remove) drive the interesting sequences.
  const commands = fc.commands<Model, Real, false>([
    create,
    assignA, assignA, assignA, assignA,
    removeA, removeA,
    fc.tuple(fc.nat(), caller).map(([p, as]) => new RemoveApp(p, as)),
    fc.tuple(fc.nat(), caller).map(([p, as]) => new GetApp(p, as)),
    fc.tuple(fc.nat(), patch, caller).map(([p, b, as]) => new ModifyApp(p, b, as)),
    fc.tuple(fc.nat(), actions, caller).map(([p, a, as]) => new AssignLeases(p, a, as)),
    fc.nat().map((p) => new ListLeases(p)),
    caller.map((as) => new ListApps(as)),
    fc.constant(new PostCallFlowAsB()),
  ], { maxCommands: opts.maxCommands });
  // Every sequence starts from two apps of its own: the commands have something to act on, and a
  // lease always has somewhere else to go (E20 moves, leases freed by a removal).
  return fc.tuple(fc.array(create, { minLength: 2, maxLength: 2 }), commands).map(([first, rest]) => [...first, ...rest] as Cmd[]);
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
