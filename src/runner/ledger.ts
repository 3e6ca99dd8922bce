import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, existsSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The run ledger: every resource the run creates is written down BEFORE the
 * request goes out (so a crash between request and answer still leaves a
 * trace), then updated as it is created, leased and removed. Cleanup — at the
 * end of the run, on a signal, or later by `sipapp-conformance cleanup` —
 * works only from this record, so it can never touch what the run did not make.
 */
export type LedgerEvent =
  | { event: 'intent'; key: string; name: string; subdomain?: string }
  | { event: 'created'; key: string; uuid: string }
  | { event: 'leased'; key: string; leases: string[] }
  | { event: 'unleased'; key: string; leases: string[] }
  | { event: 'removed'; key: string };

export interface LedgerEntry {
  key: string;
  runId: string;
  name: string;
  subdomain?: string;
  uuid?: string;
  leases: string[];
  removed: boolean;
}

export class Ledger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly byUuid = new Map<string, string>();
  private counter = 0;
  readonly file?: string;
  /** The folder is made with the first entry: a run that creates nothing leaves no empty ledger/ behind. */
  private folderMade = false;
  /**
   * The file, opened once on the first event and kept open: each event is one write(2) instead of
   * an open, a write and a close. Still written synchronously: an intent must be on disk (in the
   * page cache, which outlives a crash of the process) before its request goes out.
   */
  private fd?: number;

  constructor(readonly runId: string, private readonly dir?: string) {
    if (dir) this.file = join(dir, `${runId}.jsonl`);
  }

  /** Record the intent to create an app; returns the key later events use. */
  intent(name: string, subdomain?: string): string {
    const key = `app-${++this.counter}`;
    this.apply({ event: 'intent', key, name, subdomain });
    return key;
  }

  created(key: string, uuid: string): void {
    this.apply({ event: 'created', key, uuid });
  }

  leased(key: string, leases: string[]): void {
    if (leases.length) this.apply({ event: 'leased', key, leases });
  }

  unleased(key: string, leases: string[]): void {
    if (leases.length) this.apply({ event: 'unleased', key, leases });
  }

  removed(key: string): void {
    this.apply({ event: 'removed', key });
  }

  /** The key of the app with this uuid (asked on every request naming an app: indexed, with a scan for uuids set later). */
  keyOf(uuid: string): string | undefined {
    const known = this.byUuid.get(uuid);
    if (known !== undefined) return known;
    for (const entry of this.entries.values()) if (entry.uuid === uuid) return entry.key;
    return undefined;
  }

  /** What still needs cleaning up. */
  outstanding(): LedgerEntry[] {
    return [...this.entries.values()].filter((entry) => !entry.removed);
  }

  all(): LedgerEntry[] {
    return [...this.entries.values()];
  }

  /**
   * Remove the ledger file once everything it records is gone: the ledger
   * folder holds only runs `cleanup` still has work for, instead of a file per
   * run forever. A run with anything outstanding keeps its ledger.
   */
  discardIfClean(): boolean {
    if (!this.file || this.outstanding().length > 0) return false;
    this.close();
    rmSync(this.file, { force: true });
    // The folder goes too when this was its last ledger (other runs' ledgers keep it).
    try {
      rmdirSync(this.dir!);
    } catch {
      /* not empty, or already gone */
    }
    return true;
  }

  private apply(event: LedgerEvent): void {
    reduce(this.entries, this.runId, event);
    if (event.event === 'created') this.byUuid.set(event.uuid, event.key);
    if (!this.file) return;
    if (!this.folderMade) {
      mkdirSync(this.dir!, { recursive: true });
      this.folderMade = true;
    }
    this.fd ??= openSync(this.file, 'a');
    writeSync(this.fd, `${JSON.stringify({ at: new Date().toISOString(), runId: this.runId, ...event })}\n`);
  }

  /** Close the file (the ledger stays readable in memory; a later event opens it again). */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

function reduce(entries: Map<string, LedgerEntry>, runId: string, event: LedgerEvent): void {
  if (event.event === 'intent') {
    entries.set(event.key, { key: event.key, runId, name: event.name, subdomain: event.subdomain, leases: [], removed: false });
    return;
  }
  const entry = entries.get(event.key);
  if (!entry) return;
  if (event.event === 'created') entry.uuid = event.uuid;
  if (event.event === 'leased') entry.leases = [...new Set([...entry.leases, ...event.leases])];
  if (event.event === 'unleased') entry.leases = entry.leases.filter((lease) => !event.leases.includes(lease));
  if (event.event === 'removed') entry.removed = true;
}

/**
 * Is `app` (an item of the list) the one an intent of run `runId` asked for? Only by its
 * run-prefixed name or subdomain, which nothing the run did not make carries.
 */
export function matchesIntent(runId: string, intent: { name: string; subdomain?: string }, app: Record<string, unknown>): boolean {
  const prefix = `${runId}-`;
  return (intent.name.startsWith(prefix) && app.name === intent.name) ||
    (intent.subdomain?.startsWith(prefix) === true && app.subdomain === intent.subdomain);
}

/** Can `matchesIntent` ever tell this intent's app apart (its name or subdomain carries the run prefix)? */
export function carriesRunPrefix(runId: string, intent: { name: string; subdomain?: string }): boolean {
  const prefix = `${runId}-`;
  return intent.name.startsWith(prefix) || intent.subdomain?.startsWith(prefix) === true;
}

/** Read the ledgers earlier runs left in `dir` (for `cleanup`). */
export function readLedgers(dir: string, runId?: string): LedgerEntry[] {
  if (!existsSync(dir)) return [];
  const out: LedgerEntry[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    if (runId && file !== `${runId}.jsonl`) continue;
    const entries = new Map<string, LedgerEntry>();
    const fileRunId = file.replace(/\.jsonl$/, '');
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        reduce(entries, fileRunId, JSON.parse(line) as LedgerEvent);
      } catch {
        // A torn last line from a crash: the entries before it still count.
      }
    }
    out.push(...entries.values());
  }
  return out;
}
