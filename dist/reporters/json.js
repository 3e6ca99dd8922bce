/**
 * JSON reporter: `<outDir>/results.json`, the RunResult as a results bundle
 * `{ format: 'sipapp-conformance/results@1', ...run }`, 2-space indented, with a
 * stable key order (a function of the content, not of how objects were built),
 * so nightly bundles diff cleanly. `readResultsBundle` reads one back for
 * `merge`/`diff`, refusing anything that is not this format.
 */
import { readFileSync } from 'node:fs';
import { scrubDeep, writeReportFile } from "./format.js";
export const JSON_FILE = 'results.json';
export const RESULTS_FORMAT = 'sipapp-conformance/results@1';
export class JsonReporter {
    opts;
    name = 'json';
    constructor(opts) {
        this.opts = opts;
    }
    async onEnd(run) {
        return [await writeReportFile(this.opts.outDir, JSON_FILE, renderResultsBundle(run), '<redacted-jwt>')];
    }
}
const ALPHABETICAL = { order: [] };
const CHECK = { order: ['check', 'status', 'normative', 'rule', 'message', 'expected', 'actual', 'exchange'] };
const EXCHANGE = {
    order: ['purpose', 'operation', 'request', 'response', 'transportError', 'durationMs', 'curl'],
    fields: {
        request: { order: ['method', 'url', 'headers', 'body'], fields: { headers: ALPHABETICAL } },
        response: { order: ['status', 'headers', 'bodyExcerpt', 'bodyTruncated'], fields: { headers: ALPHABETICAL } },
    },
};
const CASE = {
    order: ['id', 'title', 'suite', 'operation', 'tags', 'status', 'durationMs', 'reason', 'checks', 'exchanges'],
    fields: { checks: CHECK, exchanges: EXCHANGE },
};
const INFO = {
    order: ['runId', 'tool', 'spec', 'node', 'target', 'options', 'startedAt', 'endedAt', 'shard'],
    fields: {
        tool: { order: ['name', 'version'] },
        spec: { order: ['version', 'sha256'] },
        target: { order: ['baseUrl', 'embedded'] },
        options: ALPHABETICAL,
        shard: { order: ['index', 'total'] },
    },
};
const SUMMARY = { order: ['total', 'passed', 'failed', 'errors', 'skipped', 'warnings', 'durationMs', 'requests', 'exitCode'] };
const BUNDLE = { order: ['format', 'info', 'summary', 'cases'], fields: { info: INFO, summary: SUMMARY, cases: CASE } };
function ordered(value, shape = ALPHABETICAL) {
    if (Array.isArray(value))
        return value.map((v) => ordered(v, shape));
    if (value === null || typeof value !== 'object')
        return value;
    const rank = new Map(shape.order.map((k, i) => [k, i]));
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => {
        const ra = rank.get(a) ?? Infinity;
        const rb = rank.get(b) ?? Infinity;
        return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
    });
    const out = {};
    for (const [k, v] of entries)
        out[k] = ordered(v, shape.fields?.[k] ?? ALPHABETICAL);
    return out;
}
export function renderResultsBundle(run) {
    const bundle = { ...scrubDeep(run), format: RESULTS_FORMAT };
    return JSON.stringify(ordered(bundle, BUNDLE), null, 2) + '\n';
}
export class ResultsBundleError extends Error {
    name = 'ResultsBundleError';
}
/** Parse a results bundle's text; `source` names it in errors. */
export function parseResultsBundle(text, source = 'results bundle') {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new ResultsBundleError(`${source}: not JSON (${e.message})`);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new ResultsBundleError(`${source}: not a results bundle (expected a JSON object)`);
    }
    const { format, ...rest } = data;
    if (format !== RESULTS_FORMAT) {
        const found = typeof format === 'string' ? `"${format}"` : 'no format marker';
        const hint = typeof format === 'string' && format.startsWith('sipapp-conformance/results@')
            ? ' (a different version of the bundle format: use the matching tool version)'
            : '';
        throw new ResultsBundleError(`${source}: expected format "${RESULTS_FORMAT}", found ${found}${hint}`);
    }
    const info = rest.info;
    const summary = rest.summary;
    if (!info || typeof info !== 'object' || typeof info.runId !== 'string') {
        throw new ResultsBundleError(`${source}: "info.runId" missing`);
    }
    if (!Array.isArray(rest.cases))
        throw new ResultsBundleError(`${source}: "cases" is not an array`);
    if (!summary || typeof summary !== 'object' || (summary.exitCode !== 0 && summary.exitCode !== 1)) {
        throw new ResultsBundleError(`${source}: "summary.exitCode" missing or not 0/1`);
    }
    rest.cases.forEach((c, i) => {
        const cr = c;
        if (!cr || typeof cr.id !== 'string' || typeof cr.status !== 'string' || !Array.isArray(cr.checks) || !Array.isArray(cr.exchanges)) {
            throw new ResultsBundleError(`${source}: cases[${i}] is not a case result (id, status, checks, exchanges)`);
        }
    });
    return rest;
}
/** Read a results bundle written by the json reporter (for `merge`/`diff`). */
export function readResultsBundle(path) {
    return parseResultsBundle(readFileSync(path, 'utf8'), path);
}
//# sourceMappingURL=json.js.map