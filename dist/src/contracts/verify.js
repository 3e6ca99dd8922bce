/**
 * Provider verification: Pact's Verifier replays the contracts in contracts/pacts/ against a
 * provider (a vendor's server, or the embedded reference server). Provider states are set up
 * THROUGH THE API, as the suite's cases do: apps with run-prefixed names, written to the run
 * ledger before they are created, removed at each interaction's teardown and — whatever is left —
 * by the run's cleanup. Their uuids reach the requests as provider-state values (`${uuid}` …).
 * The outcome becomes the project's results model (one case per interaction, suite `pact`) and
 * goes to the project's reporters, with `run`'s exit codes.
 */
process.env.PACT_DO_NOT_TRACK ??= 'true';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { packageInfo } from "../package-root.js";
import { Verifier } from '@pact-foundation/pact';
import { createReporters } from "../../reporters/index.js";
import { cleanupLedger } from "../runner/cleanup.js";
import { resolveTarget } from "../runner/target.js";
import { UsageError } from "../runner/options.js";
import { CaseContext } from "../runner/case-context.js";
import { DEFAULT_MAX_WAIT_MS, HttpClient } from "../runner/http.js";
import { Ledger } from "../runner/ledger.js";
import { NameFactory, newRunId } from "../runner/names.js";
import { Redactor } from "../runner/redact.js";
import { summarise } from "../results/summary.js";
import { specSha256, specVersion } from "../spec/load.js";
import { PACT_DIR } from "./consumer.js";
import { startRelay } from "./relay.js";
import { INVALID_TOKEN, PROVIDER, STATES, contractInteractions } from "./interactions.js";
const PKG = packageInfo();
/** Thrown for usage problems (no pacts, --base-url without --token …), before anything is verified. */
export class VerifyUsageError extends Error {
}
/** The same target resolution as `run`; its usage errors become VerifyUsageError. */
async function resolveVerifyTarget(o, timeoutMs) {
    try {
        return await resolveTarget({ ...o, tnlease: o.tnlease ?? [], timeout: timeoutMs });
    }
    catch (error) {
        if (error instanceof UsageError)
            throw new VerifyUsageError(error.message);
        throw error;
    }
}
/** The pact files to verify: a file, or every *.json of a directory. */
export function pactFiles(pactDir = PACT_DIR) {
    const path = resolve(pactDir);
    if (!existsSync(path))
        throw new VerifyUsageError(`no pact files: ${path} does not exist (run the consumer tests: npm test -- test/contracts)`);
    if (statSync(path).isFile())
        return [path];
    const files = readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
    if (!files.length)
        throw new VerifyUsageError(`no pact files in ${path}`);
    return files;
}
function readInteractions(files) {
    const out = [];
    for (const file of files) {
        const pact = JSON.parse(readFileSync(file, 'utf8'));
        for (const i of pact.interactions ?? []) {
            out.push({
                description: String(i.description),
                states: (i.providerStates ?? []).map((s) => s.name),
                method: String(i.request?.method ?? ''),
                path: String(i.request?.path ?? ''),
                status: Number(i.response?.status),
                pending: i.pending === true,
            });
        }
    }
    return out;
}
/**
 * The state handlers: each sets its state up through the API, returns the values the requests
 * need, and remembers what it made so the teardown (same interaction) removes it.
 */
class States {
    env;
    /** Ledger entries made by the current interaction's setup; its teardown removes them. */
    pending = [];
    /** Problems setting states up, by state name (Pact itself only logs them). */
    errors = new Map();
    constructor(env) {
        this.env = env;
    }
    ctx() {
        return new CaseContext(this.env);
    }
    async createApp(label) {
        const ctx = this.ctx();
        const name = this.env.names.name(label);
        const { res, uuid } = await ctx.tryCreate(`provider state: create ${label} app`, { name, subdomain: this.env.names.subdomain() });
        this.trackLatest();
        if (!uuid)
            throw new Error(`could not create an app for the state (create answered ${res.status})`);
        return { uuid, name };
    }
    trackLatest() {
        const all = this.env.ledger.all();
        const last = all[all.length - 1];
        if (last && !this.pending.includes(last))
            this.pending.push(last);
    }
    lease(index = 0) {
        const lease = this.env.fixtures.tnleases[index];
        if (!lease)
            throw new Error('the state needs a TN lease of the account: pass tnlease (--tnlease)');
        return lease;
    }
    async assign(uuid, lease) {
        const res = await this.ctx().call('AssignTNLeasesToSIPControlApp', { uuid, body: { add: [lease] }, purpose: 'provider state: assign a TN lease' });
        if (res.status >= 300)
            throw new Error(`could not assign TN lease ${lease} (assign answered ${res.status})`);
    }
    /** Values for a request that creates an app: fresh run-prefixed name and subdomain, ledgered by name. */
    creation(ovp) {
        const name = this.env.names.name('contract');
        const longName = this.env.names.nameOfLength(256, 'x');
        // Written down before the request goes out: if the provider creates it (or a faulty one
        // creates the over-long one), cleanup finds it by its run-prefixed name.
        this.env.ledger.intent(name);
        this.trackLatest();
        this.env.ledger.intent(longName);
        this.trackLatest();
        return { name, longName, subdomain: this.env.names.subdomain(), ...(ovp ? { outboundVoiceProfile: ovp } : {}) };
    }
    guard(state, fn) {
        return {
            setup: async () => {
                try {
                    return await fn();
                }
                catch (error) {
                    const list = this.errors.get(state) ?? [];
                    list.push(this.env.redactor.text(error instanceof Error ? error.message : String(error)));
                    this.errors.set(state, list);
                    return undefined;
                }
            },
            teardown: async () => {
                const entries = this.pending;
                this.pending = [];
                if (entries.length)
                    await cleanupLedger(this.env, this.env.ledger, entries.filter((e) => !e.removed));
                return undefined;
            },
        };
    }
    handlers() {
        const f = this.env.fixtures;
        const name = () => ({ name: this.env.names.name('contract'), subdomain: this.env.names.subdomain() });
        return {
            [STATES.appExists]: this.guard(STATES.appExists, async () => ({ ...(await this.createApp('state')), ...name(), ...(f.outboundVoiceProfile ? { outboundVoiceProfile: f.outboundVoiceProfile } : {}) })),
            [STATES.appWithLeases]: this.guard(STATES.appWithLeases, async () => {
                const app = await this.createApp('leased');
                const lease = this.lease();
                await this.assign(app.uuid, lease);
                return { uuid: app.uuid, lease };
            }),
            [STATES.appAndFreeLease]: this.guard(STATES.appAndFreeLease, async () => {
                const app = await this.createApp('assign');
                return { uuid: app.uuid, lease: this.lease() };
            }),
            [STATES.noApp]: this.guard(STATES.noApp, async () => ({ uuid: randomUUID() })),
            [STATES.liveCall]: this.guard(STATES.liveCall, async () => {
                if (!f.callUuid)
                    throw new Error('the state needs a live call: pass callUuid (--call-uuid)');
                return { uuid: f.callUuid };
            }),
            [STATES.noCall]: this.guard(STATES.noCall, async () => ({ uuid: randomUUID() })),
            [STATES.canCreate]: this.guard(STATES.canCreate, async () => {
                if (!f.outboundVoiceProfile)
                    throw new Error('the state needs an outbound voice profile of the account: pass outboundVoiceProfile (--outbound-voice-profile)');
                return this.creation(f.outboundVoiceProfile);
            }),
            [STATES.unknownOvp]: this.guard(STATES.unknownOvp, async () => this.creation(randomUUID())),
        };
    }
}
function parseReport(raw) {
    const text = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : JSON.stringify(raw ?? {});
    try {
        return JSON.parse(text);
    }
    catch {
        return { result: false, errors: [{ interaction: '(verification)', mismatch: { type: 'error', message: text } }] };
    }
}
/** Mismatch values can be whole bodies: keep reports readable. */
const show = (v, max = 400) => {
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
};
function checkOf(i, description, m, fallback, advisory = false) {
    const where = m?.path ?? m?.key;
    return {
        check: 'pact-interaction',
        status: advisory ? 'warning' : 'failed',
        normative: !advisory,
        rule: i ? `contract "${description}" (${i.rule}${advisory && i.pending ? `; pending: ${i.pending}` : ''})` : `contract "${description}"`,
        message: `${description}: ${m ? show(`${m.type ?? 'mismatch'}${where ? ` at ${where}` : ''}: ${m.mismatch ?? ''}`.trim()) : fallback}`,
        expected: m?.expected === undefined ? undefined : show(m.expected),
        actual: m?.actual === undefined ? undefined : show(m.actual),
    };
}
// ── verifyProvider ───────────────────────────────────────────────────────────
/**
 * Verify a provider against the contracts. Resolves with `run`'s exit codes (0 every interaction
 * verified, 1 a failure); usage problems throw VerifyUsageError before anything runs.
 */
export async function verifyProvider(options = {}) {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const out = options.out ?? 'sipapp-results';
    const files = pactFiles(options.pactDir);
    const planned = readInteractions(files);
    const runId = options.runId ?? newRunId();
    const reporters = createReporters(options.reporters ?? ['console'], { outDir: out, stream: options.stream });
    const target = await resolveVerifyTarget(options, timeoutMs);
    const redactor = new Redactor().add(target.tokenA, '$SIPAPP_TOKEN');
    const http = new HttpClient({ timeoutMs, maxBodyBytes: 4 << 20, retries: 1, maxWaitMs: options.maxWaitMs });
    const startedAt = new Date();
    let relay;
    try {
        relay = await startRelay(target.baseUrl, http);
        const ledger = new Ledger(runId, join(out, 'ledger'));
        const env = {
            runId,
            baseUrl: target.baseUrl,
            strict: false,
            readOnly: false,
            http,
            redactor,
            tokens: { a: target.tokenA },
            forged: [],
            fixtures: target.fixtures,
            ledger,
            names: new NameFactory(runId),
            pace: async () => undefined,
            requestCount: 0,
        };
        const known = new Map(contractInteractions().map((i) => [i.description, i]));
        const info = {
            runId,
            tool: { name: PKG.name, version: PKG.version },
            spec: { version: specVersion(), sha256: specSha256() },
            node: process.version,
            target: { baseUrl: target.baseUrl, embedded: target.embedded },
            options: redactor.deep({
                command: 'verify',
                baseUrl: options.baseUrl,
                token: options.token ? '<set>' : undefined,
                tnlease: options.tnlease,
                callUuid: options.callUuid,
                outboundVoiceProfile: options.outboundVoiceProfile,
                pacts: files,
                fault: options.fault,
                strict: Boolean(options.strict),
                timeoutMs,
            }),
            startedAt: startedAt.toISOString(),
        };
        const caseId = (description) => `pact.${known.get(description)?.id ?? description.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
        const plan = planned.map((p) => ({
            id: caseId(p.description),
            title: p.description,
            suite: 'pact',
            operation: known.get(p.description)?.operationId ?? `${p.method} ${p.path}`,
            tags: ['pact', ...p.states.map((s) => `state:${s}`)],
            checks: ['pact-interaction'],
        }));
        await reporters.onBegin?.(info, plan);
        const states = new States(env);
        const verifier = new Verifier({
            provider: PROVIDER,
            // Through the relay: throttling is waited out and early answers kept, as in `run` (E70).
            providerBaseUrl: relay.url,
            pactUrls: files,
            stateHandlers: states.handlers(),
            requestFilter: (req, _res, next) => {
                // The contracts carry an example token; the provider gets the real one. The 401
                // interactions' deliberately invalid token is left as it is.
                if (req.headers['x-auth-token'] !== INVALID_TOKEN)
                    req.headers['x-auth-token'] = target.tokenA;
                next();
            },
            timeout: timeoutMs + (options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS),
            logLevel: 'error',
            failIfNoPactsFound: true,
        });
        const started = performance.now();
        let report;
        try {
            report = parseReport(await verifier.verifyProvider());
        }
        catch (error) {
            report = parseReport(error);
        }
        const elapsed = Math.round(performance.now() - started);
        // Per interaction: the verifier's interactionResults; its `errors` name the interaction as
        // "Verifying a pact between C and P Given <state> - <description>".
        const failures = new Map();
        const durations = new Map();
        const unattributed = [];
        for (const r of report.interactionResults ?? []) {
            if (r.description && r.duration)
                durations.set(r.description, Number.parseInt(r.duration, 10) || 0);
        }
        const byLength = [...planned].sort((a, b) => b.description.length - a.description.length);
        for (const e of [...(report.errors ?? []), ...(report.pendingErrors ?? [])]) {
            const named = e.interaction ?? '';
            const p = byLength.find((x) => named === x.description || named.endsWith(` - ${x.description}`));
            if (p)
                failures.set(p.description, [...(failures.get(p.description) ?? []), e]);
            else
                unattributed.push(e);
        }
        const cases = [];
        for (const [index, p] of planned.entries()) {
            const i = known.get(p.description);
            const errs = failures.get(p.description) ?? [];
            // A pending interaction pins one reading among several (E07, E19): a warning unless --strict.
            const advisory = p.pending && !options.strict;
            const checks = [];
            for (const e of errs) {
                const ms = e.mismatch?.mismatches ?? [];
                if (ms.length)
                    for (const m of ms)
                        checks.push(checkOf(i, p.description, m, '', advisory));
                else
                    checks.push(checkOf(i, p.description, undefined, redactor.text(e.mismatch?.message ?? e.mismatch?.type ?? 'verification failed'), advisory));
            }
            const stateProblems = p.states.flatMap((s) => (states.errors.get(s) ?? []).map((m) => `provider state "${s}": ${m}`));
            if (errs.length && stateProblems.length)
                checks.push({ ...checkOf(i, p.description, undefined, stateProblems.join('; '), advisory), check: 'pact-provider-state' });
            if (!errs.length) {
                checks.push({ check: 'pact-interaction', status: 'passed', normative: true, rule: i ? `contract "${p.description}" (${i.rule})` : `contract "${p.description}"`, message: `${p.method} ${p.path} → ${p.status}: verified` });
            }
            const result = {
                id: caseId(p.description),
                title: p.description,
                suite: 'pact',
                operation: i?.operationId ?? `${p.method} ${p.path}`,
                tags: plan[index].tags,
                status: errs.length && !advisory ? 'failed' : 'passed',
                durationMs: durations.get(p.description) ?? 0,
                checks: checks.map((o) => redactor.deep(o)),
                exchanges: [],
            };
            cases.push(result);
            await reporters.onCaseEnd?.(result);
        }
        if (unattributed.length || (report.result === false && failures.size === 0)) {
            const message = unattributed.map((e) => redactor.text(e.mismatch?.message ?? JSON.stringify(e))).join('; ') || 'the verifier reported a failure it did not attribute to an interaction';
            const r = {
                id: 'pact.verification',
                title: 'Pact verification',
                suite: 'pact',
                operation: 'workflow',
                tags: ['pact'],
                status: 'error',
                durationMs: elapsed,
                reason: message,
                checks: [],
                exchanges: [],
            };
            cases.push(r);
            await reporters.onCaseEnd?.(r);
        }
        const cleanup = await cleanupLedger(env, ledger);
        await reporters.onCaseEnd?.(cleanup);
        cases.push(cleanup);
        const endedAt = new Date();
        const result = {
            info: { ...info, endedAt: endedAt.toISOString() },
            cases,
            summary: summarise(cases, endedAt.getTime() - startedAt.getTime(), env.requestCount, http.throttling),
        };
        const written = await reporters.onEnd(result);
        return { exitCode: result.summary.exitCode, result, files: written };
    }
    finally {
        await relay?.close();
        await http.close();
        await target.close();
    }
}
//# sourceMappingURL=verify.js.map