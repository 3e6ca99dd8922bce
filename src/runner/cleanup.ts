import { dirname } from 'node:path';
import { isObject, payloadOf } from '../checks/observed.ts';
import type { CaseResult } from '../results/model.ts';
import { CaseContext, CaseStop } from './case-context.ts';
import type { RunEnvironment } from './environment.ts';
import { matchesIntent, type Ledger, type LedgerEntry } from './ledger.ts';
import { mapPool } from './pool.ts';
import { RUN_ID_PATTERN } from './names.ts';

/**
 * Remove everything the ledger says the run created, and nothing else:
 * release the leases the run assigned, delete the app, confirm it is gone.
 * Apps whose create got no usable answer are found by their run-prefixed
 * name — never by anything looser. The outcome is reported as its own case.
 */
export interface CleanupOptions {
  concurrency?: number;
  /**
   * Also remove apps named or subdomained `<run id>-…` that the ledger does not
   * list (a ledger lost or torn by a crash). Only for an explicit, well-formed
   * run id (`cleanup --run`): the id is unique, so the prefix names only that run's apps.
   */
  sweepPrefix?: boolean;
}

/** The full command that finishes a run's cleanup later (the token comes from SIPAPP_TOKEN). */
export function cleanupCommandLine(baseUrl: string, ledgerFile: string | undefined, runId: string): string {
  const out = ledgerFile ? dirname(dirname(ledgerFile)) : undefined;
  return `SIPAPP_TOKEN=… sipapp-conformance cleanup --base-url ${baseUrl}${out && out !== 'reports' ? ` --out ${out}` : ''} --run ${runId}`;
}

export async function cleanupLedger(env: RunEnvironment, ledger: Ledger, entries: LedgerEntry[] = ledger.outstanding(), options: CleanupOptions = {}): Promise<CaseResult> {
  return new RunCleanup(env, ledger, options).finish(entries);
}

/** How many removals run beside the cases while they go on: a trickle, the cases keep the connections. */
const ALONGSIDE = 2;

/**
 * The run's cleanup, started while the run goes on: the apps a finished case
 * created are removed as soon as it ends (`alongside`), the rest once every
 * case is done (`finish`), which reports the whole as the cleanup case.
 * Only apps the ledger shows holding no lease are removed early: a lease may
 * already be in use by another case on another app, so releasing one waits
 * for the end. Exclusive cases must not see apps disappear: `drain` first.
 */
export class RunCleanup {
  private readonly ctx: CaseContext;
  private readonly concurrency: number;
  private readonly leftovers: string[] = [];
  private removed = 0;
  private removedAlongside = 0;
  private readonly queue: LedgerEntry[] = [];
  private workers = 0;
  private idle: Array<() => void> = [];

  constructor(env: RunEnvironment, private readonly ledger: Ledger, private readonly options: CleanupOptions = {}) {
    this.concurrency = options.concurrency ?? 8;
    // Cleanup runs after the deadline too: it waits out throttling as long as --max-wait allows.
    this.ctx = new CaseContext({ ...env, readOnly: false, deadlineAt: undefined, created: undefined });
  }

  /** Remove, beside the running cases, what a finished case created and no longer needs (lease-free apps only). */
  alongside(keys: readonly string[]): void {
    const mine = new Set(keys);
    // Apps holding a lease are skipped by removeEntry (leasesInUse): they stay for finish().
    const ready = this.ledger.outstanding().filter((e) => mine.has(e.key) && e.uuid);
    if (ready.length === 0) return;
    this.queue.push(...ready);
    while (this.workers < ALONGSIDE && this.workers < this.queue.length) this.startWorker();
  }

  /**
   * Stop removing alongside and wait for the removals in flight: what is still queued stays
   * outstanding in the ledger, for finish() (all at once, after the cases).
   */
  drain(): Promise<void> {
    this.queue.length = 0;
    if (this.workers === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Remove everything else the ledger lists (or `entries`), and report the whole cleanup as a case. */
  async finish(entries?: LedgerEntry[]): Promise<CaseResult> {
    await this.drain();
    const started = performance.now();
    const { ctx, ledger, leftovers } = this;
    let todo = entries ?? ledger.outstanding();
    try {
      if (this.options.sweepPrefix) todo = [...todo, ...(await unledgeredApps(ctx, ledger.runId, todo))];
      const unconfirmed = todo.filter((e) => !e.uuid);
      if (unconfirmed.length) {
        const lookup = await resolveUnconfirmed(ctx, ledger, unconfirmed);
        if (lookup) leftovers.push(lookup);
      }
      await mapPool(todo.filter((e) => e.uuid), this.concurrency, (entry) => this.remove(entry));
    } catch (error) {
      leftovers.push(error instanceof CaseStop ? error.message : String(error));
    }
    const nothing = this.removed === 0 && leftovers.length === 0;
    const recordedNothing = todo.length === 0 && ledger.all().length === 0;
    const early = this.removedAlongside ? ` (${this.removedAlongside} of them while the run went on)` : '';
    return {
      id: 'cleanup.run-resources',
      title: 'remove every resource the run created',
      suite: 'cleanup',
      operation: 'workflow',
      tags: ['cleanup'],
      // Skipped only when the run recorded nothing at all (e.g. --read-only).
      status: leftovers.length ? 'error' : recordedNothing ? 'skipped' : 'passed',
      // The time the cleanup added after the last case; removals alongside the cases cost none.
      durationMs: Math.round(performance.now() - started),
      reason: leftovers.length
        ? this.ctx.env.redactor.text(`left behind (remove with \`${cleanupCommandLine(this.ctx.env.baseUrl, ledger.file, ledger.runId)}\`): ${leftovers.join('; ')}`)
        : recordedNothing ? 'the run created nothing' : nothing ? 'nothing the run created was left to remove' : `removed ${this.removed} app(s) the run created${early}`,
      checks: ctx.outcomes.filter((o) => o.status !== 'passed'),
      exchanges: ctx.exchanges,
    };
  }

  private async remove(entry: LedgerEntry, alongside = false): Promise<void> {
    try {
      const outcome = await removeEntry(this.ctx, this.ledger, entry, alongside);
      if (outcome === 'removed') {
        this.removed++;
        if (alongside) this.removedAlongside++;
      } else if (outcome !== 'gone' && !alongside) {
        this.leftovers.push(`${entry.name} (${entry.uuid}): ${outcome}`);
      }
    } catch (error) {
      // Refused or unanswered alongside the run: still in the ledger, so finish() tries again.
      if (!alongside) throw error;
    }
  }

  private startWorker(): void {
    this.workers++;
    void (async () => {
      for (let entry = this.queue.shift(); entry; entry = this.queue.shift()) {
        if (!entry.removed) await this.remove(entry, true);
      }
      this.workers--;
      if (this.workers === 0) for (const resolve of this.idle.splice(0)) resolve();
    })();
  }
}

/** Apps carrying the run's prefix that no ledger entry accounts for. */
async function unledgeredApps(ctx: CaseContext, runId: string, known: LedgerEntry[]): Promise<LedgerEntry[]> {
  if (!RUN_ID_PATTERN.test(runId)) return [];
  const res = await ctx.call('ListSIPControlApps', { purpose: `find apps named ${runId}-…` });
  const apps = payloadOf(res);
  if (!Array.isArray(apps)) return [];
  const prefix = `${runId}-`;
  const knownUuids = new Set(known.map((e) => e.uuid).filter(Boolean));
  return apps
    .filter(isObject)
    .filter((app) => typeof app.uuid === 'string' && !knownUuids.has(app.uuid) &&
      ((typeof app.name === 'string' && app.name.startsWith(prefix)) || (typeof app.subdomain === 'string' && app.subdomain.startsWith(prefix))))
    .map((app, i) => ({ key: `swept-${i + 1}`, runId, name: String(app.name), subdomain: typeof app.subdomain === 'string' ? app.subdomain : undefined, uuid: app.uuid as string, leases: [], removed: false }));
}

/**
 * Creates that got no usable answer (refused, timed out, garbled): look for
 * them in the list by their run-prefixed name or subdomain — never by anything
 * that could match what the run did not make. Found: cleaned up below. Not
 * found: closed in the ledger, so later `cleanup` runs do not ask again.
 * Returns a leftover note when the lookup itself was impossible.
 */
async function resolveUnconfirmed(ctx: CaseContext, ledger: Ledger, entries: LedgerEntry[]): Promise<string | undefined> {
  const res = await ctx.call('ListSIPControlApps', { purpose: 'find apps whose create got no usable answer' });
  const apps = payloadOf(res);
  if (res.status >= 300 || !Array.isArray(apps)) {
    return `${entries.length} create(s) got no usable answer and the list to look for them answered ${res.status}: unsure whether they exist`;
  }
  for (const entry of entries) {
    const match = apps.find((app) => isObject(app) && typeof app.uuid === 'string' && matchesIntent(entry.runId, entry, app));
    if (isObject(match)) entry.uuid = match.uuid as string;
    else ledger.removed(entry.key); // confirmed never created
  }
  return undefined;
}

/**
 * Release the leases the run assigned to an app, remove it, confirm. `leasesInUse`: other cases are
 * still running and may hold any lease of the pool, so no lease is released: an app the server
 * refuses to remove because it still holds one (E19) is left for the end.
 */
async function removeEntry(ctx: CaseContext, ledger: Ledger, entry: LedgerEntry, leasesInUse = false): Promise<'removed' | 'gone' | string> {
  const uuid = entry.uuid!;
  if (leasesInUse && entry.leases.length) return 'holds leases';
  if (entry.leases.length) {
    await ctx.call('AssignTNLeasesToSIPControlApp', { uuid, body: { remove: entry.leases }, purpose: `release leases the run assigned to ${entry.name}` });
  }
  let res = await ctx.call('RemoveSIPControlAppByUUID', { uuid, purpose: `remove ${entry.name}` });
  if (res.status === 409 && leasesInUse) return 'holds leases';
  if (res.status === 409) {
    // E19: still holds leases (assigned by the run, possibly moved here by the server): release what the app lists, retry once.
    const leases = payloadOf(await ctx.call('GetSIPControlAppTNLeasesList', { uuid, purpose: `list what still holds ${entry.name}` }));
    const held = Array.isArray(leases) ? leases.filter(isObject).map((l) => l.uuid).filter((u): u is string => typeof u === 'string') : [];
    if (held.length) await ctx.call('AssignTNLeasesToSIPControlApp', { uuid, body: { remove: held }, purpose: `release leases of ${entry.name}` });
    res = await ctx.call('RemoveSIPControlAppByUUID', { uuid, purpose: `remove ${entry.name} again` });
  }
  if (res.status < 300 || res.status === 404) {
    ledger.removed(entry.key);
    return res.status === 404 ? 'gone' : 'removed';
  }
  return `remove answered ${res.status}`;
}
