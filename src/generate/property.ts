/**
 * Runs one fast-check property inside a case: every example in a context of its
 * own (so each is judged by the same named checks as a hand-written case), the
 * run's seed and budget, shrinking on failure, and the shrunk counterexample's
 * evidence — numbered steps and a replay script — adopted by the case.
 */
import fc from 'fast-check';
import { CaseContext, CaseStop } from '../runner/case-context.ts';
import type { CheckOutcome, Exchange } from '../results/model.ts';
import { DEFAULT_BUDGET, describeBudget, propertySeed, share } from '../runner/budget.ts';
import type { SavedExample } from '../runner/examples-file.ts';
import { replayScript, type ReplayStep } from './replay.ts';

export interface PropertyDefinition<T> {
  /** The property, in words: the JUnit testcase and the report name it. */
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Examples tried before the random ones (the boundaries the spec names), so every seed covers them. */
  examples?: T[];
  /** This property's part of the run's generation budget. */
  weight: number;
  /** About how many requests one example sends (turns a request budget into a number of runs). */
  requestsPerExample: number;
  /**
   * Check one example, recording outcomes on `ex` (its own context). Return the steps
   * for a replay (defaults to one step per request).
   */
  check(ex: CaseContext, value: T): Promise<ReplayStep[] | void>;
}

/** What a property leaves behind besides the case's outcomes (tests read it). */
export interface PropertyReport {
  seed: number;
  examples: number;
  requests: number;
  failed: boolean;
  shrinks: number;
  steps?: string[];
  replay?: string;
}

const SHRINK_REQUESTS = 400;

const describeSeed = (seed: number, runSeed: number) => `property seed ${seed} (run --seed ${runSeed})`;

/** The command that runs this property again as the run did: its shaping flags and a --grep that selects exactly it. */
export const rerunCommand = (caseId: string, flags: readonly string[]) =>
  `sipapp-conformance run ${flags.join(' ')} --grep '^${caseId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$'`;

const failedIn = (ex: CaseContext) => ex.outcomes.some((o) => o.status === 'failed');

export async function runProperty<T>(ctx: CaseContext, caseId: string, def: PropertyDefinition<T>): Promise<PropertyReport> {
  const { seed: runSeed, budget, examples: store, rerun } = ctx.env.generation ?? { seed: 0, budget: DEFAULT_BUDGET };
  const seed = propertySeed(runSeed, caseId);
  const allowance = share(budget, def.weight);
  // Exploring spends the allowance; shrinking (only after a failure) may spend as much again plus a
  // fixed SHRINK_REQUESTS, then stops where it is: a short replay is worth a few hundred requests.
  const hardCap = allowance.requests !== undefined ? allowance.requests * 2 + SHRINK_REQUESTS : Number.POSITIVE_INFINITY;
  const numRuns = allowance.requests !== undefined ? Math.max(1, Math.floor(allowance.requests / Math.max(1, def.requestsPerExample))) : 100_000;
  let spent = 0;
  let examples = 0;
  let stop: { ex: CaseContext; reason: CaseStop } | undefined;
  let lastFailure: { ex: CaseContext; steps: ReplayStep[]; value: T } | undefined;
  const passed = new Map<string, CheckOutcome>();
  const warned = new Set<string>();

  const property = fc.asyncProperty(def.arbitrary, async (value) => {
    if (stop || spent >= hardCap) return true;
    if (allowance.requests !== undefined && !lastFailure && spent >= allowance.requests) return true;
    const ex = new CaseContext(ctx.env);
    examples++;
    let steps: ReplayStep[] | void;
    try {
      steps = await def.check(ex, value);
    } catch (error) {
      spent += ex.exchanges.length;
      if (error instanceof CaseStop) {
        // A transport error or a missing fixture: the property cannot be judged; stop generating.
        stop = { ex, reason: error };
        return true;
      }
      throw error;
    }
    spent += ex.exchanges.length;
    if (failedIn(ex)) {
      lastFailure = { ex, value, steps: steps ?? ex.exchanges.map((e, i) => ({ label: `${i + 1}. ${e.purpose}`, exchanges: [e] })) };
      return false;
    }
    for (const o of ex.outcomes) if (o.status === 'passed' && !passed.has(o.check)) passed.set(o.check, { ...o, exchange: undefined });
    // The first warning of each advisory check is kept with its evidence.
    const fresh = ex.outcomes.filter((o) => o.status === 'warning' && !warned.has(o.check));
    if (fresh.length) {
      fresh.forEach((o) => warned.add(o.check));
      ctx.adopt(ex, fresh);
    }
    return true;
  });

  const fixedExamples = def.examples?.map((e) => [e] as [T]);

  // Failures saved by earlier runs against this target come first, each regenerated from where
  // fast-check drew it and shrunk again (src/runner/examples-file.ts says why not the value itself).
  // One that still fails is this run's finding: nothing new is explored. One that passes is dropped.
  // Their requests do not count against the allowance, so what follows is what a run without them sends.
  let replayed: { example: SavedExample; details: fc.RunDetails<[T]> } | undefined;
  let replayedPassing = 0;
  for (const example of store?.forCase(caseId, ctx.env.strict) ?? []) {
    const d = await fc.check(property, { seed: example.seed, path: String(example.index), numRuns: 1, examples: example.withExamples ? fixedExamples : undefined });
    if (d.failed || stop) {
      replayed = { example, details: d };
      break;
    }
    store!.passed(example);
    replayedPassing++;
  }
  const replaySpent = spent;
  const replayExamples = examples;
  spent = 0;
  examples = 0;

  // A request budget is spent in rounds: the first sizes itself by the estimate, the next ones by
  // what examples really cost, until the allowance is used (each round its own seed, derived from
  // the property's, so the whole run replays). A time budget is one round that fast-check interrupts.
  let round = 0;
  let details = replayed?.details;
  if (!details) {
    details = await fc.check(property, {
      seed,
      numRuns,
      examples: fixedExamples,
      interruptAfterTimeLimit: allowance.ms,
      markInterruptAsFailure: false,
    });
    while (allowance.requests !== undefined && !details.failed && !stop && round < 7) {
      const left = allowance.requests - spent;
      const perExample = spent / Math.max(1, examples);
      if (left < Math.max(1, perExample)) break;
      round++;
      details = await fc.check(property, { seed: seed + round, numRuns: Math.max(1, Math.floor(left / Math.max(1, perExample))) });
    }
  }

  // Passing evidence: one pass per check, without the exchanges (they would drown the report);
  // the first also says how much was tried, from which seed.
  const replayNote = replayedPassing ? `; first replayed ${replayedPassing} saved failing example(s) from the examples file (${replayExamples} examples, ${replaySpent} requests): they pass now and are dropped` : '';
  const tried = `${examples} generated examples, ${spent} requests; ${describeSeed(seed, runSeed)}${replayNote}`;
  ctx.adopt(new CaseContext(ctx.env), [...passed.values()].map((o, i) => (i === 0 ? { ...o, message: `${def.name}: ${tried}` } : o)));
  const report: PropertyReport = { seed, examples, requests: spent, failed: false, shrinks: details.numShrinks };
  const origin = replayed
    ? `replayed from the examples file (found ${replayed.example.foundAt.slice(0, 10)} by a run with --seed ${replayed.example.runSeed}, property seed ${replayed.example.seed}, example ${replayed.example.index})`
    : `property "${def.name}", seed ${seed} (run --seed ${runSeed}), budget ${describeBudget(budget)}`;
  const where = replayed ? `property "${def.name}", ${origin}` : origin;

  if (details.failed && lastFailure) {
    const { ex, steps } = lastFailure;
    const offset = ctx.adopt(ex);
    const failure = ex.outcomes.find((o) => o.status === 'failed');
    if (!replayed && details.counterexamplePath) {
      // Where fast-check drew the first failing example of the round: the examples file replays it first next time.
      store?.failed({
        caseId, strict: ctx.env.strict, seed: seed + round, index: Number(details.counterexamplePath.split(':')[0]), withExamples: round === 0 && Boolean(fixedExamples?.length),
        runSeed, budget: describeBudget(budget), failure: failure ? `${failure.check}: ${failure.message.split('\n')[0]}`.slice(0, 300) : 'failed',
      });
    }
    const script = replayScript(`Replays the shortest failing example of: ${def.name}`, steps, [
      `${where}; ${details.numRuns} examples, shrunk ${details.numShrinks} times.`,
      `The same run again: ${rerunCommand(caseId, rerun ?? ['--seed', String(runSeed), '--budget', describeBudget(budget).replace(' requests', '')])} (same target, same fixtures).`,
    ]);
    // The first failing outcome carries the property, the seed, the numbered steps and the whole replay as its curl.
    const first = ctx.outcomes.findIndex((o, i) => i >= ctx.outcomes.length - ex.outcomes.length && o.status === 'failed');
    if (first >= 0) {
      const o = ctx.outcomes[first];
      const evidence: Exchange = { ...(ctx.exchanges[o.exchange ?? offset] ?? ctx.exchanges[offset]), purpose: `replay of the shrunk failure (${steps.length} steps)`, curl: script };
      ctx.exchanges.push(evidence);
      ctx.outcomes[first] = {
        ...o,
        message: `${o.message} — ${where}; shrunk to ${steps.length} step(s):\n${steps.map((s) => s.label).join('\n')}`,
        exchange: ctx.exchanges.length - 1,
      };
    }
    Object.assign(report, { failed: true, steps: steps.map((s) => s.label), replay: script });
  } else if (details.failed && details.errorInstance) {
    // The property itself threw (a bug of ours, not the server's): the case errors with the reason.
    throw new CaseStop('error', `${where}: ${String(details.errorInstance).slice(0, 300)}`);
  }
  if (stop) {
    ctx.adopt(stop.ex);
    throw stop.reason;
  }
  return report;
}
