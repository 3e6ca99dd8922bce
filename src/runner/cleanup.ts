import { dirname } from 'node:path';
import { isObject, payloadOf } from '../checks/observed.ts';
import type { CaseResult } from '../results/model.ts';
import { CaseContext, CaseStop } from './case-context.ts';
import type { RunEnvironment } from './environment.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';
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
  const concurrency = options.concurrency ?? 8;
  // Cleanup runs after the deadline too: it waits out throttling as long as --max-wait allows.
  const ctx = new CaseContext({ ...env, readOnly: false, deadlineAt: undefined });
  const started = performance.now();
  const leftovers: string[] = [];
  let removed = 0;
  try {
    if (options.sweepPrefix) entries = [...entries, ...(await unledgeredApps(ctx, ledger.runId, entries))];
    const unconfirmed = entries.filter((e) => !e.uuid);
    if (unconfirmed.length) {
      const lookup = await resolveUnconfirmed(ctx, ledger, unconfirmed);
      if (lookup) leftovers.push(lookup);
    }
    await mapPool(entries.filter((e) => e.uuid), concurrency, async (entry) => {
      const outcome = await removeEntry(ctx, ledger, entry);
      if (outcome === 'removed') removed++;
      else if (outcome !== 'gone') leftovers.push(`${entry.name} (${entry.uuid}): ${outcome}`);
    });
  } catch (error) {
    leftovers.push(error instanceof CaseStop ? error.message : String(error));
  }
  const nothing = removed === 0 && leftovers.length === 0;
  const recordedNothing = entries.length === 0 && ledger.all().length === 0;
  return {
    id: 'cleanup.run-resources',
    title: 'remove every resource the run created',
    suite: 'cleanup',
    operation: 'workflow',
    tags: ['cleanup'],
    // Skipped only when the run recorded nothing at all (e.g. --read-only).
    status: leftovers.length ? 'error' : recordedNothing ? 'skipped' : 'passed',
    durationMs: Math.round(performance.now() - started),
    reason: leftovers.length
      ? env.redactor.text(`left behind (remove with \`${cleanupCommandLine(env.baseUrl, ledger.file, ledger.runId)}\`): ${leftovers.join('; ')}`)
      : recordedNothing ? 'the run created nothing' : nothing ? 'nothing the run created was left to remove' : `removed ${removed} app(s) the run created`,
    checks: ctx.outcomes.filter((o) => o.status !== 'passed'),
    exchanges: ctx.exchanges,
  };
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
    const prefix = `${entry.runId}-`;
    const match = apps.find((app) => isObject(app) && typeof app.uuid === 'string' && (
      (entry.name.startsWith(prefix) && app.name === entry.name) ||
      (entry.subdomain?.startsWith(prefix) === true && app.subdomain === entry.subdomain)));
    if (isObject(match)) entry.uuid = match.uuid as string;
    else ledger.removed(entry.key); // confirmed never created
  }
  return undefined;
}

async function removeEntry(ctx: CaseContext, ledger: Ledger, entry: LedgerEntry): Promise<'removed' | 'gone' | string> {
  const uuid = entry.uuid!;
  if (entry.leases.length) {
    await ctx.call('AssignTNLeasesToSIPControlApp', { uuid, body: { remove: entry.leases }, purpose: `release leases the run assigned to ${entry.name}` });
  }
  let res = await ctx.call('RemoveSIPControlAppByUUID', { uuid, purpose: `remove ${entry.name}` });
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
