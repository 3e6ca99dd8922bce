import { type Verdict } from './verdict.ts';
/**
 * What a client sent to create or modify an app must be what it reads back.
 * Only fields the client sent are compared; servers may add fields and defaults.
 */
export interface SentApp {
    name?: string;
    subdomain?: string;
    is_active?: boolean;
    outbound_voice_profile?: string;
    class4_egress_trunk_settings?: Record<string, unknown>;
}
export interface CompareOptions {
    /**
     * The app is a Create/Modify answer: relations there may come back unexpanded (E15, E67; the page's
     * own Create answer shows `{}` relations, lines 729–730), so trunk settings that are `{}`, null or
     * absent are not compared; Get's read-back is what must carry them.
     */
    answer?: boolean;
}
export declare function appMatchesSent(app: unknown, sent: SentApp, where: string, options?: CompareOptions): Verdict;
/** Fields the page's examples show for every app (GetSIPControlAppByUUID 200), so a client may expect them. */
export declare const DOCUMENTED_APP_FIELDS: readonly ["created_on", "modified_on", "uuid", "name", "is_active", "subdomain", "tnleases", "class4_egress_trunk_id", "class4_egress_trunk_settings", "class4_egress_resource_ip_id", "account", "created_by", "modified_by", "outbound_voice_profile"];
export declare function documentedAppFields(app: unknown, where: string): Verdict | null;
