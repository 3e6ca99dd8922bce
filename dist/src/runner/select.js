import { createHash } from 'node:crypto';
import { RESPONSE_CHECKS } from "../checks/response-checks.js";
const PER_ANSWER = new Set(RESPONSE_CHECKS.map(([name]) => name));
/** The cases a selection names, in definition order. Filters combine with AND; values within one filter with OR. */
export function selectCases(all, sel) {
    const patterns = (sel.grep ?? []).map((g) => new RegExp(g, 'i'));
    return all.filter((c) => (!patterns.length || patterns.some((p) => p.test(`${c.id} ${c.title}`))) &&
        (!sel.suite?.length || sel.suite.includes(c.suite)) &&
        (!sel.tag?.length || sel.tag.some((t) => c.tags.includes(t))) &&
        (!sel.check?.length || sel.check.some((name) => PER_ANSWER.has(name) || c.checks.includes(name))) &&
        (!sel.operation?.length || sel.operation.includes(c.operation)) &&
        // Cases sharing a lock share fixtures (the account's leases, the live call): keep them in one shard,
        // so concurrent shards never move the same lease under each other.
        (!sel.shard || shardOf(shardKey(c), sel.shard.total) === sel.shard.index));
}
/** What decides a case's shard: its lock when it has one, else its id. */
export function shardKey(c) {
    return c.lock ?? c.id;
}
/** Deterministic shard (1-based) by a hash of the case id (or lock): stable as cases are added elsewhere. */
export function shardOf(id, total) {
    const hash = createHash('sha256').update(id).digest().readUInt32BE(0);
    return (hash % total) + 1;
}
/** Why a case cannot run with what the user gave; undefined when it can. */
export function skipReason(c, a) {
    if (a.readOnly && c.sideEffects !== 'none')
        return '--read-only: this case sends requests that could change state';
    const missing = (c.needs ?? []).filter((need) => !has(need, a));
    if (missing.length)
        return `needs ${missing.map(describeNeed).join(' and ')}`;
    return undefined;
}
function has(need, a) {
    switch (need) {
        case 'tokenB': return a.tokenB;
        case 'tnlease': return a.fixtures.tnleases.length >= 1;
        case 'twoTnleases': return a.fixtures.tnleases.length >= 2;
        case 'outboundVoiceProfile': return Boolean(a.fixtures.outboundVoiceProfile);
        case 'callUuid': return Boolean(a.fixtures.callUuid);
        case 'expiredToken': return Boolean(a.fixtures.expiredToken);
    }
}
function describeNeed(need) {
    return {
        tokenB: '--token-b (a second account)',
        tnlease: '--tnlease (a lease the run may assign)',
        twoTnleases: 'two --tnlease values',
        outboundVoiceProfile: '--outbound-voice-profile',
        callUuid: '--call-uuid (a live call the run may drive)',
        expiredToken: '--expired-token',
    }[need];
}
//# sourceMappingURL=select.js.map