import { isObject, preview } from "./observed.js";
import { fail, pass } from "./verdict.js";
export function appMatchesSent(app, sent, where, options = {}) {
    if (!isObject(app))
        return fail(`${where}: no app object to compare`, 'the app', preview(app));
    const diffs = [];
    for (const key of ['name', 'subdomain', 'is_active']) {
        if (sent[key] !== undefined && app[key] !== sent[key])
            diffs.push(`${key}: sent ${preview(sent[key], 60)}, got ${preview(app[key], 60)}`);
    }
    if (sent.outbound_voice_profile !== undefined) {
        const ovp = app.outbound_voice_profile;
        const got = typeof ovp === 'string' ? ovp : isObject(ovp) ? ovp.uuid : undefined;
        // A relation may come back unexpanded ({} or null, E15); only a uuid that differs is a contradiction.
        if (got !== undefined && got !== sent.outbound_voice_profile)
            diffs.push(`outbound_voice_profile: sent ${sent.outbound_voice_profile}, got ${preview(got, 60)}`);
    }
    const settings = app.class4_egress_trunk_settings;
    const unexpanded = !isObject(settings) || Object.keys(settings).length === 0;
    if (sent.class4_egress_trunk_settings && !(options.answer && unexpanded))
        diffs.push(...trunkDiffs(sent.class4_egress_trunk_settings, settings));
    if (diffs.length === 0)
        return pass();
    return fail(`${where} differs from what was sent`, 'the values sent', diffs.slice(0, 6).join('; '));
}
/** Trunk settings: every sent key that comes back must hold the sent value (rate_decimal compared as a number, E04). */
function trunkDiffs(sent, got) {
    if (!isObject(got) || Object.keys(got).length === 0)
        return ['class4_egress_trunk_settings: sent settings, got none'];
    const diffs = [];
    for (const [key, value] of Object.entries(sent)) {
        if (!(key in got))
            continue; // absent keys are the advisory documented-fields' business
        if (!sameValue(value, got[key], key))
            diffs.push(`class4_egress_trunk_settings.${key}: sent ${preview(value, 40)}, got ${preview(got[key], 40)}`);
    }
    return diffs;
}
function sameValue(sent, got, key) {
    if (key === 'rate_decimal' || typeof sent === 'number') {
        if (typeof got === 'string' && got.trim() !== '' && Number(got) === Number(sent))
            return true;
    }
    return JSON.stringify(sent) === JSON.stringify(got);
}
/** Fields the page's examples show for every app (GetSIPControlAppByUUID 200), so a client may expect them. */
export const DOCUMENTED_APP_FIELDS = [
    'created_on', 'modified_on', 'uuid', 'name', 'is_active', 'subdomain', 'tnleases', 'class4_egress_trunk_id',
    'class4_egress_trunk_settings', 'class4_egress_resource_ip_id', 'account', 'created_by', 'modified_by', 'outbound_voice_profile',
];
export function documentedAppFields(app, where) {
    if (!isObject(app))
        return null;
    const missing = DOCUMENTED_APP_FIELDS.filter((field) => !(field in app));
    if (missing.length === 0)
        return pass();
    return fail(`${where}: fields the page documents are missing`, DOCUMENTED_APP_FIELDS.join(', '), `missing: ${missing.join(', ')}`);
}
//# sourceMappingURL=read-after-write.js.map