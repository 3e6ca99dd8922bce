/**
 * Bench: validate a ListSIPControlApps 200 body of 10,000 apps.
 * Run: npx tsx bench/validate-list.ts [apps=10000] [iterations=15]
 * Prints the median (after warm-up) of (a) JSON.parse of the serialized body and
 * (b) validateResponse('ListSIPControlApps', 200, parsed).
 */
import { performance } from 'node:perf_hooks';
import { fillPlaceholderUuids, readStoredExample } from '../src/spec/page-examples.ts';
import { validateResponse } from '../src/spec/validators.ts';

const apps = Number(process.argv[2] ?? 10_000);
const iterations = Number(process.argv[3] ?? 15);
const warmup = 3;

function uuid(n: number, salt: number): string {
  const hex = (n * 7919 + salt).toString(16).padStart(12, '0').slice(-12);
  return `${(salt * 2654435761 >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

/** The page's list example item, uuids filled, varied per app. */
const template = fillPlaceholderUuids(
  (readStoredExample('responses/ListSIPControlApps.200.json') as { payload: Record<string, unknown>[] }).payload[0]!,
);

function makeApp(i: number): Record<string, unknown> {
  const app = structuredClone(template) as Record<string, any>;
  app.uuid = uuid(i, 1);
  app.name = `app ${i}`;
  app.subdomain = `app-${i}`;
  app.is_active = i % 3 !== 0;
  app.created_on = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  app.modified_on = app.created_on;
  app.account.uuid = uuid(1, 2);
  app.created_by.uuid = uuid(2, 3);
  app.modified_by.uuid = uuid(2, 3);
  app.outbound_voice_profile.uuid = uuid(i % 10, 4);
  app.class4_egress_trunk_id = 1000 + i;
  return app;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const body = { success: true, payload: Array.from({ length: apps }, (_, i) => makeApp(i)) };
const bytes = Buffer.from(JSON.stringify(body));

// sanity: the body is valid (also compiles the validators, outside the timings)
const first = validateResponse('ListSIPControlApps', 200, JSON.parse(bytes.toString('utf8')));
if (!first.documented || first.errors.length > 0) {
  console.error('bench body does not validate:', first.errors.slice(0, 5));
  process.exit(1);
}

const parseTimes: number[] = [];
const validateTimes: number[] = [];
for (let i = 0; i < warmup + iterations; i++) {
  const t0 = performance.now();
  const parsed = JSON.parse(bytes.toString('utf8'));
  const t1 = performance.now();
  const verdict = validateResponse('ListSIPControlApps', 200, parsed);
  const t2 = performance.now();
  if (verdict.errors.length > 0) throw new Error('unexpected errors');
  if (i >= warmup) {
    parseTimes.push(t1 - t0);
    validateTimes.push(t2 - t1);
  }
}

console.log(`ListSIPControlApps 200: ${apps} apps, ${(bytes.length / 1024 / 1024).toFixed(1)} MiB, median of ${iterations} after ${warmup} warm-up`);
console.log(`JSON.parse        ${median(parseTimes).toFixed(1)} ms`);
console.log(`validateResponse  ${median(validateTimes).toFixed(1)} ms`);
