import type { CheckName } from '../checks/catalogue.ts';
import type { OperationId } from '../spec/operations.ts';
import type { CaseContext } from './case-context.ts';

/** A fixture a case cannot run without; missing ones skip the case with a reason. */
export type Need = 'tokenB' | 'tnlease' | 'twoTnleases' | 'outboundVoiceProfile' | 'callUuid' | 'expiredToken';

/**
 * What a case may change on the target. `--read-only` runs only `none` (GET requests only); `writes` changes only what the run creates;
 * `drives-call` runs only when --call-uuid names a call the user offered.
 */
export type SideEffects = 'none' | 'writes' | 'drives-call';

export interface CaseDefinition {
  /** Stable id, `<suite>.<what>`: reports, --grep and `diff` key on it. */
  id: string;
  title: string;
  suite: string;
  operation: OperationId | 'workflow';
  tags: string[];
  /** The checks this case applies beyond the per-answer ones. */
  checks: CheckName[];
  needs?: Need[];
  sideEffects: SideEffects;
  /** Cases sharing a lock never run at the same time (e.g. the account's leases). */
  lock?: string;
  /**
   * For `lock: 'tnleases'` cases that need no particular number of leases: hold
   * one of the pool (none when the user lent none), a number of them (as many as there are, when fewer)
   * or, by default, all of it.
   */
  leaseShare?: 'one' | 'all' | number;
  /**
   * Needs the account to itself: runs after the parallel cases, alone, so no
   * other case creates or removes apps while it looks (e.g. "the newest app is listed").
   */
  exclusive?: boolean;
  /**
   * A long chain of requests that must follow one another (the generated
   * property cases, whose length grows with --budget): started before the
   * short cases, so the run's critical path begins at once instead of last.
   */
  startFirst?: boolean;
  run(ctx: CaseContext): Promise<void>;
}

export function defineCases(suite: string, cases: Array<Omit<CaseDefinition, 'suite'>>): CaseDefinition[] {
  return cases.map((c) => ({ ...c, suite, id: `${suite}.${c.id}` }));
}
