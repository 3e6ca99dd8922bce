/**
 * HAR reporter: `<outDir>/run.har`, every exchange of the run as HTTP Archive
 * 1.2 (the format browsers' network panels import and export), in the order
 * the cases were defined, each case's in the order sent: also the requests a
 * case sent that its verdict does not cite (passing generated examples), which
 * the other reports leave out. What it holds is what the results bundle holds:
 * headers with tokens already redacted (`$SIPAPP_TOKEN`), bodies capped as in
 * every report (the first 4 KiB; `content.comment` says when cut). The
 * creator's comment names the run id, the tool version and the run's seed; each
 * entry's comment names the case and why the request was sent.
 */
import type { Entry, Har, Header } from 'har-format';
import { STATUS_CODES } from 'node:http';
import type { CaseResult, Exchange, RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
import { writeReportFile } from './files.ts';
import { scrubDeep } from '../src/results/secrets.ts';
import { mediaType } from '../src/results/coverage.ts';

export const HAR_FILE = 'run.har';

export class HarReporter implements Reporter {
  readonly name = 'har';
  constructor(private readonly opts: Pick<ReporterOptions, 'outDir'>) {}

  async onEnd(run: RunResult): Promise<string[]> {
    return [await writeReportFile(this.opts.outDir, HAR_FILE, `${JSON.stringify(renderHar(run), null, 2)}\n`, '<redacted-jwt>')];
  }
}

const headerList = (headers: Record<string, string>): Header[] => Object.entries(headers).map(([name, value]) => ({ name, value }));

function entry(c: CaseResult, e: Exchange, fallbackStart: string): Entry {
  let queryString: Entry['request']['queryString'] = [];
  try {
    queryString = [...new URL(e.request.url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    /* a URL the suite could not parse is still recorded as sent */
  }
  const requestType = e.request.headers['content-type'];
  const request: Entry['request'] = {
    method: e.request.method,
    url: e.request.url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: headerList(e.request.headers),
    queryString,
    headersSize: -1,
    bodySize: e.request.body === undefined ? 0 : Buffer.byteLength(e.request.body, 'utf8'),
    ...(e.request.body === undefined ? {} : { postData: { mimeType: requestType ?? (e.request.body.startsWith('[multipart') ? 'multipart/form-data' : 'application/octet-stream'), text: e.request.body } }),
  };
  const time = Math.max(0, e.durationMs);
  const response: Entry['response'] = e.response
    ? {
        status: e.response.status,
        statusText: STATUS_CODES[e.response.status] ?? '',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: headerList(e.response.headers),
        content: {
          size: Buffer.byteLength(e.response.bodyExcerpt, 'utf8'),
          mimeType: e.response.headers['content-type'] ?? (mediaType(e.response.headers) === '-' ? 'x-unknown' : mediaType(e.response.headers)),
          text: e.response.bodyExcerpt,
          ...(e.response.bodyTruncated ? { comment: 'body cut to the first 4 KiB, as in every report' } : {}),
        },
        redirectURL: e.response.headers.location ?? '',
        headersSize: -1,
        bodySize: -1,
      }
    : {
        // No answer (timeout, reset, oversized body): status 0, as browsers record a failed request.
        status: 0,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [],
        content: { size: 0, mimeType: 'x-unknown', comment: e.transportError ?? 'no response' },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      };
  return {
    startedDateTime: e.startedAt ?? fallbackStart,
    time,
    request,
    response,
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    comment: `${c.id}: ${e.purpose}${e.transportError ? ` (transport error: ${e.transportError})` : ''}`,
  };
}

/** Everything a case sent, in the order sent (when the bundle says when). */
function sentBy(c: CaseResult): Exchange[] {
  const all = [...c.exchanges, ...(c.unlistedExchanges ?? [])];
  return all.every((e) => e.startedAt) ? all.sort((x, y) => x.startedAt!.localeCompare(y.startedAt!)) : all;
}

const describeSeed = (info: RunResult['info']) =>
  info.generation ? `seed ${info.generation.seed}, budget ${info.generation.budget}` : 'seed: none (no generated case ran; names derive from the run id)';

/** The HAR 1.2 document of a run (exported for tests). */
export function renderHar(rawRun: RunResult): Har {
  const run = scrubDeep(rawRun);
  const { info } = run;
  const entries = run.cases.flatMap((c) => sentBy(c).map((e) => entry(c, e, info.startedAt)));
  return {
    log: {
      version: '1.2',
      creator: {
        name: info.tool.name,
        version: info.tool.version,
        comment: `run ${info.runId}; ${describeSeed(info)}; spec ${info.spec.version} sha256 ${info.spec.sha256}`,
      },
      entries,
      comment: `${info.tool.name} ${info.tool.version} run ${info.runId} against ${info.target.baseUrl}${info.shard ? `, shard ${info.shard.index}/${info.shard.total}` : ''}: ${run.summary.exitCode === 0 ? 'PASSED' : 'FAILED'}, ${entries.length} requests. Tokens are redacted ($SIPAPP_TOKEN).`,
    },
  };
}
