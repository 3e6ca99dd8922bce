/**
 * A rich RunResult for reporter tests: every case status, several suites and
 * operations, a normative failure next to an advisory warning, a transport
 * error, skips; and hostile text (unicode, `]]>`, control characters,
 * `<script>`, quotes, very long bodies, a raw JWT that slipped into a message).
 */
import { Writable } from 'node:stream';
import type { Reporter } from '../../reporters/reporter.ts';
import type { CaseResult, CheckOutcome, Exchange, PlannedCase, RunResult, RunSummary } from '../../src/results/model.ts';

/** Looks like a real HS256 JWT; no reporter may print it. */
export const RAW_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEiLCJhY2NvdW50IjoiYWNtZSIsImlhdCI6MTcwMDAwMDAwMH0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const JWT_RE = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/;

export const HOSTILE = `<script>alert("x")</script> & "quotes" 'single' ]]> \u0001\u0008\u000b\u001b[31mred\u001b[0m \uFFFE end`;
export const BASE = 'https://sip.example.test';
const UUID = '3f1c2b7a-9d4e-4a61-8b2f-0c5d6e7f8a91';

function curl(method: string, path: string, body?: string): string {
  return `curl -sS -X ${method} '${BASE}${path}' -H 'X-Auth-Token: $SIPAPP_TOKEN' -H 'Content-Type: application/json'${body ? ` --data-raw '${body}'` : ''}`;
}

function exchange(purpose: string, operation: string, method: string, path: string, status: number | undefined, body: string, opts: Partial<Exchange> = {}): Exchange {
  const reqBody = method === 'POST' || method === 'PATCH' ? '{"name":"conformance-app","subdomain":"conf-1"}' : undefined;
  return {
    purpose,
    operation,
    request: {
      method,
      url: `${BASE}${path}`,
      headers: { 'x-auth-token': '$SIPAPP_TOKEN', 'content-type': 'application/json' },
      ...(reqBody ? { body: reqBody } : {}),
    },
    ...(status !== undefined
      ? { response: { status, headers: { 'content-type': 'application/json; charset=utf-8' }, bodyExcerpt: body, bodyTruncated: body.length > 4096 } }
      : {}),
    durationMs: 42,
    curl: curl(method, path, reqBody),
    ...opts,
  };
}

const ok = (check: string, rule: string, exchangeIndex = 0): CheckOutcome => ({
  check,
  status: 'passed',
  normative: true,
  rule,
  message: `${check} holds`,
  exchange: exchangeIndex,
});

export function fixtureCases(): CaseResult[] {
  const longBody = JSON.stringify({ success: false, message: 'Internal Server Error', trace: Array.from({ length: 400 }, (_, i) => `frame ${i} at Handler.process (app.js:${i})`) });
  return [
    {
      id: 'lifecycle-001',
      title: 'Create answers 200/201 with the app — «é中»',
      suite: 'lifecycle',
      operation: 'CreateSIPControlApp',
      tags: ['smoke'],
      status: 'passed',
      durationMs: 120.4,
      checks: [
        ok('status-code', 'page responses, E12/E13'),
        ok('response-schema', 'spec/openapi.yaml'),
        {
          check: 'error-status-matches',
          status: 'warning',
          normative: false,
          rule: 'E02',
          message: 'envelope status 401 differs from HTTP status 404',
          expected: '404',
          actual: '401',
          exchange: 0,
        },
      ],
      exchanges: [exchange('create app', 'CreateSIPControlApp', 'POST', '/rest/sip/app', 201, `{"success":true,"payload":{"uuid":"${UUID}","name":"conformance-app"}}`)],
    },
    {
      id: 'lifecycle-002',
      title: 'Create with a long name is accepted',
      suite: 'lifecycle',
      operation: 'CreateSIPControlApp',
      tags: [],
      status: 'failed',
      durationMs: 1830,
      checks: [
        {
          check: 'status-code',
          status: 'failed',
          normative: true,
          rule: 'page responses, E12/E13',
          message: `expected 200 or 201, got 500 ${HOSTILE}`,
          expected: '200 | 201',
          actual: '500',
          exchange: 1,
        },
        {
          check: 'no-server-error',
          status: 'failed',
          normative: true,
          rule: 'E05/E24',
          message: 'the server answered 5xx',
          expected: 'no 5xx',
          actual: 'HTTP 500',
          exchange: 1,
        },
        {
          check: 'documented-fields',
          status: 'warning',
          normative: false,
          rule: 'E29',
          message: 'fields missing from the list item: created_on',
          exchange: 0,
        },
      ],
      exchanges: [
        exchange('list apps before', 'ListSIPControlApps', 'GET', '/rest/sip/app', 200, '{"success":true,"payload":[]}'),
        exchange('create app with 255-char name', 'CreateSIPControlApp', 'POST', '/rest/sip/app', 500, longBody + ' ]]> <b>bold</b> \u0000\u0007'),
      ],
    },
    {
      id: 'auth-004',
      title: 'List with a forged token # is refused',
      suite: 'auth',
      operation: 'ListSIPControlApps',
      tags: ['security'],
      status: 'failed',
      durationMs: 55,
      checks: [
        {
          check: 'auth-required',
          status: 'failed',
          normative: true,
          rule: 'page 401, E03',
          message: `a forged token ${RAW_JWT} was accepted: <b>200</b> & "ok"`,
          expected: '401',
          actual: `200 with body {"token":"${RAW_JWT}"}`,
          exchange: 0,
        },
      ],
      exchanges: [exchange('GET with forged token', 'ListSIPControlApps', 'GET', '/rest/sip/app', 200, `{"success":true,"payload":[],"echo":"${RAW_JWT}"}`)],
    },
    {
      id: 'auth-005',
      title: 'Get without a token is refused',
      suite: 'auth',
      operation: 'GetSIPControlAppByUUID',
      tags: ['security'],
      status: 'passed',
      durationMs: 31,
      checks: [ok('auth-required', 'page 401, E03'), ok('content-type', 'E32')],
      exchanges: [exchange('GET without token', 'GetSIPControlAppByUUID', 'GET', `/rest/sip/app/${UUID}`, 401, '{"success":false,"message":"Unauthorized","status":401}')],
    },
    {
      id: 'validation-010',
      title: 'Modify with a wrong type is refused',
      suite: 'validation',
      operation: 'ModifySIPControlApp',
      tags: [],
      status: 'error',
      durationMs: 30000,
      reason: 'transport: socket hang up (ECONNRESET) after 30s',
      checks: [{ check: 'input-validation', status: 'skipped', normative: true, rule: 'page request types, E05', message: 'not evaluated: no response' }],
      exchanges: [
        exchange('PATCH with is_active as a string', 'ModifySIPControlApp', 'PATCH', `/rest/sip/app/${UUID}`, undefined, '', {
          transportError: 'ECONNRESET: socket hang up',
          durationMs: 30000,
        }),
      ],
    },
    {
      id: 'tnlease-003',
      title: 'Assign a lease',
      suite: 'tnlease',
      operation: 'AssignTNLeasesToSIPControlApp',
      tags: [],
      status: 'skipped',
      durationMs: 0,
      reason: 'no TN lease fixture (--lease not given) # needs one',
      checks: [],
      exchanges: [],
    },
    {
      id: 'tnlease-004',
      title: 'List leases',
      suite: 'tnlease',
      operation: 'GetSIPControlAppTNLeasesList',
      tags: [],
      status: 'skipped',
      durationMs: 0,
      reason: '--read-only',
      checks: [],
      exchanges: [],
    },
    {
      id: 'call-001',
      title: 'Valid call-flow XML is accepted\nsecond line',
      suite: 'call',
      operation: 'ExecuteSIPControlAppCallExecuteCallFlow',
      tags: [],
      status: 'passed',
      durationMs: 240,
      checks: [ok('callflow-accepted', 'page call route, E06/E07'), ok('status-code', 'page responses, E12/E13')],
      exchanges: [exchange('post call flow', 'ExecuteSIPControlAppCallExecuteCallFlow', 'POST', `/rest/sip/app/call/${UUID}`, 200, '{"success":true,"payload":{"uuid":"x"}}')],
    },
  ];
}

export function summarise(cases: CaseResult[]): RunSummary {
  const n = (s: CaseResult['status']) => cases.filter((c) => c.status === s).length;
  const failed = n('failed');
  const errors = n('error');
  return {
    total: cases.length,
    passed: n('passed'),
    failed,
    errors,
    skipped: n('skipped'),
    warnings: cases.reduce((w, c) => w + c.checks.filter((k) => k.status === 'warning').length, 0),
    durationMs: cases.reduce((t, c) => t + c.durationMs, 0),
    requests: cases.reduce((r, c) => r + c.exchanges.length, 0),
    exitCode: failed + errors > 0 ? 1 : 0,
  };
}

/** The rich fixture run. `cases` may be overridden (e.g. an all-passing run). */
export function buildRun(cases: CaseResult[] = fixtureCases()): RunResult {
  return {
    info: {
      runId: 'run-2025-01-31T12-00-00Z-7f3a',
      tool: { name: 'sipapp-conformance', version: '0.1.0' },
      spec: { version: '2024-06', sha256: 'a'.repeat(64) },
      node: 'v20.19.0',
      target: { baseUrl: BASE, embedded: false },
      options: { reporter: ['console', 'junit'], timeout: 10000, strict: false },
      startedAt: '2025-01-31T12:00:00.123Z',
      endedAt: '2025-01-31T12:00:33.000Z',
      generation: { seed: 424242, budget: '150 requests' },
    },
    cases,
    summary: summarise(cases),
  };
}

export function buildPlan(run: RunResult): PlannedCase[] {
  return run.cases.map((c) => ({ id: c.id, title: c.title, suite: c.suite, operation: c.operation, tags: c.tags, checks: c.checks.map((k) => k.check) }));
}

/** A stream that collects console output. */
export function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _enc, cb) {
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      cb();
    },
  });
  return { stream, text: () => text };
}

/** Drive a reporter through a whole run, as the runner does. */
export async function drive(reporter: Reporter, run: RunResult = buildRun()): Promise<string[]> {
  await reporter.onBegin?.(run.info, buildPlan(run));
  for (const c of run.cases) await reporter.onCaseEnd?.(c);
  const files = await reporter.onEnd(run);
  await reporter.onReportFiles?.(files);
  return files;
}
