/**
 * How much generation a run may do: `--budget N` (requests) or `--budget Ns`
 * (seconds), shared out among the generated properties by weight. The default
 * is small, so `npm start` stays quick; nightly runs raise it.
 */
export interface Budget {
  /** Requests all generated properties together may send (shrinking included). */
  requests?: number;
  /** Seconds they may take together (shrinking included). */
  seconds?: number;
}

/** Sized so the model-based cases' coverage walk (about 40–60 requests each) covers every transition, with room for random sequences. */
export const DEFAULT_BUDGET: Budget = { requests: 400 };

/** `300` → 300 requests; `45s` → 45 seconds. Returns undefined for anything else. */
export function parseBudget(text: string | number): Budget | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|seconds|r|requests)?\s*$/i.exec(String(text));
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!(n > 0)) return undefined;
  return m[2] && /^s/i.test(m[2]) ? { seconds: n } : { requests: Math.floor(n) };
}

export function describeBudget(b: Budget): string {
  return b.seconds !== undefined ? `${b.seconds}s` : `${b.requests} requests`;
}

/** A property's part of the budget. */
export interface Allowance {
  /** Requests for exploring (undefined: limited by time instead). */
  requests?: number;
  /** Milliseconds for exploring and shrinking together. */
  ms?: number;
}

/**
 * A request budget is shared by weight. A time budget is wall-clock time: the properties run side
 * by side (like every case), so each may use all of it and the generated cases end about then.
 */
export function share(b: Budget, weight: number): Allowance {
  return {
    requests: b.requests !== undefined ? Math.max(4, Math.round(b.requests * weight)) : undefined,
    ms: b.seconds !== undefined ? Math.round(b.seconds * 1000) : undefined,
  };
}

/** A 32-bit seed for one property, from the run's seed and the case id (each property replays on its own). */
export function propertySeed(runSeed: number, caseId: string): number {
  let h = 2166136261 ^ runSeed;
  for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), 16777619);
  return h | 0;
}

/**
 * The seed of a run without `--seed`: fixed, so a given version of the tool sends the same requests to
 * the same target every time (same inputs, same verdict — a release gate must not flip on its own).
 * It is the kill matrix's seed, so the catalogue is proven at exactly what a default run sends.
 * `--seed random` explores instead; its failures go to the examples file (src/runner/examples-file.ts).
 */
export const DEFAULT_SEED = 20261203;

/** `--seed random`: the word that asks for a seed drawn at random (printed, so the run still replays). */
export const RANDOM_SEED = 'random';

/** What `--seed` may be: an integer, or `random`. */
export type SeedChoice = number | typeof RANDOM_SEED;

export const SEED_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;

/** `--seed` as typed (flag, SIPAPP_SEED, config file): an int32 or `random`; undefined for anything else. */
export function parseSeed(value: unknown): SeedChoice | undefined {
  if (typeof value === 'string' && value.trim().toLowerCase() === RANDOM_SEED) return RANDOM_SEED;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= SEED_RANGE.min && n <= SEED_RANGE.max ? n : undefined;
}

/** The run's seed and where it came from (a drawn one is announced, so it can be given back with --seed). */
export function resolveSeed(choice: SeedChoice | undefined, draw: () => number = newSeed): { seed: number; source: 'default' | 'given' | 'random' } {
  if (choice === RANDOM_SEED) return { seed: draw(), source: 'random' };
  return choice === undefined ? { seed: DEFAULT_SEED, source: 'default' } : { seed: choice, source: 'given' };
}

export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
