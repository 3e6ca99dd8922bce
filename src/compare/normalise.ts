/**
 * Normalisation: one side's exchanges of one case turned into aspects that can
 * be compared with the other side's. What differs by nature between two
 * targets (uuids, the run's prefixes, each account's fixtures, clock readings,
 * account-specific texts) becomes a symbol or a kind; what a client sent or
 * can predict stays a value.
 *
 * - uuids → `app#1`, `lease#2`, `ovp#1`, `call#1`, `uuid#3` in order of first
 *   appearance in the case (the fixtures are named by what they are); an
 *   upper-cased or dash-less spelling keeps its symbol with `:upper`/`:nodash`;
 * - every string or number the case sent → `sent#n` (names carry the run id,
 *   so this also strips the run's prefixes);
 * - timestamps → their form (`<time:datetime-Z>`), and created_on/modified_on → their order;
 * - other strings and numbers → their type only: an account's name or a lease's
 *   number is the account's, not the implementation's (the envelope's `status`,
 *   which must equal the HTTP status, is kept);
 * - lists of objects with a uuid → keyed by symbol, with membership and order as
 *   aspects; in an app list, apps the case never named (other cases') are left out.
 */
import type { Exchange } from '../results/model.ts';

/** The fixtures of one side, named by role in the symbols. */
export interface SideFixtures {
  tnleases: readonly string[];
  outboundVoiceProfile?: string;
  callUuid?: string;
}

export interface NormalisedExchange {
  purpose: string;
  /** The purpose without run ids and uuids, numbered when it repeats in the case: the pairing key. */
  key: string;
  operation?: string;
  /** The request after normalisation: two sides sent the same request when these are equal. */
  request: string;
  /** Aspect path → normalised value. */
  aspects: Map<string, string>;
}

// Uuids, with the malformed spellings the suites send (no dashes, a digit short or long) kept as symbols of their own.
const UUID_IN_TEXT = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{10,14}\b|\b[0-9a-fA-F]{32}\b/g;
const WHOLE_UUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})$/;
const TIME = /^(\d{4}-\d{2}-\d{2})(?:([T ])(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** The value of an aspect a side does not have (a field not there, a header not sent). */
export const ABSENT_VALUE = 'absent';
const ABSENT = ABSENT_VALUE;
const RUN_ID = /sct-\d{14}-[0-9a-f]{6}/g;

/** A timestamp's form: `date`, `datetime-Z`, `datetime-frac3-offset`, `datetime-space-naive` … */
export function timeForm(text: string): string | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  if (!m[2]) return 'date';
  const parts = ['datetime'];
  if (m[2] === ' ') parts.push('space');
  if (m[4]) parts.push(`frac${m[4].length - 1}`);
  parts.push(m[5] === undefined ? 'naive' : m[5] === 'Z' ? 'Z' : 'offset');
  return parts.join('-');
}

/** The symbols of one case on one side. */
class CaseSymbols {
  private readonly uuids = new Map<string, string>();
  private readonly sent = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly fixtures: SideFixtures) {}

  private next(kind: string): string {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    return `${kind}#${n}`;
  }

  private kindOf(key: string, fallback: string): string {
    const same = (u?: string) => u !== undefined && u.toLowerCase().replace(/-/g, '') === key;
    if (this.fixtures.tnleases.some(same)) return 'lease';
    if (same(this.fixtures.outboundVoiceProfile)) return 'ovp';
    if (same(this.fixtures.callUuid)) return 'call';
    return fallback;
  }

  /** The symbol of a uuid; unknown ones get a new symbol only when `register` names their kind. */
  uuid(raw: string, register?: string): string | undefined {
    const key = raw.toLowerCase().replace(/-/g, '');
    let symbol = this.uuids.get(key);
    if (!symbol) {
      if (!register) return undefined;
      symbol = this.next(this.kindOf(key, register));
      this.uuids.set(key, symbol);
    }
    const spelling = raw !== raw.toLowerCase() ? ':upper' : !raw.includes('-') ? ':nodash' : raw.length !== 36 ? `:length${raw.length}` : '';
    return symbol + spelling;
  }

  known(raw: string): boolean {
    return this.uuids.has(raw.toLowerCase().replace(/-/g, ''));
  }

  /** Remember a value the client sent. */
  remember(value: string | number): string {
    const key = `${typeof value}:${value}`;
    let symbol = this.sent.get(key);
    if (!symbol) {
      symbol = this.next('sent');
      this.sent.set(key, symbol);
    }
    return symbol;
  }

  sentSymbol(value: string | number): string | undefined {
    return this.sent.get(`${typeof value}:${value}`);
  }

  /** Text with every uuid in it replaced by its symbol (registering new ones). */
  text(text: string): string {
    return text.replace(UUID_IN_TEXT, (u) => this.uuid(u, 'uuid')!);
  }
}

/** Normalise the exchanges of one case on one side, in order (symbols carry from one exchange to the next). */
export function normaliseCase(transcript: readonly Exchange[], baseUrl: string, fixtures: SideFixtures): NormalisedExchange[] {
  const symbols = new CaseSymbols(fixtures);
  const seen = new Map<string, number>();
  return transcript.map((e) => {
    const purpose = e.purpose.replace(RUN_ID, '<run>').replace(UUID_IN_TEXT, '<uuid>');
    const n = (seen.get(purpose) ?? 0) + 1;
    seen.set(purpose, n);
    return { ...normaliseExchange(e, baseUrl, symbols), key: `${purpose} #${n}` };
  });
}

function normaliseExchange(e: Exchange, baseUrl: string, symbols: CaseSymbols): Omit<NormalisedExchange, 'key'> {
  const path = e.request.url.startsWith(baseUrl) ? e.request.url.slice(baseUrl.length) : e.request.url;
  const request = `${e.request.method} ${symbols.text(path)} ${normaliseRequestBody(e.request.body, symbols)}`;
  const aspects = new Map<string, string>();
  if (e.transportError !== undefined || !e.response) {
    aspects.set('transport', 'error');
    return { purpose: e.purpose, operation: e.operation, request, aspects };
  }
  const res = e.response;
  aspects.set('status', String(res.status));
  const header = (name: string) => Object.entries(res.headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const contentType = header('content-type');
  aspects.set('header:content-type', contentType === undefined ? ABSENT : contentType.toLowerCase().replace(/\s+/g, ''));
  if (header('retry-after') !== undefined) aspects.set('header:retry-after', 'present');
  const location = header('location');
  if (location !== undefined) aspects.set('header:location', symbols.text(location.startsWith(baseUrl) ? location.slice(baseUrl.length) : location));
  const text = res.fullBody ?? res.bodyExcerpt;
  if (text.trim() === '') {
    aspects.set('body', 'empty');
  } else if (res.bodyTruncated && res.fullBody === undefined) {
    // Fields of a cut JSON text cannot be compared; that it was long is what is known.
    aspects.set('body', 'long');
  } else {
    let json: unknown;
    let parsed = true;
    try {
      json = JSON.parse(text);
    } catch {
      parsed = false;
    }
    aspects.set('body', parsed ? 'json' : 'text');
    if (parsed) {
      const appList = e.operation === 'ListSIPControlApps' && res.status < 300;
      const created = e.operation === 'CreateSIPControlApp' && res.status < 300;
      walk(json, '$', { symbols, aspects, appList, created });
    }
  }
  return { purpose: e.purpose, operation: e.operation, request, aspects };
}

function normaliseRequestBody(body: string | undefined, symbols: CaseSymbols): string {
  if (body === undefined) return '';
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // Raw bodies (XML, malformed JSON, multipart) are the same bytes on both sides but for the run's prefix.
    return `raw:${symbols.text(body).length}`;
  }
  const sent = (v: unknown): unknown => {
    if (typeof v === 'string') return WHOLE_UUID.test(v) ? symbols.uuid(v, 'uuid') : symbols.remember(v);
    if (typeof v === 'number') return symbols.remember(v);
    if (Array.isArray(v)) return v.map(sent);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sent((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sent(json));
}

interface WalkState {
  symbols: CaseSymbols;
  aspects: Map<string, string>;
  appList: boolean;
  created: boolean;
}

function scalar(value: unknown, path: string, s: WalkState): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `boolean:${value}`;
  if (typeof value === 'number') {
    if (path === '$.status') return `number:${value}`;
    const symbol = s.symbols.sentSymbol(value);
    return symbol ? `number:${symbol}` : 'number';
  }
  if (typeof value === 'string') {
    if (WHOLE_UUID.test(value)) {
      // A create answer's own uuid is the app the case now owns.
      const register = s.created && path === '$.payload.uuid' ? 'app' : undefined;
      return `string:${s.symbols.uuid(value, register) ?? 'uuid'}`;
    }
    const symbol = s.symbols.sentSymbol(value);
    if (symbol) return `string:${symbol}`;
    const form = timeForm(value);
    return form ? `string:<time:${form}>` : 'string';
  }
  return typeof value;
}

function walk(value: unknown, path: string, s: WalkState): void {
  if (Array.isArray(value)) {
    s.aspects.set(path, 'array');
    walkArray(value, path, s);
    return;
  }
  if (value !== null && typeof value === 'object') {
    s.aspects.set(path, 'object');
    const obj = value as Record<string, unknown>;
    // Sorted: two implementations may order keys differently, and symbols follow first appearance.
    for (const key of Object.keys(obj).sort()) walk(obj[key], `${path}.${key}`, s);
    timeOrder(obj, path, s);
    return;
  }
  s.aspects.set(path, scalar(value, path, s));
}

function walkArray(items: unknown[], path: string, s: WalkState): void {
  const uuidOf = (item: unknown) => (item && typeof item === 'object' && !Array.isArray(item) && typeof (item as { uuid?: unknown }).uuid === 'string' ? (item as { uuid: string }).uuid : undefined);
  if (items.length > 0 && items.every((i) => uuidOf(i) !== undefined)) {
    // In an app list, other cases' apps come and go with the schedule: only the case's own are compared.
    const kept = s.appList && path === '$.payload' ? items.filter((i) => s.symbols.known(uuidOf(i)!)) : items;
    const keys = kept.map((i, n) => s.symbols.uuid(uuidOf(i)!) ?? `?${n}`);
    s.aspects.set(`${path}{members}`, `[${[...keys].sort().join(',')}]`);
    if (keys.length > 1) s.aspects.set(`${path}{order}`, keys.join(','));
    kept.forEach((item, n) => walk(item, `${path}[${keys[n]}]`, s));
    return;
  }
  if (items.every((i) => i === null || typeof i !== 'object')) {
    const values = items.map((i, n) => scalar(i, `${path}[${n}]`, s));
    s.aspects.set(`${path}{members}`, `[${[...values].sort().join(',')}]`);
    if (values.length > 1) s.aspects.set(`${path}{order}`, values.join(','));
    return;
  }
  s.aspects.set(`${path}{length}`, String(items.length));
  items.forEach((item, n) => walk(item, `${path}[${n}]`, s));
}

/**
 * created_on against modified_on: the ordering survives normalisation, the readings do not.
 * Only "modified before created" is a finding: whether a modify lands in the same second
 * as the create is the clock's business, not the implementation's.
 */
function timeOrder(obj: Record<string, unknown>, path: string, s: WalkState): void {
  const created = typeof obj.created_on === 'string' ? Date.parse(obj.created_on) : NaN;
  const modified = typeof obj.modified_on === 'string' ? Date.parse(obj.modified_on) : NaN;
  if (Number.isNaN(created) || Number.isNaN(modified)) return;
  // Whole seconds: one implementation stores milliseconds, another does not (E62).
  const ordered = Math.floor(modified / 1000) >= Math.floor(created / 1000);
  s.aspects.set(`${path}{created_on vs modified_on}`, ordered ? 'in order' : 'modified before created');
}

