/**
 * JUnit XML reporter: `<outDir>/junit.xml`, valid against Jenkins' junit-10.xsd
 * (/work/shared/schemas/junit-10.xsd). One `testsuite` per `CaseResult.suite`,
 * one `testcase` per case; failed → `<failure>`, error → `<error>`,
 * skipped → `<skipped>`, advisory warnings → `<system-out>`.
 * XML is built with xmlbuilder2 (escaping), after stripping characters XML 1.0 forbids.
 */
import { hostname } from 'node:os';
import { create } from 'xmlbuilder2';
import { checkEvidenceText, cleanText, errorText, evidenceFor, failedChecks, oneLine, scrubDeep, seconds, suitesOf, warningChecks, writeReportFile, } from "./format.js";
export const JUNIT_FILE = 'junit.xml';
const EXCERPT = { maxLines: 20, maxLineChars: 200, maxChars: 3000 };
export class JUnitReporter {
    opts;
    name = 'junit';
    constructor(opts) {
        this.opts = opts;
    }
    async onEnd(run) {
        const xml = renderJUnit(run);
        return [await writeReportFile(this.opts.outDir, JUNIT_FILE, xml, '&lt;redacted-jwt&gt;')];
    }
}
/** The JUnit document for a run (exported for tests and `merge`). */
export function renderJUnit(rawRun, host = hostname()) {
    const run = scrubDeep(rawRun);
    const { info, summary } = run;
    const timestamp = isoSeconds(info.startedAt);
    const doc = create({ version: '1.0', encoding: 'UTF-8' });
    const root = doc.ele('testsuites', {
        name: x(`${info.tool.name} ${info.runId}`),
        tests: String(run.cases.length),
        failures: String(run.cases.filter((c) => c.status === 'failed').length),
        errors: String(run.cases.filter((c) => c.status === 'error').length),
        time: seconds(summary.durationMs),
    });
    suitesOf(run).forEach((suite, index) => {
        const cases = run.cases.filter((c) => c.suite === suite);
        const el = root.ele('testsuite', {
            name: x(suite),
            tests: String(cases.length),
            failures: String(cases.filter((c) => c.status === 'failed').length),
            errors: String(cases.filter((c) => c.status === 'error').length),
            skipped: String(cases.filter((c) => c.status === 'skipped').length),
            time: seconds(cases.reduce((t, c) => t + (c.durationMs > 0 ? c.durationMs : 0), 0)),
            timestamp,
            hostname: x(host),
            id: String(index),
            package: x(info.tool.name),
        });
        const props = el.ele('properties');
        const prop = (name, value) => {
            if (value !== undefined)
                props.ele('property', { name, value: x(value) });
        };
        prop('run.id', info.runId);
        prop('tool.name', info.tool.name);
        prop('tool.version', info.tool.version);
        prop('spec.version', info.spec.version);
        prop('spec.sha256', info.spec.sha256);
        prop('target.baseUrl', info.target.baseUrl);
        prop('target.embedded', String(info.target.embedded));
        prop('node', info.node);
        prop('startedAt', info.startedAt);
        prop('endedAt', info.endedAt);
        if (info.shard)
            prop('shard', `${info.shard.index}/${info.shard.total}`);
        prop('verdict.exitCode', String(summary.exitCode));
        for (const c of cases)
            addCase(el, c);
    });
    return doc.end({ prettyPrint: true }) + '\n';
}
function addCase(suiteEl, c) {
    const tc = suiteEl.ele('testcase', {
        name: x(oneLine(`${c.id}: ${c.title}`, 1000)),
        classname: x(`${c.suite}.${c.operation}`),
        time: seconds(c.durationMs),
    });
    const failed = failedChecks(c);
    if (c.status === 'failed') {
        const first = failed[0];
        const message = first
            ? `${first.check}: ${first.message}${failed.length > 1 ? ` (and ${failed.length - 1} more failed check${failed.length > 2 ? 's' : ''})` : ''}`
            : (c.reason ?? 'failed');
        const body = failed.length
            ? failed.map((k) => checkEvidenceText({ case: c, check: k, exchange: evidenceFor(c, k) }, EXCERPT)).join('\n\n')
            : oneLine(c.reason ?? 'failed without a failed check', 1000);
        tc.ele('failure', { message: x(oneLine(message, 1000)), type: x(failed.map((k) => k.check).join(', ') || 'failed') })
            .txt(x(`\n${body}\n`));
    }
    else if (c.status === 'error') {
        const transport = c.exchanges.some((e) => e.transportError !== undefined);
        let body = errorText(c, EXCERPT);
        if (failed.length) {
            body += '\n\n' + failed.map((k) => checkEvidenceText({ case: c, check: k, exchange: evidenceFor(c, k) }, EXCERPT)).join('\n\n');
        }
        tc.ele('error', { message: x(oneLine(c.reason ?? 'could not be evaluated', 1000)), type: transport ? 'transport-error' : 'error' })
            .txt(x(`\n${body}\n`));
    }
    else if (c.status === 'skipped') {
        tc.ele('skipped', { message: x(oneLine(c.reason ?? 'skipped', 1000)) });
    }
    const warnings = warningChecks(c);
    if (warnings.length) {
        const text = warnings
            .map((k) => `[warning] ${checkEvidenceText({ case: c, check: k, exchange: evidenceFor(c, k) }, { maxLines: 6, maxChars: 800 })}`)
            .join('\n\n');
        tc.ele('system-out').txt(x(`\n${text}\n`));
    }
}
/** Characters XML 1.0 forbids, removed (xmlbuilder2 then escapes `<`, `&`, `>` and quotes). */
function x(text) {
    return cleanText(text);
}
/** `2025-01-31T12:00:00Z`; the input unchanged when it does not parse. */
function isoSeconds(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? oneLine(iso, 64) : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
//# sourceMappingURL=junit.js.map