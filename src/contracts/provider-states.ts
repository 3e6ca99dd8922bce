import { randomUUID } from 'node:crypto';
import { cleanupLedger } from '../runner/cleanup.ts';
import { CaseContext } from '../runner/case-context.ts';
import type { RunEnvironment } from '../runner/environment.ts';
import type { LedgerEntry } from '../runner/ledger.ts';
import { STATES, type StateName } from './interactions.ts';

/**
 * The state handlers: each sets its state up through the API, returns the values the requests
 * need, and remembers what it made so the teardown (same interaction) removes it.
 */
export class States {
  /** Ledger entries made by the current interaction's setup; its teardown removes them. */
  private pending: LedgerEntry[] = [];
  /** Problems setting states up, by state name (Pact itself only logs them). */
  readonly errors = new Map<string, string[]>();

  constructor(private readonly env: RunEnvironment) {}

  private ctx(): CaseContext {
    return new CaseContext(this.env);
  }

  private async createApp(label: string): Promise<{ uuid: string; name: string }> {
    const ctx = this.ctx();
    const name = this.env.names.name(label);
    const { res, uuid } = await ctx.tryCreate(`provider state: create ${label} app`, { name, subdomain: this.env.names.subdomain() });
    this.trackLatest();
    if (!uuid) throw new Error(`could not create an app for the state (create answered ${res.status})`);
    return { uuid, name };
  }

  private trackLatest(): void {
    const all = this.env.ledger.all();
    const last = all[all.length - 1];
    if (last && !this.pending.includes(last)) this.pending.push(last);
  }

  private lease(index = 0): string {
    const lease = this.env.fixtures.tnleases[index];
    if (!lease) throw new Error('the state needs a TN lease of the account: pass tnlease (--tnlease)');
    return lease;
  }

  private async assign(uuid: string, lease: string): Promise<void> {
    const res = await this.ctx().call('AssignTNLeasesToSIPControlApp', { uuid, body: { add: [lease] }, purpose: 'provider state: assign a TN lease' });
    if (res.status >= 300) throw new Error(`could not assign TN lease ${lease} (assign answered ${res.status})`);
  }

  /** Values for a request that creates an app: fresh run-prefixed name and subdomain, ledgered by name. */
  private creation(ovp: string | undefined): Record<string, string> {
    const name = this.env.names.name('contract');
    const longName = this.env.names.nameOfLength(256, 'x');
    // Written down before the request goes out: if the provider creates it (or a faulty one
    // creates the over-long one), cleanup finds it by its run-prefixed name.
    this.env.ledger.intent(name);
    this.trackLatest();
    this.env.ledger.intent(longName);
    this.trackLatest();
    return { name, longName, subdomain: this.env.names.subdomain(), ...(ovp ? { outboundVoiceProfile: ovp } : {}) };
  }

  private guard(state: StateName, fn: () => Promise<Record<string, string>>) {
    return {
      setup: async () => {
        try {
          return await fn();
        } catch (error) {
          const list = this.errors.get(state) ?? [];
          list.push(this.env.redactor.text(error instanceof Error ? error.message : String(error)));
          this.errors.set(state, list);
          return undefined;
        }
      },
      teardown: async () => {
        const entries = this.pending;
        this.pending = [];
        if (entries.length) await cleanupLedger(this.env, this.env.ledger, entries.filter((e) => !e.removed));
        return undefined;
      },
    };
  }

  handlers(): Record<string, { setup: () => Promise<Record<string, string> | undefined>; teardown: () => Promise<undefined> }> {
    const f = this.env.fixtures;
    const name = () => ({ name: this.env.names.name('contract'), subdomain: this.env.names.subdomain() });
    return {
      [STATES.appExists]: this.guard(STATES.appExists, async () => ({ ...(await this.createApp('state')), ...name(), ...(f.outboundVoiceProfile ? { outboundVoiceProfile: f.outboundVoiceProfile } : {}) })),
      [STATES.appWithLeases]: this.guard(STATES.appWithLeases, async () => {
        const app = await this.createApp('leased');
        const lease = this.lease();
        await this.assign(app.uuid, lease);
        return { uuid: app.uuid, lease };
      }),
      [STATES.appAndFreeLease]: this.guard(STATES.appAndFreeLease, async () => {
        const app = await this.createApp('assign');
        return { uuid: app.uuid, lease: this.lease() };
      }),
      [STATES.noApp]: this.guard(STATES.noApp, async () => ({ uuid: randomUUID() })),
      [STATES.liveCall]: this.guard(STATES.liveCall, async () => {
        if (!f.callUuid) throw new Error('the state needs a live call: pass callUuid (--call-uuid)');
        return { uuid: f.callUuid };
      }),
      [STATES.noCall]: this.guard(STATES.noCall, async () => ({ uuid: randomUUID() })),
      [STATES.canCreate]: this.guard(STATES.canCreate, async () => {
        if (!f.outboundVoiceProfile) throw new Error('the state needs an outbound voice profile of the account: pass outboundVoiceProfile (--outbound-voice-profile)');
        return this.creation(f.outboundVoiceProfile);
      }),
      [STATES.unknownOvp]: this.guard(STATES.unknownOvp, async () => this.creation(randomUUID())),
    };
  }
}
