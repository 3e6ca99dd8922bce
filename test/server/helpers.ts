/** Shared helpers for the reference server's tests: HTTP over undici, forged tokens, schema checks. */
import { request, FormData } from 'undici';
import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import type { OperationId } from '../../src/spec/operations.ts';
import { validateResponse } from '../../src/spec/validators.ts';

export interface Res {
  status: number;
  contentType: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  raw?: string;
  contentType?: string;
  form?: FormData;
  headers?: Record<string, string>;
}

export async function call(base: string, method: string, path: string, opts: CallOptions = {}): Promise<Res> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.token !== undefined) headers['x-auth-token'] = opts.token;
  let body: string | FormData | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.raw !== undefined) {
    headers['content-type'] = opts.contentType ?? 'application/json';
    body = opts.raw;
  } else if (opts.form) {
    body = opts.form;
  }
  const r = await request(base + path, { method: method as 'GET', headers, body });
  const text = await r.body.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: r.statusCode, contentType: String(r.headers['content-type'] ?? ''), text, body: parsed };
}

/** A multipart body with the call flow in part `file`. */
export function callFlowForm(xml: string, field = 'file'): FormData {
  const form = new FormData();
  form.append(field, new Blob([xml], { type: 'application/xml' }), 'callflow.xml');
  return form;
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function unsignedToken(account: string): string {
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: account, iat: now, exp: now + 3600 })}.`;
}

/** The valid token with its payload changed (exp pushed out a day), signature kept. */
export function tamperedToken(token: string): string {
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { exp: number };
  payload.exp += 86400;
  return `${h}.${b64(payload)}.${s}`;
}

export async function wronglySignedToken(account: string): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(account).setIssuedAt().setExpirationTime('1h').sign(randomBytes(32));
}

/** Schema errors of an answer, via the suite's response validators (src/spec/validators.ts). */
export function schemaErrors(operation: OperationId, res: Res): string[] {
  const v = validateResponse(operation, res.status, res.body);
  return v.errors.map((e) => `${e.pointer} ${e.keyword}: ${e.message}`);
}

export const JSON_CT = /^application\/json(;\s*charset=utf-8)?$/i;

export function appBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Support line', subdomain: 'support-line', ...over };
}
