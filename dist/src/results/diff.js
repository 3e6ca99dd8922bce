const bad = (status) => status === 'failed' || status === 'error';
function checkStates(c) {
    const states = new Map();
    for (const o of c.checks) {
        const previous = states.get(o.check);
        // A check that failed anywhere in the case counts as failed.
        if (!previous || (o.status === 'failed' && previous.status !== 'failed'))
            states.set(o.check, { status: o.status, message: o.message });
    }
    return states;
}
export function diffRuns(before, after) {
    const old = new Map(before.cases.map((c) => [c.id, c]));
    const now = new Map(after.cases.map((c) => [c.id, c]));
    const diff = { newlyFailing: [], newlyPassing: [], newlySkipped: [], added: [], removed: [] };
    for (const [id, c] of now) {
        const prev = old.get(id);
        if (!prev) {
            diff.added.push(id);
            continue;
        }
        if (c.status === 'skipped' && prev.status !== 'skipped') {
            diff.newlySkipped.push({ caseId: id, before: prev.status, after: c.status, message: c.reason });
            continue;
        }
        if (c.status === 'error' && prev.status !== 'error')
            diff.newlyFailing.push({ caseId: id, before: prev.status, after: 'error', message: c.reason });
        if (prev.status === 'error' && c.status !== 'error' && c.status !== 'skipped')
            diff.newlyPassing.push({ caseId: id, before: 'error', after: c.status });
        const prevChecks = checkStates(prev);
        for (const [check, state] of checkStates(c)) {
            const was = prevChecks.get(check)?.status ?? (prev.status === 'skipped' ? 'skipped' : 'not run');
            if (bad(state.status) && !bad(was))
                diff.newlyFailing.push({ caseId: id, check, before: was, after: state.status, message: state.message });
            if (state.status === 'passed' && bad(was))
                diff.newlyPassing.push({ caseId: id, check, before: was, after: 'passed' });
        }
    }
    for (const id of old.keys())
        if (!now.has(id))
            diff.removed.push(id);
    return diff;
}
export function formatDiff(diff) {
    const lines = [];
    const section = (title, entries) => {
        lines.push(`${title} (${entries.length})`);
        for (const e of entries)
            lines.push(`  ${e.caseId}${e.check ? ` · ${e.check}` : ''}: ${e.before} → ${e.after}${e.message ? ` — ${e.message}` : ''}`);
    };
    section('Newly failing', diff.newlyFailing);
    section('Newly passing', diff.newlyPassing);
    section('Newly skipped', diff.newlySkipped);
    if (diff.added.length)
        lines.push(`New cases (${diff.added.length}): ${diff.added.join(', ')}`);
    if (diff.removed.length)
        lines.push(`Cases no longer run (${diff.removed.length}): ${diff.removed.join(', ')}`);
    return lines.join('\n');
}
//# sourceMappingURL=diff.js.map