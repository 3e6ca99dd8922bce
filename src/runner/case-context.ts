import { FormData } from 'undici';
import { CHECKS, type CheckName } from '../checks/catalogue.ts';
import { observe, type ObservedResponse, isObject, payloadOf } from '../checks/observed.ts';
import { RESPONSE_CHECKS, responseTimeExceeded } from '../checks/response-checks.ts';
import { checkStatus, STATUS, type StatusRule } from '../checks/status-code.ts';
import type { Verdict } from '../checks/verdict.ts';
import type { SentApp } from '../checks/read-after-write.ts';
import { OPERATIONS, operationPath, type OperationId } from '../spec/operations.ts';
import type { CheckOutcome, Exchange } from '../results/model.ts';
import { toCurl } from './curl.ts';
import type { RunEnvironment } from './environment.ts';
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
    if (res.status >= 300 || !options.uuid) return;
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
    await env.pace();
    env.requestCount++;
    const startedAt = new Date().toISOString();
    let outcome = await env.http.send({ method, url, headers, body, notAfter: env.deadlineAt });
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
        outcome = await env.http.send({ method, url, headers, body, notAfter: env.deadlineAt });
        purpose = `${purpose} (sent again with a renewed token after a 401)`;
        if (outcome.kind === 'response') source.noteResent(fresh, outcome.status);
      }
    }
    const redactedHeaders = env.redactor.headers(headers);
    const curl = options.form
      ? `${toCurl(method, url, redactedHeaders)} \\\n  -F '${options.form.field}=@callflow.xml;type=${options.form.contentType}'`
      : toCurl(method, url, redactedHeaders, recordedBody === undefined ? undefined : env.redactor.text(recordedBody));
    const exchange: Exchange = {
      purpose,
      operation,
      startedAt,
      request: { method, url, headers: redactedHeaders, body: recordedBody === undefined ? undefined : env.redactor.text(recordedBody) },
      durationMs: outcome.durationMs,
      curl,
      ...(outcome.throttled ? { throttled: outcome.throttled } : {}),
    };
    this.exchanges.push(exchange);
    this.env.transcript?.push(exchange);
    const index = this.exchanges.length - 1;
    if (outcome.kind === 'transport-error') {
      exchange.transportError = outcome.message;
      if (outcome.errorKind === 'timeout') {
        this.record('response-time', responseTimeExceeded(`${method} ${path}`, outcome.message), index);
      }
      throw new CaseStop('error', `${options.purpose}: ${method} ${path}: ${outcome.message}`);
    }
    exchange.response = {
      status: outcome.status,
      headers: env.redactor.headers(outcome.headers),
      bodyExcerpt: env.redactor.text(outcome.text.slice(0, EXCERPT_BYTES)),
      bodyTruncated: outcome.text.length > EXCERPT_BYTES,
      ...(this.env.transcript && outcome.text.length > EXCERPT_BYTES ? { fullBody: env.redactor.text(outcome.text) } : {}),
    };
    const observed = { ...observe({ operation, method, path, status: outcome.status, headers: outcome.headers, text: outcome.text }), exchange: index };
    for (const [check, fn] of RESPONSE_CHECKS) this.record(check, fn(observed, this.strict), index);
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

  expectStatus(check: CheckName, res: ObservedResponse, rule: StatusRule): boolean {
    return this.record(check, checkStatus(res, rule, this.strict), res.exchange ?? this.exchanges.length - 1);
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
    const res = await this.call('CreateSIPControlApp', { body, purpose, ...options });
    const payload = payloadOf(res);
    const uuid = res.status < 300 && isObject(payload) && typeof payload.uuid === 'string' ? payload.uuid : undefined;
    if (uuid) {
      this.env.ledger.created(key, uuid);
      this.created.push(uuid);
    }
    // Without a uuid the intent stays open: cleanup looks the name up (run-prefixed names only),
    // in case a server refused the request yet created the app anyway.
    return { res, uuid };
  }
}
