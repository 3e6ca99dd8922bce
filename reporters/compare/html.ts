/**
 * `compare.html`: one self-contained page, the differences grouped by class,
 * operation and kind, each with the two answers side by side, the differing
 * path highlighted and a curl for each target.
 */
import type { CompareResult, Difference, ExchangeView } from '../../src/compare/model.ts';
import { CLASS_TITLES } from '../../src/compare/model.ts';
import { scrubDeep } from '../../src/results/secrets.ts';
import { escapeHtml as h } from '../html.ts';
import { excerpt } from '../format.ts';
import { explain, groupDifferences, summaryLine } from './groups.ts';

/** Differences shown in full per group: a fault can differ in every exchange; the JSON has them all. */
const SHOWN_PER_GROUP = 20;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}
.spec{color:#b00020}.unexplained{color:#8a5a00}.errata{color:#2b6b2b}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.5em 0 1.5em}
.side{border:1px solid #ccc;border-radius:4px;padding:.5em;overflow:auto}
pre{white-space:pre-wrap;word-break:break-all;margin:.3em 0;font-size:12px}
mark{background:#ffe08a}code{background:#f4f4f4;padding:0 .2em}`;

/** The key a differing path ends with (`$.payload.name` → `name`), to mark its lines in a body. */
function keyOf(path: string): string | undefined {
  return /\.([A-Za-z_][\w]*)(?:\{[^}]*\}|\[[^\]]*\])*$/.exec(path)?.[1];
}

function body(text: string | undefined, path: string): string {
  if (text === undefined) return '';
  let pretty = text;
  try {
    pretty = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: shown as it came
  }
  const key = keyOf(path);
  const lines = excerpt(pretty, { maxLines: 60, maxLineChars: 200, maxChars: 6000 }).split('\n');
  return lines.map((line) => (key && line.includes(`"${key}"`) ? `<mark>${h(line)}</mark>` : h(line))).join('\n');
}

function side(title: string, e: ExchangeView | undefined, d: Difference): string {
  if (!e) return `<div class="side"><b>${h(title)}</b><p>(no such exchange)</p></div>`;
  const status = e.transportError ? `transport error: ${e.transportError}` : `${e.status}`;
  const headers = Object.entries(e.headers ?? {}).filter(([k]) => /^(content-type|retry-after|location)$/i.test(k)).map(([k, v]) => `${k}: ${v}`).join('\n');
  const mark = (text: string, on: boolean) => (on ? `<mark>${h(text)}</mark>` : h(text));
  return `<div class="side"><b>${h(title)}</b>
<pre>${h(`${e.method} ${e.url}`)}${e.requestBody ? `\n${h(excerpt(e.requestBody, { maxLines: 6, maxChars: 600 }))}` : ''}</pre>
<pre>${mark(status, d.kind === 'status' || d.kind === 'transport')}${headers ? `\n${mark(headers, d.kind === 'header')}` : ''}</pre>
<pre>${body(e.body, d.path)}</pre>
<details><summary>curl</summary><pre>${h(e.curl)}</pre></details></div>`;
}

function difference(d: Difference): string {
  return `<h3 class="${d.class}">${h(d.caseId)} #${d.index + 1}: ${h(d.purpose)}</h3>
<p><code>${h(d.path)}</code> — ${h(explain(d))}</p>
<div class="pair">${side('candidate', d.candidateExchange, d)}${side('reference', d.referenceExchange, d)}</div>`;
}

export function renderCompareHtml(raw: CompareResult): string {
  const result = scrubDeep(raw);
  const { info } = result;
  const groups = groupDifferences(result).map((g) => {
    const shown = g.differences.slice(0, SHOWN_PER_GROUP).map(difference).join('\n');
    const more = g.differences.length > SHOWN_PER_GROUP ? `<p>… ${g.differences.length - SHOWN_PER_GROUP} more in compare.json</p>` : '';
    return `<h2 class="${g.class}">${h(CLASS_TITLES[g.class])}: ${h(g.operation)} · ${h(g.kind)} (${g.differences.length})</h2>\n${shown}${more}`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sipapp-conformance compare</title><style>${STYLE}</style></head><body>
<h1>Candidate ${h(info.candidate.baseUrl)}${info.candidate.fault ? ` (fault ${h(info.candidate.fault)})` : ''} vs reference ${h(info.references[0].baseUrl)}</h1>
<p>${h(summaryLine(result))}</p>
<p>Seed ${info.seed}, budget ${h(info.budget)}; candidate run ${h(info.candidate.runId)}, reference runs ${h(info.references[0].runId)} and ${h(info.references[1].runId)}.</p>
${groups.join('\n') || '<p>No differences.</p>'}
</body></html>
`;
}
