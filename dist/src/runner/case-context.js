import { FormData } from 'undici';
import { CHECKS } from "../checks/catalogue.js";
import { observe, isObject, payloadOf } from "../checks/observed.js";
import { RESPONSE_CHECKS } from "../checks/response-checks.js";
import { checkStatus, STATUS } from "../checks/status-code.js";
import { OPERATIONS, operationPath } from "../spec/operations.js";
import { toCurl } from "./curl.js";
const EXCERPT_BYTES = 4096;
/** Thrown to stop a case: skipped for a reason, or unable to go on (transport, setup). */
export class CaseStop extends Error {
    kind;
    constructor(kind, reason) {
        super(reason);
        this.kind = kind;
    }
}
/**
 * What one case sees of the run: a recorder of exchanges and check outcomes.
 * Every answer is put through the per-answer checks automatically; cases add
 * the checks about what the answer means.
 */
export class CaseContext {
    env;
    exchanges = [];
    outcomes = [];
    /** Uuids of apps this case created (to clean up early and to find in the ledger). */
    created = [];
    constructor(env) {
        this.env = env;
    }
    get strict() {
        return this.env.strict;
    }
    skip(reason) {
        throw new CaseStop('skipped', reason);
    }
    /** Send one operation's request, record it, apply the per-answer checks. */
    async call(operation, options) {
        const { method } = OPERATIONS[operation];
        const path = operationPath(operation, options.uuid);
        const res = await this.send(method, path, options, operation);
        this.keepLedger(operation, options, res);
        return res;
    }
    /** Whatever the case meant, the ledger follows what the server said it did. */
    keepLedger(operation, options, res) {
        if (res.status >= 300 || !options.uuid)
            return;
        const key = this.env.ledger.keyOf(options.uuid);
        if (!key)
            return;
        if (operation === 'RemoveSIPControlAppByUUID')
            this.env.ledger.removed(key);
        if (operation === 'AssignTNLeasesToSIPControlApp' && isObject(options.body)) {
            const { add, remove } = options.body;
            if (Array.isArray(add))
                this.env.ledger.leased(key, add.filter((x) => typeof x === 'string'));
            if (Array.isArray(remove))
                this.env.ledger.unleased(key, remove.filter((x) => typeof x === 'string'));
        }
    }
    async send(method, path, options, operation) {
        const env = this.env;
        if (env.readOnly && method !== 'GET') {
            // Defence in depth: read-only plans never include such cases.
            throw new CaseStop('skipped', `--read-only: would send ${method}`);
        }
        const headers = { accept: 'application/json' };
        const token = this.tokenFor(options.as ?? 'a');
        if (token !== undefined)
            headers['x-auth-token'] = token;
        let body;
        let recordedBody;
        if (options.form) {
            const form = new FormData();
            form.append(options.form.field, new Blob([options.form.content], { type: options.form.contentType }), options.form.filename);
            body = form;
            recordedBody = `[multipart part "${options.form.field}" (${options.form.contentType})]\n${options.form.content}`;
        }
        else if (options.rawBody !== undefined) {
            body = recordedBody = options.rawBody;
            headers['content-type'] = options.contentType ?? 'application/json';
        }
        else if (options.body !== undefined) {
            body = recordedBody = JSON.stringify(options.body);
            headers['content-type'] = 'application/json';
        }
        const url = `${env.baseUrl}${path}`;
        await env.pace();
        env.requestCount++;
        const outcome = await env.http.send({ method, url, headers, body, notAfter: env.deadlineAt });
        const redactedHeaders = env.redactor.headers(headers);
        const curl = options.form
            ? `${toCurl(method, url, redactedHeaders)} \\\n  -F '${options.form.field}=@callflow.xml;type=${options.form.contentType}'`
            : toCurl(method, url, redactedHeaders, recordedBody === undefined ? undefined : env.redactor.text(recordedBody));
        const exchange = {
            purpose: options.purpose,
            operation,
            request: { method, url, headers: redactedHeaders, body: recordedBody === undefined ? undefined : env.redactor.text(recordedBody) },
            durationMs: outcome.durationMs,
            curl,
            ...(outcome.throttled ? { throttled: outcome.throttled } : {}),
        };
        this.exchanges.push(exchange);
        const index = this.exchanges.length - 1;
        if (outcome.kind === 'transport-error') {
            exchange.transportError = outcome.message;
            if (outcome.errorKind === 'timeout') {
                this.record('response-time', { pass: false, message: `${method} ${path}: ${outcome.message}`, expected: 'an answer within the timeout', actual: outcome.message }, index);
            }
            throw new CaseStop('error', `${options.purpose}: ${method} ${path}: ${outcome.message}`);
        }
        exchange.response = {
            status: outcome.status,
            headers: env.redactor.headers(outcome.headers),
            bodyExcerpt: env.redactor.text(outcome.text.slice(0, EXCERPT_BYTES)),
            bodyTruncated: outcome.text.length > EXCERPT_BYTES,
        };
        const observed = { ...observe({ operation, method, path, status: outcome.status, headers: outcome.headers, text: outcome.text }), exchange: index };
        for (const [check, fn] of RESPONSE_CHECKS)
            this.record(check, fn(observed, this.strict), index);
        return observed;
    }
    tokenFor(caller) {
        if (caller === 'a')
            return this.env.tokens.a;
        if (caller === 'b') {
            if (!this.env.tokens.b)
                throw new CaseStop('skipped', 'needs --token-b (a second account)');
            return this.env.tokens.b;
        }
        return caller.token;
    }
    /** Record a check's verdict on the latest (or a given) exchange; returns whether it passed. */
    expect(check, verdict, exchange = this.exchanges.length - 1) {
        return this.record(check, verdict, exchange);
    }
    expectStatus(check, res, rule) {
        return this.record(check, checkStatus(res, rule, this.strict), res.exchange ?? this.exchanges.length - 1);
    }
    record(check, verdict, exchange) {
        if (verdict === null)
            return true;
        const { normative, rule } = CHECKS[check];
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
     * Create an app the run owns: ledger first, then the request; checks the
     * status; stops the case (error) if no app came of it, since what follows
     * needs one.
     */
    async createApp(purpose, overrides = {}) {
        const sent = { name: this.env.names.name('app'), subdomain: this.env.names.subdomain(), ...overrides };
        const { res, uuid } = await this.tryCreate(purpose, sent);
        this.expectStatus('status-code', res, STATUS.created);
        if (!uuid)
            throw new CaseStop('error', `${purpose}: create answered ${res.status} without an app uuid; cannot go on`);
        return { uuid, sent, res };
    }
    /** Send a create and ledger whatever comes of it; no status expectation (boundary cases decide). */
    async tryCreate(purpose, body, options = {}) {
        const name = isObject(body) && typeof body.name === 'string' ? body.name : '(unnamed)';
        const subdomain = isObject(body) && typeof body.subdomain === 'string' ? body.subdomain : undefined;
        const key = this.env.ledger.intent(name, subdomain);
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
//# sourceMappingURL=case-context.js.map