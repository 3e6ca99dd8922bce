export interface AccountRec {
    uuid: string;
    name: string;
    email: string;
    class4_id: number;
    balance: number;
    created_on: string;
    modified_on: string;
    admin: string;
}
export interface UserRec {
    uuid: string;
    account: string;
    email: string;
    phone_number: string;
    first_name: string;
    last_name: string;
    role: 'Admin' | 'User' | 'Provider';
    created_on: string;
    modified_on: string;
}
export interface OvpRec {
    uuid: string;
    account: string;
    name: string;
    channel_limit: number;
    max_rate: number;
    daily_spent_limit: number;
    record_calls: number;
    filemat: 'wav' | 'mp3';
    audio_track_type: number;
    created_on: string;
    modified_on: string;
}
export interface LeaseRec {
    uuid: string;
    account: string;
    tn: number;
    class4_did_id: number;
    class4_product_item_id: number;
    registered: boolean;
    autorenew: boolean;
    expired_on: string;
    tnorder: string;
    created_on: string;
    modified_on: string;
}
export interface AppRec {
    uuid: string;
    account: string;
    name: string;
    subdomain: string | null;
    is_active: boolean;
    class4_egress_trunk_id: number;
    class4_egress_resource_ip_id: number;
    trunk_settings: Record<string, unknown>;
    outbound_voice_profile: string | null;
    /** Lease uuids in assignment order. */
    tnleases: string[];
    created_by: string;
    modified_by: string;
    created_on: string;
    modified_on: string;
    /** Set by a soft delete (only the faulty servers keep such apps around). */
    deleted_on: string | null;
    /** True for apps pre-created by `seedApps`. */
    seeded: boolean;
}
/** The app a live call runs under, as the call carries it (with its webhook settings). */
export interface CallAppRec {
    uuid: string;
    name: string;
    subdomain: string;
    is_active: boolean;
    webhook_url: string;
    webhook_method: 'GET' | 'POST';
    webhook_request_timeout: number;
    call_flow_url: string;
    call_flow_method: 'GET' | 'POST';
    call_flow_request_timeout: number;
    created_on: string;
    modified_on: string;
}
export interface CallRec {
    uuid: string;
    account: string;
    state: string;
    created_on: string;
    modified_on: string;
    channel: Record<string, string | number>;
    app: CallAppRec;
    /** The last call-flow document executed on this call. */
    call_flow: string | null;
}
export declare class Store {
    accounts: Map<string, AccountRec>;
    users: Map<string, UserRec>;
    ovps: Map<string, OvpRec>;
    leases: Map<string, LeaseRec>;
    apps: Map<string, AppRec>;
    calls: Map<string, CallRec>;
    /** What trunk settings show for keys never set (the server's behaviour may change them). */
    trunkDefaults: Readonly<Record<string, unknown>>;
    private counter;
    nextId(): number;
    /** Live (not soft-deleted) apps of an account, in creation order. */
    appsOf(account: string): AppRec[];
    allLiveApps(): AppRec[];
    /** The app a lease is assigned to, if any. */
    appOfLease(lease: string): AppRec | undefined;
    snapshot(): unknown;
}
