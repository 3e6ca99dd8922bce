/**
 * The options that shape what a run sends and how it judges the answers,
 * besides which cases it runs: the embedded server's fault, the seed and the
 * budget of generation, strictness, read-only (it changes the generated
 * cases' shares), the per-answer checks left out, the request timeout (a slow
 * answer is an error or not). One list, three users: the results bundle
 * records them (info.options, info.generation), `replay` takes them from the
 * bundle, and every printed rerun hint carries them, so a hint reproduces.
 */
import { DEFAULT_RUN_OPTIONS, type RunOptions } from './options.ts';
import { describeBudget, parseBudget, type Budget } from './budget.ts';

export interface Shaping {
  fault?: string;
  seed: number;
  budget: Budget;
  strict: boolean;
  readOnly: boolean;
  excludeCheck?: string[];
  timeout: number;
}

/** Each shaping option's flag (what a user types to override it). */
export const SHAPING_FLAGS: Record<keyof Shaping, string> = {
  fault: 'fault', seed: 'seed', budget: 'budget', strict: 'strict', readOnly: 'read-only', excludeCheck: 'exclude-check', timeout: 'timeout',
};

/** The run options' shaping part, with the seed the run resolved (a default or drawn seed is not in the options). */
export function shapingOf(options: RunOptions, seed: number): Shaping {
  return { fault: options.fault, seed, budget: options.budget, strict: options.strict, readOnly: options.readOnly, excludeCheck: options.excludeCheck, timeout: options.timeout };
}

/** The same from a results bundle's info; fields an older bundle lacks are left out (the caller's options stand). */
export function shapingOfBundle(info: { options?: Record<string, unknown>; generation?: { seed?: unknown; budget?: unknown } }): Partial<Shaping> {
  const o = info.options ?? {};
  const found: Partial<Shaping> = {};
  if (typeof o.fault === 'string' && o.fault) found.fault = o.fault;
  if (typeof info.generation?.seed === 'number') found.seed = info.generation.seed;
  const budget = typeof info.generation?.budget === 'string' ? parseBudget(info.generation.budget.replace(/ requests$/, '')) : undefined;
  if (budget) found.budget = budget;
  if (typeof o.strict === 'boolean') found.strict = o.strict;
  if (typeof o.readOnly === 'boolean') found.readOnly = o.readOnly;
  if (Array.isArray(o.excludeCheck) && o.excludeCheck.every((c) => typeof c === 'string')) found.excludeCheck = o.excludeCheck as string[];
  if (typeof o.timeout === 'number') found.timeout = o.timeout;
  return found;
}

const quote = (s: string) => (/^[\w.:/@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The flags that give another run the same shape: seed and budget always (a hint without the budget
 * explores a different number of examples), the rest when they differ from the default.
 */
export function shapingFlags(s: Partial<Shaping>): string[] {
  const D = DEFAULT_RUN_OPTIONS;
  const flags: string[] = [];
  if (s.fault) flags.push('--fault', quote(s.fault));
  if (s.seed !== undefined) flags.push('--seed', String(s.seed));
  if (s.budget) flags.push('--budget', describeBudget(s.budget).replace(' requests', ''));
  if (s.strict) flags.push('--strict');
  if (s.readOnly) flags.push('--read-only');
  for (const check of s.excludeCheck ?? []) flags.push('--exclude-check', quote(check));
  if (s.timeout !== undefined && s.timeout !== D.timeout) flags.push('--timeout', String(s.timeout));
  return flags;
}
