import { FormData } from 'undici';
import { CHECKS, type CheckName } from '../checks/catalogue.ts';
import { observe, type ObservedResponse, isObject, payloadOf } from '../checks/observed.ts';
import { RESPONSE_CHECKS, responseTimeExceeded } from '../checks/response-checks.ts';
import { checkStatus, lostAttemptApplied, STATUS, type StatusRule } from '../checks/status-code.ts';
import { resendMetAppliedState } from '../checks/lost-answer.ts';
import type { Verdict } from '../checks/verdict.ts';
import type { SentApp } from '../checks/read-after-write.ts';
import { OPERATIONS, operationPath, type OperationId } from '../spec/operations.ts';
import type { CheckOutcome, Exchange } from '../results/model.ts';
import { toCurl } from './curl.ts';
import { headersSent } from './dispatcher.ts';
import type { RunEnvironment } from './environment.ts';
import { carriesRunPrefix, matchesIntent } from './ledger.ts';
import type { Credential } from './tokens.ts';

const EXCERPT_BYTES = 4096;

/** Who a request is sent as. */
export type Caller = 'a' | 'b' | Credential;

export interface CallOptions {
  uuid?: string;
  /** JSON body (serialised here). */
  body?: unknown;
  /** Body sent byte for byte (e.g. malformed JSON, XML). */
  rawBody?: string;
  /** multipart/form-data body (call-flow XML as part `file`, E07). */
  form?: { field: string; filename: string; contentType: string; content: string };
  contentType?: string;
  as?: Caller;
  purpose: string;
}

/** Thrown to stop a case: skipped for a reason, or unable to go on (transport, setup). */
export class CaseStop extends Error {
  constructor(readonly kind: 'skipped' | 'error', reason: string) {
    super(reason);
  }
}

/** A case stopped by a transport failure; `beforeAnswer`: no answer byte arrived, so the server may or may not have applied it. */
export class TransportStop extends CaseStop {
  constructor(reason: string, readonly beforeAnswer: boolean) {
    super('error', reason);
  }
}

/**
 * May a request whose connection failed before any answer be sent again? Every operation but a
 * create: the judgement knows the first attempt may have been applied (lost-answer.ts). A create
 * sent twice could make two apps of one intent: tryCreate looks the app up by its name instead.
 * A POST to no known operation is never sent again.
 */
function resendable(method: string, operation: OperationId | undefined): boolean {
  if (operation === 'CreateSIPControlApp') return false;
  return operation !== undefined || method !== 'POST';
}

/** Rounds of "look the app up, create again if absent" after creates whose answer was lost. */
const RECONCILE_ROUNDS = 3;

/**
 * What one case sees of the run: a recorder of exchanges and check outcomes.
 * Every answer is put through the per-answer checks automatically; cases add
 * the checks about what the answer means.
 */
export class CaseContext {
  readonly exchanges: Exchange[] = [];
  readonly outcomes: CheckOutcome[] = [];
  /** Uuids of apps this case created (to clean up early and to find in the ledger). */
  readonly created: string[] = [];
  /** A model-based case: the model's transitions it could take and those it took (the report's model coverage). */
  transitions?: { possible: string[]; covered: string[] };

  constructor(readonly env: RunEnvironment) {}

  get strict(): boolean {
    return this.env.strict;
  }

  skip(reason: string): never {
    throw new CaseStop('skipped', reason);
  }

  /** Send one operation's request, record it, apply the per-answer checks. */
  async call(operation: OperationId, options: CallOptions): Promise<ObservedResponse> {
    const { method } = OPERATIONS[operation];
    const path = operationPath(operation, options.uuid);
    const res = await this.send(method, path, options, operation);
    this.keepLedger(operation, options, res);
    return res;
  }

  /** Whatever the case meant, the ledger follows what the server said it did. */
  private keepLedger(operation: OperationId, options: CallOptions, res: ObservedResponse): void {
    // A resend meeting the state the lost attempt left (lost-answer.ts) is a change the server made —
    // when sent as the account that owns the run's apps: another's 404 says only "not yours".
    const owner = (options.as ?? 'a') === 'a';
    if ((res.status >= 300 && !(owner && resendMetAppliedState(res))) || !options.uuid) return;
    const key = this.env.ledger.keyOf(options.uuid);
    if (!key) return;
    if (operation === 'RemoveSIPControlAppByUUID') this.env.ledger.removed(key);
    if (operation === 'AssignTNLeasesToSIPControlApp' && isObject(options.body)) {
      const { add, remove } = options.body;
      if (Array.isArray(add)) this.env.ledger.leased(key, add.filter((x): x is string => typeof x === 'string'));
      if (Array.isArray(remove)) this.env.ledger.unleased(key, remove.filter((x): x is string => typeof x === 'string'));
    }
  }

  async send(method: string, path: string, options: CallOptions, operation?: OperationId): Promise<ObservedResponse> {
    const env = this.env;
    if (env.readOnly && method !== 'GET') {
      // Defence in depth: read-only plans never include such cases.
      throw new CaseStop('skipped', `--read-only: would send ${method}`);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.tokenFor(options.as ?? 'a');
    if (token !== undefined) headers['x-auth-token'] = token;
    let body: string | FormData | undefined;
    let recordedBody: string | undefined;
    if (options.form) {
      const form = new FormData();
      form.append(options.form.field, new Blob([options.form.content], { type: options.form.contentType }), options.form.filename);
      body = form;
      recordedBody = `[multipart part "${options.form.field}" (${options.form.contentType})]\n${options.form.content}`;
    } else if (options.rawBody !== undefined) {
      body = recordedBody = options.rawBody;
      // '' sends no Content-Type at all (generated requests probe that too).
      if (options.contentType !== '') headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = recordedBody = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const url = `${env.baseUrl}${path}`;
    if (operation && options.body !== undefined) env.sentValues?.noteRequest(operation, options.body, options.uuid);
    await env.pace();
    env.requestCount++;
    const startedAt = new Date().toISOString();
    const resend = resendable(method, operation);
    let outcome = await env.http.send({ method, url, headers, body, notAfter: env.deadlineAt, resend });
    let purpose = options.purpose;
    // A token that was accepted a moment ago and now gets 401 has expired: renew it (--token-command) and send again, once.
    const caller = options.as ?? 'a';
    const source = caller === 'a' || caller === 'b' ? env.tokenSources?.[caller] : undefined;
    if (source && token !== undefined && outcome.kind === 'response') {
      source.noteAnswer(token, outcome.status);
      const fresh = outcome.status === 401 ? await source.afterUnauthorized(token) : undefined;
      if (fresh !== undefined && fresh !== token) {
        headers['x-auth-token'] = fresh;
        await env.pace();
        env.requestCount++;
        outcome = await env.http.send({ method, url, headers, body, notAfter: env.deadlineAt, resend });
        purpose = `${purpose} (sent again with a renewed token after a 401)`;
        if (outcome.kind === 'response') source.noteResent(fresh, outcome.status);
      }
    }
    const redactedHeaders = env.redactor.headers(headersSent(headers, env.extraHeaders));
    const redactedBody = recordedBody === undefined ? undefined : env.redactor.text(recordedBody);
    const curl = options.form
      ? `${toCurl(method, url, redactedHeaders)} \\\n  -F '${options.form.field}=@callflow.xml;type=${options.form.contentType}'`
      : toCurl(method, url, redactedHeaders, redactedBody);
    const exchange: Exchange = {
      purpose,
      operation,
      startedAt,
      request: { method, url, headers: redactedHeaders, body: redactedBody },
      durationMs: outcome.durationMs,
      curl,
      ...(outcome.throttled ? { throttled: outcome.throttled } : {}),
    };
    const lostAnswers = outcome.kind === 'response' ? outcome.lostAnswers : outcome.attempts ? outcome.attempts - 1 : undefined;
    if (lostAnswers) {
      exchange.lostAnswers = lostAnswers;
      exchange.purpose = `${purpose} (sent again after ${lostAnswers === 1 ? 'a connection failure' : `${lostAnswers} connection failures`} before any answer)`;
    }
    this.exchanges.push(exchange);
    this.env.wire?.push(exchange);
    const index = this.exchanges.length - 1;
    if (outcome.kind === 'transport-error') {
      exchange.transportError = outcome.message;
      if (outcome.errorKind === 'timeout') {
        this.record('response-time', responseTimeExceeded(`${method} ${path}`, outcome.message), index);
      }
      const tries = outcome.attempts ? ` (${outcome.attempts} attempts)` : '';
      throw new TransportStop(`${options.purpose}: ${method} ${path}: ${outcome.message}${tries}`, outcome.beforeAnswer === true);
    }
    exchange.response = {
      status: outcome.status,
      headers: env.redactor.headers(outcome.headers),
      bodyExcerpt: env.redactor.text(outcome.text.slice(0, EXCERPT_BYTES)),
      bodyTruncated: outcome.text.length > EXCERPT_BYTES,
      ...(this.env.transcript && outcome.text.length > EXCERPT_BYTES ? { fullBody: env.redactor.text(outcome.text) } : {}),
    };
    const observed: ObservedResponse = { ...observe({ operation, method, path, status: outcome.status, headers: outcome.headers, text: outcome.text }), exchange: index };
    if (outcome.lostAnswers) observed.lostAnswers = outcome.lostAnswers;
    for (const [check, fn] of RESPONSE_CHECKS) this.record(check, fn(observed, this.strict, env.sentValues), index);
    return observed;
  }

  private tokenFor(caller: Caller): string | undefined {
    if (caller === 'a') return this.env.tokens.a;
    if (caller === 'b') {
      if (!this.env.tokens.b) throw new CaseStop('skipped', 'needs --token-b (a second account)');
      return this.env.tokens.b;
    }
    return caller.token;
  }

  /** Record a check's verdict on the latest (or a given) exchange; returns whether it passed. */
  expect(check: CheckName, verdict: Verdict | null, exchange = this.exchanges.length - 1): boolean {
    return this.record(check, verdict, exchange);
  }

  /**
   * Judge the status; returns whether the answer is the one the rule describes, to judge further.
   * A resend that met the state its lost attempt left passes but returns false: nothing of the
   * first attempt's answer is there to judge (lost-answer.ts).
   */
  expectStatus(check: CheckName, res: ObservedResponse, rule: StatusRule): boolean {
    return this.record(check, checkStatus(res, rule, this.strict), res.exchange ?? this.exchanges.length - 1) && !lostAttemptApplied(res, rule, this.strict);
  }

  private record(check: CheckName, verdict: Verdict | null, exchange: number): boolean {
    if (verdict === null) return true;
    const { normative, rule } = CHECKS[check];
    if (this.env.excludedChecks?.has(check)) {
      // Left out by the user: say so once per case, never judge it.
      if (!this.outcomes.some((o) => o.check === check)) {
        this.outcomes.push({ check, status: 'skipped', normative, rule, message: `excluded (--exclude-check ${check})`, exchange });
      }
      return true;
    }
    if (verdict.pass) {
      // One pass per check and case is evidence enough; failures are each kept.
      if (!this.outcomes.some((o) => o.check === check && o.status === 'passed')) {
        this.outcomes.push({ check, status: 'passed', normative, rule, message: verdict.note ?? CHECKS[check].summary, exchange });
      }
      return true;
    }
    const failing = normative || this.strict;
    this.outcomes.push({
      check,
      status: failing ? 'failed' : 'warning',
      normative,
      rule,
      message: this.env.redactor.text(verdict.message),
      expected: this.env.redactor.text(verdict.expected),
      actual: this.env.redactor.text(verdict.actual),
      exchange,
    });
    return false;
  }

  /**
   * Take over the evidence of another context of the same run: generated examples
   * each run in a context of their own, and the case keeps what decides its verdict.
   * Returns the index the first adopted exchange got here.
   */
  adopt(other: CaseContext, outcomes: CheckOutcome[] = other.outcomes): number {
    const offset = this.exchanges.length;
    this.exchanges.push(...other.exchanges);
    for (const o of outcomes) {
      if (o.status === 'passed' && this.outcomes.some((p) => p.check === o.check && p.status === 'passed')) continue;
      this.outcomes.push({ ...o, exchange: o.exchange === undefined ? undefined : o.exchange + offset });
    }
    return offset;
  }

  /**
   * Create an app the run owns: ledger first, then the request; checks the
   * status; stops the case (error) if no app came of it, since what follows
   * needs one.
   */
  async createApp(purpose: string, overrides: Partial<SentApp> = {}): Promise<{ uuid: string; sent: SentApp; res: ObservedResponse }> {
    const sent: SentApp = { name: this.env.names.name('app'), subdomain: this.env.names.subdomain(), ...overrides };
    const { res, uuid } = await this.tryCreate(purpose, sent);
    this.expectStatus('status-code', res, STATUS.created);
    if (!uuid) throw new CaseStop('error', `${purpose}: create answered ${res.status} without an app uuid; cannot go on`);
    return { uuid, sent, res };
  }

  /** Send a create and ledger whatever comes of it; no status expectation (boundary cases decide). */
  async tryCreate(purpose: string, body: unknown, options: Partial<CallOptions> = {}): Promise<{ res: ObservedResponse; uuid?: string }> {
    const name = isObject(body) && typeof body.name === 'string' ? body.name : '(unnamed)';
    const subdomain = isObject(body) && typeof body.subdomain === 'string' ? body.subdomain : undefined;
    const key = this.env.ledger.intent(name, subdomain);
    this.env.created?.push(key);
    const intent = { name, subdomain };
    // On a network that has already lost answers, an app too short-named for the run prefix is
    // told apart by a list taken just before: should its answer be lost, only a new app can be it.
    const before = !carriesRunPrefix(this.env.runId, intent) && this.env.http.resent.requests > 0 ? await this.listUuids('list the apps before a create whose name cannot carry the run prefix') : undefined;
    let res: ObservedResponse;
    try {
      res = await this.call('CreateSIPControlApp', { body, purpose, ...options });
    } catch (error) {
      if (!(error instanceof TransportStop) || !error.beforeAnswer) throw error;
      return this.reconcileCreate(key, intent, before, error, () => this.call('CreateSIPControlApp', { body, ...options, purpose: `${purpose} (sent again: its answer was lost and no app of that name exists)` }));
    }
    return { res, uuid: this.settleCreate(key, intent.name, res) };
  }

  /** The uuids the list shows now (undefined when it cannot be read). */
  private async listUuids(purpose: string): Promise<Set<string> | undefined> {
    try {
      const apps = payloadOf(await this.call('ListSIPControlApps', { purpose }));
      return Array.isArray(apps) ? new Set(apps.filter(isObject).map((a) => String(a.uuid))) : undefined;
    } catch (error) {
      if (error instanceof CaseStop) return undefined;
      throw error;
    }
  }

  /** Ledger the app a create answer names; without a uuid the intent stays open for cleanup. */
  private settleCreate(key: string, name: string, res: ObservedResponse): string | undefined {
    const payload = payloadOf(res);
    const uuid = res.status < 300 && isObject(payload) && typeof payload.uuid === 'string' ? payload.uuid : undefined;
    if (uuid) {
      this.env.sentValues?.created(name, uuid);
      this.env.ledger.created(key, uuid);
      this.created.push(uuid);
    }
    // Without a uuid the intent stays open: cleanup looks the name up (run-prefixed names only),
    // in case a server refused the request yet created the app anyway.
    return uuid;
  }

  /**
   * A create whose connection failed before any answer: the server may have made the app. Look it
   * up by its unique run name (the list is sent again on resets like any read): found, it is
   * adopted (the ledger's intent gets its uuid) and read back, the read standing in for the lost
   * answer; absent, the create is sent again under the same intent. Never two apps of one intent.
   * Names the run cannot recognise, an unreadable list or several candidates stop the case as before.
   */
  private async reconcileCreate(key: string, intent: { name: string; subdomain?: string }, before: Set<string> | undefined, lost: TransportStop, again: () => Promise<ObservedResponse>): Promise<{ res: ObservedResponse; uuid?: string }> {
    const { env } = this;
    const recognisable = carriesRunPrefix(env.runId, intent);
    if (!recognisable && !before) {
      // Too short to carry the run's prefix: nothing tells the app apart from others, so neither adopt nor create again.
      throw new TransportStop(`${lost.message}; its name and subdomain are too short to carry the run's prefix, so whether the app was made cannot be told (look for name ${JSON.stringify(intent.name.slice(0, 60))}${intent.subdomain === undefined ? '' : `, subdomain ${JSON.stringify(intent.subdomain)}`})`, false);
    }
    let failure = lost;
    for (let round = 0; round < RECONCILE_ROUNDS; round++) {
      let list: ObservedResponse;
      try {
        list = await this.call('ListSIPControlApps', { purpose: `look for the app whose create answer was lost (${intent.name.slice(0, 60)})` });
      } catch (error) {
        // The create's failure is the reason; the lookup's is the detail.
        if (error instanceof CaseStop) throw new TransportStop(`${failure.message}; looking the app up by its name failed too: ${error.message}`, false);
        throw error;
      }
      const apps = payloadOf(list);
      if (list.status >= 300 || !Array.isArray(apps)) throw failure;
      const found = apps.filter((app) => isObject(app) && typeof app.uuid === 'string' && env.ledger.keyOf(app.uuid) === undefined && (recognisable
        ? matchesIntent(env.runId, intent, app)
        // New since the list before the create, with exactly its name and subdomain.
        : !before!.has(app.uuid) && app.name === intent.name && (intent.subdomain === undefined || app.subdomain === intent.subdomain)));
      if (found.length > 1) throw failure;
      if (found.length === 1) {
        const uuid = (found[0] as { uuid: string }).uuid;
        env.sentValues?.created(intent.name, uuid);
        env.ledger.created(key, uuid);
        this.created.push(uuid);
        env.http.noteReconciled();
        const read = await this.call('GetSIPControlAppByUUID', { uuid, purpose: 'read back the app whose create answer was lost (found by its name)' });
        return { res: { ...read, standIn: "the create's answer was lost (connection failure); the app was found by its name and read back" }, uuid };
      }
      try {
        const res = await again();
        env.http.noteReconciled();
        return { res, uuid: this.settleCreate(key, intent.name, res) };
      } catch (error) {
        if (!(error instanceof TransportStop) || !error.beforeAnswer) throw error;
        failure = error;
      }
    }
    throw failure;
  }
}
