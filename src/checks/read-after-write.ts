import { isObject, preview } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';

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

export function appMatchesSent(app: unknown, sent: SentApp, where: string, options: CompareOptions = {}): Verdict {
  if (!isObject(app)) return fail(`${where}: no app object to compare`, 'the app', preview(app));
  const diffs: string[] = [];
  for (const key of ['name', 'subdomain', 'is_active'] as const) {
    if (sent[key] !== undefined && app[key] !== sent[key]) diffs.push(`${key}: sent ${preview(sent[key], 60)}, got ${preview(app[key], 60)}`);
  }
  if (sent.outbound_voice_profile !== undefined) {
    const ovp = app.outbound_voice_profile;
    const got = typeof ovp === 'string' ? ovp : isObject(ovp) ? ovp.uuid : undefined;
    // A relation may come back unexpanded ({} or null, E15); only a uuid that differs is a contradiction.
    if (got !== undefined && got !== sent.outbound_voice_profile) diffs.push(`outbound_voice_profile: sent ${sent.outbound_voice_profile}, got ${preview(got, 60)}`);
  }
  const settings = app.class4_egress_trunk_settings;
  const unexpanded = !isObject(settings) || Object.keys(settings).length === 0;
  if (sent.class4_egress_trunk_settings && !(options.answer && unexpanded)) diffs.push(...trunkDiffs(sent.class4_egress_trunk_settings, settings));
  if (diffs.length === 0) return pass();
  return fail(`${where} differs from what was sent`, 'the values sent', diffs.slice(0, 6).join('; '));
}

/** Trunk settings: every sent key that comes back must hold the sent value (rate_decimal compared as a number, E04). */
function trunkDiffs(sent: Record<string, unknown>, got: unknown): string[] {
  if (!isObject(got) || Object.keys(got).length === 0) return ['class4_egress_trunk_settings: sent settings, got none'];
  const diffs: string[] = [];
  for (const [key, value] of Object.entries(sent)) {
    if (!(key in got)) continue; // absent keys are the advisory documented-fields' business
    if (!sameValue(value, got[key], key)) diffs.push(`class4_egress_trunk_settings.${key}: sent ${preview(value, 40)}, got ${preview(got[key], 40)}`);
  }
  return diffs;
}

function sameValue(sent: unknown, got: unknown, key: string): boolean {
  if (key === 'rate_decimal' || typeof sent === 'number') {
    if (typeof got === 'string' && got.trim() !== '' && Number(got) === Number(sent)) return true;
  }
  return JSON.stringify(sent) === JSON.stringify(got);
}

/** Fields the page's examples show for every app (GetSIPControlAppByUUID 200), so a client may expect them. */
export const DOCUMENTED_APP_FIELDS = [
  'created_on', 'modified_on', 'uuid', 'name', 'is_active', 'subdomain', 'tnleases', 'class4_egress_trunk_id',
  'class4_egress_trunk_settings', 'class4_egress_resource_ip_id', 'account', 'created_by', 'modified_by', 'outbound_voice_profile',
] as const;

export function documentedAppFields(app: unknown, where: string): Verdict | null {
  if (!isObject(app)) return null;
  const missing = DOCUMENTED_APP_FIELDS.filter((field) => !(field in app));
  if (missing.length === 0) return pass();
  return fail(`${where}: fields the page documents are missing`, DOCUMENTED_APP_FIELDS.join(', '), `missing: ${missing.join(', ')}`);
}
