import { appendFileSync, mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
export class Ledger {
    runId;
    entries = new Map();
    counter = 0;
    file;
    constructor(runId, dir) {
        this.runId = runId;
        if (dir) {
            mkdirSync(dir, { recursive: true });
            this.file = join(dir, `${runId}.jsonl`);
        }
    }
    /** Record the intent to create an app; returns the key later events use. */
    intent(name, subdomain) {
        const key = `app-${++this.counter}`;
        this.apply({ event: 'intent', key, name, subdomain });
        return key;
    }
    created(key, uuid) {
        this.apply({ event: 'created', key, uuid });
    }
    leased(key, leases) {
        if (leases.length)
            this.apply({ event: 'leased', key, leases });
    }
    unleased(key, leases) {
        if (leases.length)
            this.apply({ event: 'unleased', key, leases });
    }
    removed(key) {
        this.apply({ event: 'removed', key });
    }
    keyOf(uuid) {
        for (const entry of this.entries.values())
            if (entry.uuid === uuid)
                return entry.key;
        return undefined;
    }
    /** What still needs cleaning up. */
    outstanding() {
        return [...this.entries.values()].filter((entry) => !entry.removed);
    }
    all() {
        return [...this.entries.values()];
    }
    apply(event) {
        reduce(this.entries, this.runId, event);
        if (this.file)
            appendFileSync(this.file, `${JSON.stringify({ at: new Date().toISOString(), runId: this.runId, ...event })}\n`);
    }
}
function reduce(entries, runId, event) {
    if (event.event === 'intent') {
        entries.set(event.key, { key: event.key, runId, name: event.name, subdomain: event.subdomain, leases: [], removed: false });
        return;
    }
    const entry = entries.get(event.key);
    if (!entry)
        return;
    if (event.event === 'created')
        entry.uuid = event.uuid;
    if (event.event === 'leased')
        entry.leases = [...new Set([...entry.leases, ...event.leases])];
    if (event.event === 'unleased')
        entry.leases = entry.leases.filter((lease) => !event.leases.includes(lease));
    if (event.event === 'removed')
        entry.removed = true;
}
/** Read the ledgers earlier runs left in `dir` (for `cleanup`). */
export function readLedgers(dir, runId) {
    if (!existsSync(dir))
        return [];
    const out = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
        if (runId && file !== `${runId}.jsonl`)
            continue;
        const entries = new Map();
        const fileRunId = file.replace(/\.jsonl$/, '');
        for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
            if (!line.trim())
                continue;
            try {
                reduce(entries, fileRunId, JSON.parse(line));
            }
            catch {
                // A torn last line from a crash: the entries before it still count.
            }
        }
        out.push(...entries.values());
    }
    return out;
}
//# sourceMappingURL=ledger.js.map