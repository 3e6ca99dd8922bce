/**
 * The in-memory state of the reference server: plain records, no behaviour beyond
 * lookups. Serialisation (what clients see) lives in serialize.ts.
 */
import { deepCopy } from "./util.js";
import { TRUNK_DEFAULTS } from "./trunk.js";
export class Store {
    accounts = new Map();
    users = new Map();
    ovps = new Map();
    leases = new Map();
    apps = new Map();
    calls = new Map();
    /** What trunk settings show for keys never set (the server's behaviour may change them). */
    trunkDefaults = TRUNK_DEFAULTS;
    counter = 1000;
    nextId() {
        return ++this.counter;
    }
    /** Live (not soft-deleted) apps of an account, in creation order. */
    appsOf(account) {
        return [...this.apps.values()].filter((a) => a.account === account && a.deleted_on === null);
    }
    allLiveApps() {
        return [...this.apps.values()].filter((a) => a.deleted_on === null);
    }
    /** The app a lease is assigned to, if any. */
    appOfLease(lease) {
        return [...this.apps.values()].find((a) => a.deleted_on === null && a.tnleases.includes(lease));
    }
    snapshot() {
        const out = (m) => [...m.values()];
        return deepCopy({
            accounts: out(this.accounts),
            users: out(this.users),
            outbound_voice_profiles: out(this.ovps),
            tnleases: out(this.leases),
            apps: out(this.apps),
            calls: out(this.calls),
        });
    }
}
//# sourceMappingURL=state.js.map