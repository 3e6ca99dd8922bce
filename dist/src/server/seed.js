import { isoNow, newUuid } from "./util.js";
const SEEDS = {
    a: { name: 'Acme Telecom', email: 'ops@acme-telecom.example', first: 'Ada', last: 'Lovelace', phone: '+14155550100', tnBase: 14155550101, subdomainPrefix: 'acme' },
    b: { name: 'Borealis Voice', email: 'noc@borealis-voice.example', first: 'Bo', last: 'Nordqvist', phone: '+16465550200', tnBase: 16465550201, subdomainPrefix: 'borealis' },
};
export const LEASES_PER_ACCOUNT = 5;
export const CALLS_PER_ACCOUNT = 3;
export function seedAccount(store, key, opts) {
    const s = SEEDS[key];
    const created = isoNow(new Date(Date.now() - 90 * 86400_000));
    const accountUuid = newUuid();
    const adminUuid = newUuid();
    const account = {
        uuid: accountUuid,
        name: s.name,
        email: s.email,
        class4_id: store.nextId(),
        balance: 250,
        created_on: created,
        modified_on: created,
        admin: adminUuid,
    };
    store.accounts.set(accountUuid, account);
    store.users.set(adminUuid, {
        uuid: adminUuid,
        account: accountUuid,
        email: s.email,
        phone_number: s.phone,
        first_name: s.first,
        last_name: s.last,
        role: 'Admin',
        created_on: created,
        modified_on: created,
    });
    const ovp = newUuid();
    store.ovps.set(ovp, {
        uuid: ovp,
        account: accountUuid,
        name: `${s.name} default outbound`,
        channel_limit: 10,
        max_rate: 0.05,
        daily_spent_limit: 100,
        record_calls: 0,
        filemat: 'mp3',
        audio_track_type: 0,
        created_on: created,
        modified_on: created,
    });
    const leases = [];
    const expires = isoNow(new Date(Date.now() + 300 * 86400_000));
    const tnorder = newUuid();
    for (let i = 0; i < LEASES_PER_ACCOUNT; i++) {
        const lease = {
            uuid: newUuid(),
            account: accountUuid,
            tn: s.tnBase + i,
            class4_did_id: store.nextId(),
            class4_product_item_id: store.nextId(),
            registered: true,
            autorenew: true,
            expired_on: expires,
            tnorder,
            created_on: created,
            modified_on: created,
        };
        store.leases.set(lease.uuid, lease);
        leases.push(lease.uuid);
    }
    const calls = [];
    for (let i = 0; i < CALLS_PER_ACCOUNT; i++) {
        const call = seedCall(accountUuid, s, i);
        store.calls.set(call.uuid, call);
        calls.push(call.uuid);
    }
    for (let i = 0; i < opts.seedApps; i++) {
        const uuid = opts.mintUuid();
        const at = isoNow(new Date(Date.now() - (30 - i) * 86400_000));
        store.apps.set(uuid, {
            uuid,
            account: accountUuid,
            name: `${s.name} pre-existing app ${i + 1}`,
            subdomain: `${s.subdomainPrefix}-pre-${i + 1}`,
            is_active: true,
            class4_egress_trunk_id: store.nextId(),
            class4_egress_resource_ip_id: store.nextId(),
            trunk_settings: {},
            outbound_voice_profile: ovp,
            tnleases: [],
            created_by: adminUuid,
            modified_by: adminUuid,
            created_on: at,
            modified_on: at,
            deleted_on: null,
            seeded: true,
        });
    }
    return { account: accountUuid, ovp, leases, calls };
}
function seedCall(account, s, i) {
    const uuid = newUuid();
    const startedAt = new Date(Date.now() - (i + 1) * 45_000);
    const at = isoNow(startedAt);
    const epoch = Math.floor(startedAt.getTime() / 1000);
    const caller = `+1${String(2125550300 + i)}`;
    const callee = `+${s.tnBase + i}`;
    return {
        uuid,
        account,
        state: 'started',
        created_on: at,
        modified_on: at,
        call_flow: null,
        app: {
            uuid: newUuid(),
            name: `${s.name} IVR`,
            subdomain: `${s.subdomainPrefix}-ivr`,
            is_active: true,
            webhook_url: `https://hooks.${s.subdomainPrefix}.example/sip/events`,
            webhook_method: 'POST',
            webhook_request_timeout: 5000,
            call_flow_url: `https://hooks.${s.subdomainPrefix}.example/sip/flow.xml`,
            call_flow_method: 'GET',
            call_flow_request_timeout: 5000,
            created_on: at,
            modified_on: at,
        },
        channel: {
            uuid,
            callstate: 'ACTIVE',
            state: 'CS_EXECUTE',
            created: at,
            created_epoch: epoch,
            cid_name: `Caller ${i + 1}`,
            cid_num: caller,
            name: `sofia/external/${caller.slice(1)}@203.0.113.${10 + i}`,
            direction: 'inbound',
            ip_addr: `203.0.113.${10 + i}`,
            dest: callee.slice(1),
            application: 'park',
            application_data: '',
            dialplan: 'XML',
            context: 'public',
            read_codec: 'PCMU',
            read_rate: '8000',
            read_bit_rate: '64000',
            write_codec: 'PCMU',
            write_rate: '8000',
            write_bit_rate: '64000',
            secure: '',
            hostname: 'fs1.opentact.example',
            presence_id: '',
            presence_data: '',
            callee_name: s.name,
            callee_num: callee.slice(1),
            callee_direction: 'SEND',
            call_uuid: uuid,
            sent_callee_name: s.name,
            sent_callee_num: callee.slice(1),
        },
    };
}
//# sourceMappingURL=seed.js.map