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
import { packageInfo } from '../package-root.ts';
import { Verifier } from '@pact-foundation/pact';
import { createReporters } from '../../reporters/index.ts';
import { isObject, payloadOf } from '../checks/observed.ts';
import type { CaseResult, CheckOutcome, PlannedCase, RunInfo, RunResult } from '../results/model.ts';
import { cleanupLedger } from '../runner/cleanup.ts';
import { resolveTarget, type Target } from '../runner/target.ts';
import { UsageError } from '../runner/options.ts';
import { CaseContext } from '../runner/case-context.ts';
import type { RunEnvironment } from '../runner/environment.ts';
import { DEFAULT_MAX_WAIT_MS, HttpClient } from '../runner/http.ts';
import { Ledger, type LedgerEntry } from '../runner/ledger.ts';
import { NameFactory, newRunId } from '../runner/names.ts';
import { Redactor } from '../runner/redact.ts';
import { summarise } from '../results/summary.ts';
import { specSha256, specVersion } from '../spec/load.ts';
import { PACT_DIR } from './consumer.ts';
import { startRelay, type Relay } from './relay.ts';
import { INVALID_TOKEN, PROVIDER, STATES, contractInteractions, type ContractInteraction, type StateName } from './interactions.ts';

const PKG = packageInfo();

export interface VerifyOptions {
  /** The provider under test; unset = the embedded reference server. */
  baseUrl?: string;
  /** X-Auth-Token for the provider (required with baseUrl). */
  token?: string;
  /** TN lease uuids of the account the states may assign (they are released afterwards). */
  tnlease?: string[];
  /** A live call's uuid (states "a live call exists"). */
  callUuid?: string;
  /** An outbound voice profile uuid of the account (state "an outbound voice profile exists"). */
  outboundVoiceProfile?: string;
  /** A pact file or a directory of them; default contracts/pacts/. */
  pactDir?: string;
  /** Output directory for reporters and the run ledger; default `sipapp-results`. */
  out?: string;
  /** Reporter names (as `run --reporter`); default ['console']. */
  reporters?: string[];
  /** Per-request timeout of the verifier and of the state set-up requests, ms; default 10000. */
  timeoutMs?: number;
  /** Longest wait for a throttled (429/503) state set-up or cleanup request, ms (E70); default 60 s. */
  maxWaitMs?: number;
  /** Embedded reference server only: run it with this catalogue fault. */
  fault?: string;
  /**
   * Pending interactions (those that pin one of several readings the errata accept, e.g. Remove's
   * 409, raw call-flow XML) fail like the others; by default their mismatches are warnings.
   */
  strict?: boolean;
  /** Where console output goes (tests capture it). */
  stream?: NodeJS.WritableStream;
  runId?: string;
}

export interface VerifyOutcome {
  exitCode: 0 | 1;
  result: RunResult;
  /** Files the reporters wrote. */
  files?: string[];
}

/** Thrown for usage problems (no pacts, --base-url without --token …), before anything is verified. */
export class VerifyUsageError extends Error {}

/** The same target resolution as `run`; its usage errors become VerifyUsageError. */
async function resolveVerifyTarget(o: VerifyOptions, timeoutMs: number): Promise<Target> {
  try {
    return await resolveTarget({ ...o, tnlease: o.tnlease ?? [], timeout: timeoutMs });
  } catch (error) {
    if (error instanceof UsageError) throw new VerifyUsageError(error.message);
    throw error;
  }
}

/** The pact files to verify: a file, or every *.json of a directory. */
export function pactFiles(pactDir: string = PACT_DIR): string[] {
  const path = resolve(pactDir);
  if (!existsSync(path)) throw new VerifyUsageError(`no pact files: ${path} does not exist (run the consumer tests: npm test -- test/contracts)`);
  if (statSync(path).isFile()) return [path];
  const files = readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
  if (!files.length) throw new VerifyUsageError(`no pact files in ${path}`);
  return files;
}

interface PactInteractionInfo {
  description: string;
  states: string[];
  method: string;
  path: string;
  status: number;
  pending: boolean;
}

function readInteractions(files: string[]): PactInteractionInfo[] {
  const out: PactInteractionInfo[] = [];
  for (const file of files) {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions?: Array<Record<string, any>> };
    for (const i of pact.interactions ?? []) {
      out.push({
        description: String(i.description),
        states: (i.providerStates ?? []).map((s: { name: string }) => s.name),
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
  /** Ledger entries made by the current interaction's setup; its teardown removes them. */
  private pending: LedgerEntry[] = [];
  /** Problems setting states up, by state name (Pact itself only logs them). */
  readonly errors = new Map<string, string[]>();

  constructor(private readonly env: RunEnvironment) {}

  private ctx(): CaseContext {
    return new CaseContext(this.env);
  }

  private async createApp(label: string): Promise<{ uuid: string; name: string }> {
    const ctx = this.ctx();
    const name = this.env.names.name(label);
    const { res, uuid } = await ctx.tryCreate(`provider state: create ${label} app`, { name, subdomain: this.env.names.subdomain() });
    this.trackLatest();
    if (!uuid) throw new Error(`could not create an app for the state (create answered ${res.status})`);
    return { uuid, name };
  }

  private trackLatest(): void {
    const all = this.env.ledger.all();
    const last = all[all.length - 1];
    if (last && !this.pending.includes(last)) this.pending.push(last);
  }

  private lease(index = 0): string {
    const lease = this.env.fixtures.tnleases[index];
    if (!lease) throw new Error('the state needs a TN lease of the account: pass tnlease (--tnlease)');
    return lease;
  }

  private async assign(uuid: string, lease: string): Promise<void> {
    const res = await this.ctx().call('AssignTNLeasesToSIPControlApp', { uuid, body: { add: [lease] }, purpose: 'provider state: assign a TN lease' });
    if (res.status >= 300) throw new Error(`could not assign TN lease ${lease} (assign answered ${res.status})`);
  }

  /** Values for a request that creates an app: fresh run-prefixed name and subdomain, ledgered by name. */
  private creation(ovp: string | undefined): Record<string, string> {
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

  private guard(state: StateName, fn: () => Promise<Record<string, string>>) {
    return {
      setup: async () => {
        try {
          return await fn();
        } catch (error) {
          const list = this.errors.get(state) ?? [];
          list.push(this.env.redactor.text(error instanceof Error ? error.message : String(error)));
          this.errors.set(state, list);
          return undefined;
        }
      },
      teardown: async () => {
        const entries = this.pending;
        this.pending = [];
        if (entries.length) await cleanupLedger(this.env, this.env.ledger, entries.filter((e) => !e.removed));
        return undefined;
      },
    };
  }

  handlers(): Record<string, { setup: () => Promise<Record<string, string> | undefined>; teardown: () => Promise<undefined> }> {
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
        if (!f.callUuid) throw new Error('the state needs a live call: pass callUuid (--call-uuid)');
        return { uuid: f.callUuid };
      }),
      [STATES.noCall]: this.guard(STATES.noCall, async () => ({ uuid: randomUUID() })),
      [STATES.canCreate]: this.guard(STATES.canCreate, async () => {
        if (!f.outboundVoiceProfile) throw new Error('the state needs an outbound voice profile of the account: pass outboundVoiceProfile (--outbound-voice-profile)');
        return this.creation(f.outboundVoiceProfile);
      }),
      [STATES.unknownOvp]: this.guard(STATES.unknownOvp, async () => this.creation(randomUUID())),
    };
  }
}

// ── the verifier's JSON report ───────────────────────────────────────────────

interface PactMismatch {
  type?: string;
  path?: string;
  expected?: unknown;
  actual?: unknown;
  mismatch?: string;
  key?: string;
}

interface PactError {
  interaction?: string;
  mismatch?: { type?: string; message?: string; mismatches?: PactMismatch[]; interactionId?: string; description?: string };
}

interface PactInteractionResult {
  description?: string;
  duration?: string;
  result?: string;
  pending?: boolean;
  providerStates?: string[];
  mismatch?: PactError['mismatch'];
}

interface PactReport {
  result?: boolean;
  errors?: PactError[];
  pendingErrors?: PactError[];
  interactionResults?: PactInteractionResult[];
  output?: string[];
}

function parseReport(raw: unknown): PactReport {
  const text = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : JSON.stringify(raw ?? {});
  try {
    return JSON.parse(text) as PactReport;
  } catch {
    return { result: false, errors: [{ interaction: '(verification)', mismatch: { type: 'error', message: text } }] };
  }
}

/** Mismatch values can be whole bodies: keep reports readable. */
const show = (v: unknown, max = 400): string => {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
};

function checkOf(i: ContractInteraction | undefined, description: string, m: PactMismatch | undefined, fallback: string, advisory = false): CheckOutcome {
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
export async function verifyProvider(options: VerifyOptions = {}): Promise<VerifyOutcome> {
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
  let relay: Relay | undefined;
  try {
    relay = await startRelay(target.baseUrl, http);
    const ledger = new Ledger(runId, join(out, 'ledger'));
    const env: RunEnvironment = {
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
    const info: RunInfo = {
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
    const caseId = (description: string) => `pact.${known.get(description)?.id ?? description.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const plan: PlannedCase[] = planned.map((p) => ({
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
      requestFilter: (req: { headers: Record<string, unknown> }, _res: unknown, next: () => void) => {
        // The contracts carry an example token; the provider gets the real one. The 401
        // interactions' deliberately invalid token is left as it is.
        if (req.headers['x-auth-token'] !== INVALID_TOKEN) req.headers['x-auth-token'] = target.tokenA;
        next();
      },
      timeout: timeoutMs + (options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS),
      logLevel: 'error',
      failIfNoPactsFound: true,
    });
    const started = performance.now();
    let report: PactReport;
    try {
      report = parseReport(await verifier.verifyProvider());
    } catch (error) {
      report = parseReport(error);
    }
    const elapsed = Math.round(performance.now() - started);

    // Per interaction: the verifier's interactionResults; its `errors` name the interaction as
    // "Verifying a pact between C and P Given <state> - <description>".
    const failures = new Map<string, PactError[]>();
    const durations = new Map<string, number>();
    const unattributed: PactError[] = [];
    for (const r of report.interactionResults ?? []) {
      if (r.description && r.duration) durations.set(r.description, Number.parseInt(r.duration, 10) || 0);
    }
    const byLength = [...planned].sort((a, b) => b.description.length - a.description.length);
    for (const e of [...(report.errors ?? []), ...(report.pendingErrors ?? [])]) {
      const named = e.interaction ?? '';
      const p = byLength.find((x) => named === x.description || named.endsWith(` - ${x.description}`));
      if (p) failures.set(p.description, [...(failures.get(p.description) ?? []), e]);
      else unattributed.push(e);
    }

    const cases: CaseResult[] = [];
    for (const [index, p] of planned.entries()) {
      const i = known.get(p.description);
      const errs = failures.get(p.description) ?? [];
      // A pending interaction pins one reading among several (E07, E19): a warning unless --strict.
      const advisory = p.pending && !options.strict;
      const checks: CheckOutcome[] = [];
      for (const e of errs) {
        const ms = e.mismatch?.mismatches ?? [];
        if (ms.length) for (const m of ms) checks.push(checkOf(i, p.description, m, '', advisory));
        else checks.push(checkOf(i, p.description, undefined, redactor.text(e.mismatch?.message ?? e.mismatch?.type ?? 'verification failed'), advisory));
      }
      const stateProblems = p.states.flatMap((s) => (states.errors.get(s) ?? []).map((m) => `provider state "${s}": ${m}`));
      if (errs.length && stateProblems.length) checks.push({ ...checkOf(i, p.description, undefined, stateProblems.join('; '), advisory), check: 'pact-provider-state' });
      if (!errs.length) {
        checks.push({ check: 'pact-interaction', status: 'passed', normative: true, rule: i ? `contract "${p.description}" (${i.rule})` : `contract "${p.description}"`, message: `${p.method} ${p.path} → ${p.status}: verified` });
      }
      const result: CaseResult = {
        id: caseId(p.description),
        title: p.description,
        suite: 'pact',
        operation: i?.operationId ?? `${p.method} ${p.path}`,
        tags: plan[index]!.tags,
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
      const r: CaseResult = {
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
    const result: RunResult = {
      info: { ...info, endedAt: endedAt.toISOString() },
      cases,
      summary: summarise(cases, endedAt.getTime() - startedAt.getTime(), env.requestCount, http.throttling),
    };
    const written = await reporters.onEnd(result);
    return { exitCode: result.summary.exitCode, result, files: written };
  } finally {
    await relay?.close();
    await http.close();
    await target.close();
  }
}
