/**
 * class4_egress_trunk_settings: the server's own description of the object
 * (enums from opentact-notes.md), its defaults, and its validation.
 */
import { ApiError, isPlainObject } from './util.ts';

export const TRUNK_ENUMS: Record<string, readonly string[]> = {
  rpid_id_type: ['None', 'Subscriber', 'User', 'Term', 'Proxy'],
  rpid: ['Never', 'Pass Through', 'Always'],
  cli_type: ['white', 'white non cli', 'gray'],
  pci: ['Yes', 'No'],
  oli: ['Yes', 'No'],
  paid: ['Yes', 'No'],
  priv: ['Yes', 'No'],
  div: ['Yes', 'No'],
  billing_method: ['by minutes', 'by port'],
  rate_rounding: ['Up', 'Down'],
  us_other: ['other', 'intra', 'inter', 'highest'],
  media_type: ['Bypass Media', 'Proxy Media + Transcoding', 'Proxy Media'],
  bypass_media: ['Bypass Media', 'Proxy Media + Transcoding', 'Proxy Media'],
  trunk_type2: ['Termination Traffic', 'DID Traffic'],
  pass_through: ['transparent', 'not pass through the ban'],
  min_profit_type: ['percentage', 'value'],
  service_type: ['Self Service', 'Standand Deck'],
  jurisdiction_use_dnis: ['LRN', 'DNIS'],
  host_routing_strategy: ['top-down', 'round-robin'],
  rpid_screen: ['None', 'No', 'Yes', 'Proxy'],
  auth_type: ['Authorized by Host Only', 'Authorized by SIP Registration', 'Register to gateway'],
  rpid_party: ['None', 'Calling', 'Called', 'Proxy'],
  rpid_privacy: ['None', 'Full', 'Name', 'Url', 'OFF', 'Ipaddr', 'Proxy'],
};

/** Values a newer server knows (as the readings newer-enum-values shows them in answers). */
const NEWER_VALUES: Record<string, readonly string[]> = {
  media_type: ['Proxy Media + SRTP'], bypass_media: ['Proxy Media + SRTP'], min_profit_type: ['markup'], rpid_id_type: ['PAI'],
  service_type: ['Wholesale'], auth_type: ['Authorized by Token'], billing_method: ['by second'],
};

const NUMBERS = [
  'pdd', 'call_limit', 'ani_cap_limit', 'min_profit_value', 'media_timeout', 'dnis_cap_limit', 'min_duration',
  'dnis_cps_limit', 'amount_per_port', 'ring_timeout', 'pass_lrn', 'ani_cps_limit', 'cps_limit', 'max_duration',
  'rate_table_id', 'transaction_fee_id',
];
const BOOLEANS = [
  'ignore_early_media', 'is_active', 't38', 'ignore_early_no_sdp', 'enfource_cid', 'rate_use_rpid', 'ignore_ring',
  'enable_global_404_blocking', 'display_name',
];
const STRINGS = ['name', 'account_id'];
const ARRAYS_OF_STRINGS = ['codecs', 'codes'];
const ARRAYS_OF_OBJECTS = ['reg_gateway', 'reg_user', 'ip', 'prefixes'];

/** What a trunk created without settings looks like. */
export const TRUNK_DEFAULTS: Readonly<Record<string, unknown>> = Object.freeze({
  name: '',
  rpid_id_type: 'None',
  pdd: 6000,
  rpid: 'Never',
  ignore_early_media: false,
  cli_type: 'white',
  pci: 'No',
  call_limit: 0,
  is_active: true,
  t38: false,
  billing_method: 'by minutes',
  ani_cap_limit: 0,
  min_profit_value: 0,
  rate_rounding: 'Up',
  account_id: '',
  ignore_early_no_sdp: false,
  enfource_cid: false,
  oli: 'No',
  codecs: [],
  media_timeout: 0,
  us_other: 'other',
  bypass_media: 'Bypass Media',
  trunk_type2: 'Termination Traffic',
  reg_gateway: [],
  pass_through: 'transparent',
  dnis_cap_limit: 0,
  min_duration: 0,
  min_profit_type: 'percentage',
  dnis_cps_limit: 0,
  reg_user: [],
  service_type: 'Self Service',
  amount_per_port: 0,
  rate_decimal: '6',
  jurisdiction_use_dnis: 'LRN',
  paid: 'No',
  host_routing_strategy: 'top-down',
  rate_use_rpid: false,
  ring_timeout: 60,
  ignore_ring: false,
  enable_global_404_blocking: false,
  pass_lrn: 0,
  rpid_screen: 'None',
  auth_type: 'Authorized by Host Only',
  ip: [],
  ani_cps_limit: 0,
  cps_limit: 0,
  max_duration: 0,
  rate_table_id: 0,
  priv: 'No',
  rpid_party: 'None',
  rpid_privacy: 'None',
  transaction_fee_id: 0,
  codes: [],
  media_type: 'Bypass Media',
  div: 'No',
  prefixes: [],
  display_name: false,
});

const F = 'class4_egress_trunk_settings';

/**
 * How a server reads the settings object, where the page states no rule inside it (ERRATA E77):
 * the reference checks the 2021 types and enums; readings store it opaquely, coerce strings, or
 * take a wider list of values.
 */
export interface TrunkReading {
  /** Check the types at all (enums are always checked unless opaque). */
  typesChecked?: boolean;
  /** Any JSON object is stored exactly as sent (a switch validates it later). */
  opaque?: boolean;
  /** Strings are coerced first: "0" → 0 for numbers, "true"/"false" → booleans. */
  coerce?: boolean;
  /** The values each enum takes (default TRUNK_ENUMS). */
  enums?: Readonly<Record<string, readonly string[]>>;
}

/** A newer, wider list: every 2021 value, also in lower case, and values OpenTact added since (E71). */
export const WIDER_TRUNK_ENUMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(TRUNK_ENUMS).map(([key, values]) => [
  key, [...new Set([...values, ...values.map((v) => v.toLowerCase()), ...(NEWER_VALUES[key] ?? [])])],
]));

function coerced(key: string, v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (NUMBERS.includes(key) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (BOOLEANS.includes(key) && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

/**
 * Validate the settings object a client sent and return what to store (rate_decimal
 * normalised to a numeric string, E04). Unknown keys are ignored, like top-level ones.
 */
export function validateTrunkSettings(value: unknown, reading: TrunkReading = {}): Record<string, unknown> {
  if (!isPlainObject(value)) throw new ApiError(400, `${F} must be an object`);
  if (reading.opaque) return structuredClone(value);
  const { typesChecked = true, enums = TRUNK_ENUMS } = reading;
  const out: Record<string, unknown> = {};
  for (const [key, sent] of Object.entries(value)) {
    const v = reading.coerce ? coerced(key, sent) : sent;
    if (key in enums) {
      if (typeof v !== 'string' || !enums[key].includes(v)) {
        throw new ApiError(400, `${F}.${key} must be one of: ${enums[key].join(', ')}`);
      }
    } else if (!typesChecked && !ARRAYS_OF_OBJECTS.includes(key)) {
      // a server that checks enums only: anything else is stored as sent
    } else if (NUMBERS.includes(key)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ApiError(400, `${F}.${key} must be a number`);
    } else if (BOOLEANS.includes(key)) {
      if (typeof v !== 'boolean') throw new ApiError(400, `${F}.${key} must be a boolean`);
    } else if (STRINGS.includes(key)) {
      if (typeof v !== 'string') throw new ApiError(400, `${F}.${key} must be a string`);
    } else if (ARRAYS_OF_STRINGS.includes(key)) {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new ApiError(400, `${F}.${key} must be an array of strings`);
    } else if (ARRAYS_OF_OBJECTS.includes(key)) {
      if (!Array.isArray(v) || !v.every(isPlainObject)) throw new ApiError(400, `${F}.${key} must be an array of objects`);
      if (key === 'ip') {
        for (const ip of v as Record<string, unknown>[]) {
          if (ip.addr_type !== undefined && ip.addr_type !== 'ip' && ip.addr_type !== 'host') {
            throw new ApiError(400, `${F}.ip[].addr_type must be one of: ip, host`);
          }
        }
      }
    } else if (key === 'rate_decimal') {
      if (typeof v === 'number' && Number.isFinite(v)) {
        out[key] = String(v);
        continue;
      }
      if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) {
        out[key] = v;
        continue;
      }
      throw new ApiError(400, `${F}.rate_decimal must be a number`);
    } else {
      continue; // unknown key: ignored
    }
    out[key] = structuredClone(v);
  }
  return out;
}

/** What a client reads back: defaults, overlaid with what was stored. */
export function renderTrunkSettings(stored: Record<string, unknown>, appName: string, defaults: Readonly<Record<string, unknown>> = TRUNK_DEFAULTS): Record<string, unknown> {
  return { ...structuredClone(defaults), name: appName, ...structuredClone(stored) };
}
