import { randomUUID } from 'node:crypto';
import { isObject, payloadOf } from "../src/checks/observed.js";
/** A well-formed uuid that names nothing (random v4: collision is not a practical concern). */
export const unknownUuid = () => randomUUID();
/** Path uuids that break the page's pattern (E24). Upper case and dash-less forms of a random uuid, so they name nothing either way. */
export function malformedUuids() {
    const uuid = randomUUID();
    return [
        { label: 'not a uuid', value: 'not-a-uuid' },
        { label: 'upper case', value: uuid.toUpperCase() },
        { label: 'no dashes', value: uuid.replace(/-/g, '') },
        { label: 'too short', value: uuid.slice(0, 35) },
    ];
}
/** The page's request example for trunk settings (all 10 code samples agree), with values a client would send. */
export function sampleTrunkSettings() {
    return {
        rpid_id_type: 'None', pdd: 6000, rpid: 'Never', ignore_early_media: true, cli_type: 'white', pci: 'Yes', call_limit: 10,
        t38: false, billing_method: 'by minutes', rate_rounding: 'Up', oli: 'No', codecs: ['PCMU', 'PCMA'], media_timeout: 30,
        us_other: 'other', bypass_media: 'Proxy Media', trunk_type2: 'Termination Traffic', pass_through: 'transparent',
        min_duration: 0, service_type: 'Self Service', rate_decimal: 6, jurisdiction_use_dnis: 'LRN', paid: 'No',
        host_routing_strategy: 'top-down', ring_timeout: 60, rpid_screen: 'None', auth_type: 'Authorized by Host Only',
        cps_limit: 5, max_duration: 7200, priv: 'No', rpid_party: 'None', rpid_privacy: 'None', media_type: 'Proxy Media', div: 'No',
    };
}
export const appOf = (res) => {
    const payload = payloadOf(res);
    return isObject(payload) ? payload : undefined;
};
/** BMP characters of 2 and 3 UTF-8 bytes: one code point and one UTF-16 unit each (E26). */
export const MULTIBYTE = { twoBytes: 'é', threeBytes: '中' };
//# sourceMappingURL=support.js.map