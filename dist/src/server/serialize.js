import { renderTrunkSettings } from "./trunk.js";
export function renderAccount(store, uuid) {
    const a = store.accounts.get(uuid);
    if (!a)
        return {};
    return {
        created_on: a.created_on,
        modified_on: a.modified_on,
        uuid: a.uuid,
        name: a.name,
        email: a.email,
        level: 'ServiceAccount',
        balance: a.balance,
        class4_id: a.class4_id,
        deleted_on: null,
        time_zone: {},
        users: [],
        admin: {},
        messaging_profile_default: {},
        messaging_profiles: [],
        addresses: [],
    };
}
export function renderUser(store, uuid) {
    const u = store.users.get(uuid);
    if (!u)
        return {};
    return {
        created_on: u.created_on,
        modified_on: u.modified_on,
        uuid: u.uuid,
        email: u.email,
        password: '',
        phone_number: u.phone_number,
        first_name: u.first_name,
        last_name: u.last_name,
        avatar: '',
        gender: 'Other',
        dob: '1985-06-15T00:00:00Z',
        role: u.role,
        gmail_user_id: '',
        facebook_user_id: '',
        apple_user_id: '',
        wechat_user_id: '',
        deleted_on: null,
        token: '',
        account: {},
    };
}
export function renderOvp(store, uuid) {
    if (uuid === null)
        return null;
    const o = store.ovps.get(uuid);
    if (!o)
        return null;
    return {
        created_on: o.created_on,
        modified_on: o.modified_on,
        uuid: o.uuid,
        name: o.name,
        channel_limit: o.channel_limit,
        max_rate: o.max_rate,
        daily_spent_limit: o.daily_spent_limit,
        record_calls: o.record_calls,
        filemat: o.filemat,
        audio_track_type: o.audio_track_type,
        account: {},
        created_by: {},
        modified_by: {},
        sip_connections: [],
        sip_control_apps: [],
    };
}
/** An app as a relation inside another object: its own fields, no relations. */
export function renderAppShallow(app) {
    return {
        created_on: app.created_on,
        modified_on: app.modified_on,
        uuid: app.uuid,
        name: app.name,
        is_active: app.is_active,
        subdomain: app.subdomain,
    };
}
export function renderLease(store, lease) {
    const app = store.appOfLease(lease.uuid);
    const account = store.accounts.get(lease.account);
    return {
        created_on: lease.created_on,
        modified_on: lease.modified_on,
        uuid: lease.uuid,
        tn: {
            tn: lease.tn,
            class4_did_id: lease.class4_did_id,
            registered: lease.registered,
            tnlease: {},
            profile: {},
            deleted_on: null,
        },
        account: renderAccount(store, lease.account),
        tnorder: {
            created_on: lease.created_on,
            modified_on: lease.created_on,
            uuid: lease.tnorder,
            state: 'success',
            tns: [],
            account: {},
            profile: {},
            sip_connection: {},
            sip_control_app: {},
            created_by: {},
            modified_by: {},
            request: {},
            price: {},
            autorenew: lease.autorenew,
            tnleases: [],
        },
        expired_on: lease.expired_on,
        autorenew: lease.autorenew,
        messaging_profile: {},
        class4_product_item_id: lease.class4_product_item_id,
        sip_connection: {},
        sip_control_app: app ? renderAppShallow(app) : {},
        created_by: account ? renderUser(store, account.admin) : {},
        modified_by: account ? renderUser(store, account.admin) : {},
    };
}
export function renderLeases(store, uuids) {
    const out = [];
    for (const u of uuids) {
        const lease = store.leases.get(u);
        if (lease)
            out.push(renderLease(store, lease));
    }
    return out;
}
export function renderApp(store, app) {
    return {
        created_on: app.created_on,
        modified_on: app.modified_on,
        uuid: app.uuid,
        name: app.name,
        is_active: app.is_active,
        subdomain: app.subdomain,
        tnleases: renderLeases(store, app.tnleases),
        class4_egress_trunk_id: app.class4_egress_trunk_id,
        class4_egress_trunk_settings: renderTrunkSettings(app.trunk_settings, app.name, store.trunkDefaults),
        class4_egress_resource_ip_id: app.class4_egress_resource_ip_id,
        account: renderAccount(store, app.account),
        created_by: renderUser(store, app.created_by),
        modified_by: renderUser(store, app.modified_by),
        outbound_voice_profile: renderOvp(store, app.outbound_voice_profile),
    };
}
export function renderCall(store, call) {
    const account = store.accounts.get(call.account);
    const { webhook_url, webhook_method, webhook_request_timeout, call_flow_url, call_flow_method, call_flow_request_timeout, ...own } = call.app;
    return {
        created_on: call.created_on,
        modified_on: call.modified_on,
        uuid: call.uuid,
        account_uuid: call.account,
        state: call.state,
        channel: { ...call.channel },
        sip_control_app: {
            ...own,
            tnleases: [],
            class4_egress_trunk_id: 0,
            class4_egress_trunk_settings: {},
            class4_egress_resource_ip_id: 0,
            account: renderAccount(store, call.account),
            created_by: account ? renderUser(store, account.admin) : {},
            modified_by: account ? renderUser(store, account.admin) : {},
            outbound_voice_profile: {},
            webhook_url,
            webhook_method,
            webhook_request_timeout,
            call_flow_url,
            call_flow_request_timeout,
            logs: [],
            call_flow_method,
        },
    };
}
//# sourceMappingURL=serialize.js.map