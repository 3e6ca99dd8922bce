import { createHash } from 'node:crypto';
import type { CaseDefinition, Need } from './case.ts';
import type { RunFixtures } from './environment.ts';
import { PER_ANSWER_CHECKS } from '../checks/catalogue.ts';

const PER_ANSWER = new Set<string>(PER_ANSWER_CHECKS);

export interface Selection {
  grep?: string[];
  /** Cases that apply one of these named checks (per-answer checks apply in every case). */
  check?: string[];
  suite?: string[];
  tag?: string[];
  operation?: string[];
  shard?: { index: number; total: number };
  /** Exclusions: selected cases that match are reported as skipped, reason "excluded (…)", so a gate shows what it left out. */
  grepInvert?: string[];
  excludeSuite?: string[];
  /** A case applying one of these checks is excluded; a per-answer check is instead not applied (its outcomes are recorded as skipped). */
  excludeCheck?: string[];
}

/**
 * `--grep`/`--grep-invert`: the pattern matches the id, the title, or "id title" (so one pattern may
 * span both). The id alone is a subject of its own so that anchors work on it: `^generated.stateful$`
 * is that one case, as the printed rerun hints write it.
 */
export function grepMatches(pattern: RegExp, c: Pick<CaseDefinition, 'id' | 'title'>): boolean {
  return pattern.test(c.id) || pattern.test(c.title) || pattern.test(`${c.id} ${c.title}`);
}

/** The cases a selection names, in definition order. Filters combine with AND; values within one filter with OR. */
export function selectCases(all: readonly CaseDefinition[], sel: Selection): CaseDefinition[] {
  const patterns = (sel.grep ?? []).map((g) => new RegExp(g, 'i'));
  return all.filter((c) =>
    (!patterns.length || patterns.some((p) => grepMatches(p, c))) &&
    (!sel.suite?.length || sel.suite.includes(c.suite)) &&
    (!sel.tag?.length || sel.tag.some((t) => c.tags.includes(t))) &&
    (!sel.check?.length || sel.check.some((name) => PER_ANSWER.has(name) || (c.checks as string[]).includes(name))) &&
    (!sel.operation?.length || sel.operation.includes(c.operation)) &&
    // Cases sharing a lock share fixtures (the account's leases, the live call): keep them in one shard,
    // so concurrent shards never move the same lease under each other.
    (!sel.shard || shardOf(shardKey(c), sel.shard.total) === sel.shard.index),
  );
}

/**
 * Why a selected case is left out by the user's exclusions (`--grep-invert`,
 * `--exclude-suite`, `--exclude-check`); undefined when it is not. The reason
 * starts with "excluded" so reports and gates can tell it from a missing fixture.
 */
export function exclusionReason(c: CaseDefinition, sel: Selection): string | undefined {
  const pattern = (sel.grepInvert ?? []).find((g) => grepMatches(new RegExp(g, 'i'), c));
  if (pattern !== undefined) return `excluded (--grep-invert ${pattern})`;
  if (sel.excludeSuite?.includes(c.suite)) return `excluded (--exclude-suite ${c.suite})`;
  const check = sel.excludeCheck?.find((name) => !PER_ANSWER.has(name) && (c.checks as string[]).includes(name));
  if (check !== undefined) return `excluded (--exclude-check ${check})`;
  return undefined;
}

/** The per-answer checks the user excluded: not applied to any answer (a case cannot be left out for them, every case applies them). */
export function excludedAnswerChecks(sel: Selection): Set<string> {
  return new Set((sel.excludeCheck ?? []).filter((name) => PER_ANSWER.has(name)));
}

/** What decides a case's shard: its lock when it has one, else its id. */
export function shardKey(c: CaseDefinition): string {
  return c.lock ?? c.id;
}

/** Deterministic shard (1-based) by a hash of the case id (or lock): stable as cases are added elsewhere. */
export function shardOf(id: string, total: number): number {
  const hash = createHash('sha256').update(id).digest().readUInt32BE(0);
  return (hash % total) + 1;
}

export interface Availability {
  tokenB: boolean;
  readOnly: boolean;
  fixtures: RunFixtures;
}

/** Why a case cannot run with what the user gave; undefined when it can. */
export function skipReason(c: CaseDefinition, a: Availability): string | undefined {
  if (a.readOnly && c.sideEffects !== 'none') return '--read-only: this case sends requests that could change state';
  const missing = (c.needs ?? []).filter((need) => !has(need, a));
  if (missing.length) return `needs ${missing.map(describeNeed).join(' and ')}`;
  return undefined;
}

function has(need: Need, a: Availability): boolean {
  switch (need) {
    case 'tokenB': return a.tokenB;
    case 'tnlease': return a.fixtures.tnleases.length >= 1;
    case 'twoTnleases': return a.fixtures.tnleases.length >= 2;
    case 'outboundVoiceProfile': return Boolean(a.fixtures.outboundVoiceProfile);
    case 'callUuid': return Boolean(a.fixtures.callUuid);
    case 'expiredToken': return Boolean(a.fixtures.expiredToken);
  }
}

function describeNeed(need: Need): string {
  return {
    tokenB: '--token-b (a second account)',
    tnlease: '--tnlease (a lease the run may assign)',
    twoTnleases: 'two --tnlease values',
    outboundVoiceProfile: '--outbound-voice-profile',
    callUuid: '--call-uuid (a live call the run may drive)',
    expiredToken: '--expired-token',
  }[need];
}
