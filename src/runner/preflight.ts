import type { HttpClient, HttpFailure, HttpReply } from './http.ts';
import { UsageError } from './options.ts';
import type { Redactor } from './redact.ts';

/**
 * Before the suite starts: is this the API, and does it take the token? One
 * misconfiguration (wrong base URL, expired token) would otherwise be blamed
 * on the API thousands of times. At most two requests: the list operation with
 * the token, and — when that answered — without it.
 *
 * Conservative on purpose: only what no implementation of the API can answer
 * stops the run (exit 2, one line saying what to fix). Anything a faulty but
 * real implementation could answer (a 500, a wrong content type over a JSON
 * body, a timeout) is left to the checks, which report it with evidence.
 */
export interface PreflightOutcome {
  /** One-line notices for stderr: findings that do not stop the run. */
  notices: string[];
  /** Requests sent (at most 2). */
  requests: number;
}

const API_PATH = '/rest/sip/app';

/** A base URL that already carries the API path: every request would go to /rest/sip/app/rest/sip/app. */
export function checkBaseUrlPath(baseUrl: string): void {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(API_PATH)) {
    const root = `${url.origin}${path.slice(0, -API_PATH.length)}`;
    throw new UsageError(`--base-url ends in ${API_PATH}, which the suite adds itself; give the API root: --base-url ${root}`);
  }
}

export async function preflight(http: HttpClient, baseUrl: string, token: string, redactor: Redactor): Promise<PreflightOutcome> {
  checkBaseUrlPath(baseUrl);
  const url = `${baseUrl}${API_PATH}`;
  const say = (text: string) => redactor.text(text);
  const withToken = await http.send({ method: 'GET', url, headers: { accept: 'application/json', 'x-auth-token': token } });
  if (withToken.kind === 'transport-error') {
    if (withToken.errorKind === 'connection') throw new UsageError(say(`cannot reach ${baseUrl}: ${withToken.message}`));
    // A timeout or a broken answer is the checks' business (response-time, …): they report it with evidence.
    return { notices: [], requests: 1 };
  }
  if (withToken.status >= 300 && withToken.status < 400) {
    const to = withToken.headers.location ? ` to ${withToken.headers.location}` : '';
    throw new UsageError(say(`GET ${url} answered ${withToken.status} (a redirect${to}); redirects are never followed (the token must not travel): give --base-url the address that answers directly`));
  }
  if (withToken.status === 401 || withToken.status === 403) {
    const said = apiMessage(withToken);
    throw new UsageError(say(`the token was refused: GET ${url} answered ${withToken.status}${said ? ` (${said})` : ''}; check SIPAPP_TOKEN / --token (expired? issued for another environment?)`));
  }
  const withoutToken = await http.send({ method: 'GET', url, headers: { accept: 'application/json' } });
  const notices: string[] = [];
  if (!isJson(withToken) && (withoutToken.kind === 'transport-error' || !isJson(withoutToken))) {
    // Neither answer is JSON: an HTML page, a proxy's error page, a 404 of some other site.
    if (withoutToken.kind === 'response' || withToken.status === 404 || isHtml(withToken)) {
      throw new UsageError(say(`${baseUrl} does not look like the SIP Control App API: GET ${url} answered ${withToken.status} ${contentType(withToken)}, not JSON; check --base-url (the API root, e.g. https://api.opentact.org)`));
    }
  }
  if (withToken.status === 404 && withoutToken.kind === 'response' && withoutToken.status === 404) {
    throw new UsageError(say(`${baseUrl} does not look like the SIP Control App API: GET ${url} answered 404 with and without a token; check --base-url (the API root, e.g. https://api.opentact.org)`));
  }
  if (withoutToken.kind === 'response' && withoutToken.status >= 200 && withoutToken.status < 300) {
    notices.push(say(`notice: GET ${url} without a token answered ${withoutToken.status}; the auth cases will report it (auth-required)`));
  }
  return { notices, requests: 2 };
}

function isJson(reply: HttpReply | HttpFailure): boolean {
  if (reply.kind !== 'response') return false;
  try {
    const body = JSON.parse(reply.text) as unknown;
    return body !== null && typeof body === 'object';
  } catch {
    return false;
  }
}

const contentType = (reply: HttpReply) => reply.headers['content-type']?.split(';')[0]?.trim() || 'without a content type';
const isHtml = (reply: HttpReply) => /html/i.test(reply.headers['content-type'] ?? '') || /^\s*</.test(reply.text);

/** The API's own words for a refusal, when it answered with an error envelope. */
function apiMessage(reply: HttpReply): string | undefined {
  try {
    const body = JSON.parse(reply.text) as { message?: unknown };
    return typeof body?.message === 'string' ? body.message.slice(0, 120) : undefined;
  } catch {
    return undefined;
  }
}
