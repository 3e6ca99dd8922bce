/**
 * HTML reporter: `<outDir>/report.html`, one self-contained file (inline CSS,
 * one tiny inline script for the copy buttons, a Content-Security-Policy that
 * forbids every fetch). Header with verdict and counts; a matrix of operations
 * × checks coloured by the worst result; then every failure with its evidence,
 * errors, warnings, skips, and all cases. Everything from the run is escaped.
 */
import { createHash } from 'node:crypto';
import type { CaseResult, CaseStatus, CheckOutcome, Exchange, RunResult } from '../src/results/model.ts';
import type { Reporter, ReporterOptions } from './reporter.ts';
import { cleanText, errorEvidence, excerpt, formatDuration, oneLine, plural, requestExcerpt, responseExcerpt, notRunNote, embeddedCurlNote } from './format.ts';
import { CASE_STATUSES, casesByOperation, cellStatus, checkNamesOf, failureItems, outcomeMatrix, verdict, warningItems, type FailureItem } from './tallies.ts';
import { writeReportFile } from './files.ts';
import { scrubDeep } from '../src/results/secrets.ts';
import { COVERAGE_HEAD, coverageHeadline, coverageRows, coverageShortfall, modelCoverageHeadline } from './coverage-view.ts';

export const HTML_FILE = 'report.html';
const EXCERPT = { maxLines: 14, maxLineChars: 240, maxChars: 2400 };

export class HtmlReporter implements Reporter {
  readonly name = 'html';
  constructor(private readonly opts: Pick<ReporterOptions, 'outDir'>) {}

  async onEnd(run: RunResult): Promise<string[]> {
    return [await writeReportFile(this.opts.outDir, HTML_FILE, renderHtml(run), '&lt;redacted-jwt&gt;')];
  }
}

/** Escape for HTML text and double-quoted attributes, after dropping control characters. */
export function escapeHtml(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
const h = escapeHtml;

const SCRIPT = `document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button.copy');if(!b)return;var el=document.getElementById(b.getAttribute('data-for'));if(!el)return;function sel(){var r=document.createRange();r.selectNodeContents(el);var s=window.getSelection();s.removeAllRanges();s.addRange(r);}function done(t){b.textContent=t;setTimeout(function(){b.textContent='Copy'},1500);}if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(el.textContent).then(function(){done('Copied')},function(){sel();done('Selected')});}else{sel();done('Selected');}});`;
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--card:#fff;
--red:#cf222e;--red-bg:#ffebe9;--amber:#9a6700;--amber-cell:#e3b341;--amber-bg:#fff8c5;--green:#1a7f37;--green-cell:#2da44e;--green-bg:#dafbe1;
--grey:#818b98;--grey-bg:#eff2f5;--purple:#8250df;--purple-bg:#fbefff;
--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}
main{max-width:1240px;margin:0 auto;padding:0 20px 40px}
code,pre{font-family:var(--mono);font-size:12.5px}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
.top{background:#24292f;color:#fff;padding:22px 0 18px;border-bottom:4px solid var(--red)}
.top.passed{border-bottom-color:var(--green-cell)}
.top .inner{max-width:1240px;margin:0 auto;padding:0 20px;display:flex;gap:22px;align-items:center}
.verdict{font-weight:700;font-size:22px;letter-spacing:.06em;padding:10px 18px;border-radius:8px;background:var(--red);color:#fff;white-space:nowrap}
.passed .verdict{background:var(--green-cell)}
.interrupted .verdict{background:#b7791f}
.top h1{margin:0 0 4px;font-size:20px;font-weight:600}
.top .meta{color:#d1d9e0;font-size:13px;display:flex;flex-wrap:wrap;gap:4px 18px}
.top .meta b{color:#fff;font-weight:600}
.top code{font-size:12.5px;color:#fff}
.counts{display:grid;grid-template-columns:repeat(7,1fr);gap:12px;margin:20px 0}
.count{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;border-top:3px solid var(--grey)}
.count .n{font-size:26px;font-weight:650;line-height:1.2}
.count .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
.count.passed{border-top-color:var(--green-cell)}.count.passed .n{color:var(--green)}
.count.failed{border-top-color:var(--red)}.count.failed .n{color:var(--red)}
.count.error{border-top-color:var(--purple)}.count.error .n{color:var(--purple)}
.count.warning{border-top-color:var(--amber-cell)}.count.warning .n{color:var(--amber)}
.count.zero .n{color:var(--grey)}
section{margin-top:28px}
h2{font-size:17px;margin:0 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h2 .sub{font-weight:400;color:var(--muted);font-size:13px;margin-left:8px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;overflow-x:auto}
table{border-collapse:collapse;width:100%}
.matrix{width:auto}
.panel.fit{display:inline-block;max-width:100%;vertical-align:top}
th,td{padding:6px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
th{font-weight:600;color:var(--muted);font-size:12px;background:#f6f8fa}
tr:last-child td{border-bottom:0}
.matrix thead th{vertical-align:bottom}
.matrix th.check{vertical-align:bottom;padding:6px 2px;text-align:center;white-space:nowrap}
.matrix th.check span{writing-mode:vertical-rl;transform:rotate(180deg);font-family:var(--mono);font-size:11.5px;color:var(--fg);font-weight:500}
.matrix th.op,.matrix td.op{white-space:nowrap;font-family:var(--mono);font-size:12.5px}
.matrix td.cell{text-align:center;padding:3px;border-left:1px solid #fff;min-width:38px}
.matrix td.cell div{border-radius:4px;padding:5px 2px;font-size:12px;font-weight:600;font-variant-numeric:tabular-nums}
.cell.failed div{background:var(--red);color:#fff}.cell.warning div{background:var(--amber-cell);color:#3b2300}
.cell.passed div{background:var(--green-cell);color:#fff}.cell.none div{background:var(--grey-bg);color:var(--grey);font-weight:400}
.cell a{color:inherit;display:block}
.pills{white-space:nowrap}
.pill{display:inline-block;min-width:26px;text-align:center;border-radius:10px;padding:0 7px;font-size:12px;font-weight:600;margin-right:3px}
.pill.passed{background:var(--green-bg);color:var(--green)}.pill.failed{background:var(--red-bg);color:var(--red)}
.pill.error{background:var(--purple-bg);color:var(--purple)}.pill.skipped{background:var(--grey-bg);color:var(--muted)}
.pill.warning{background:var(--amber-bg);color:var(--amber)}
.legend{display:flex;gap:16px;color:var(--muted);font-size:12px;margin:8px 2px 0;flex-wrap:wrap}
.legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-2px}
.card{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--red);border-radius:8px;margin:0 0 14px;padding:12px 16px}
.card.error{border-left-color:var(--purple)}
.card h3{margin:0 0 8px;font-size:14.5px;font-weight:600;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.card h3 code{font-size:13px;background:var(--bg);padding:1px 6px;border-radius:4px}
.card .where{color:var(--muted);font-weight:400;font-size:12.5px}
.kv{display:grid;grid-template-columns:90px 1fr;gap:3px 12px;margin:0 0 8px}
.kv dt{color:var(--muted);font-size:12.5px}.kv dd{margin:0;word-break:break-word}
.tag{font-size:11px;border:1px solid var(--line);border-radius:10px;padding:0 7px;color:var(--muted);margin-left:6px}
.tag.norm{border-color:var(--red);color:var(--red)}
.ea{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.lbl{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:8px 0 3px;display:flex;align-items:center;gap:8px}
pre{margin:0;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 10px;white-space:pre-wrap;word-break:break-all;max-height:320px;overflow:auto}
pre.exp{border-left:3px solid var(--green-cell)}pre.act{border-left:3px solid var(--red)}
pre.curl{background:#24292f;color:#e6edf3;border-color:#24292f}
button.copy{font:inherit;font-size:11px;text-transform:none;letter-spacing:0;padding:1px 8px;border:1px solid var(--line);border-radius:5px;background:var(--card);color:var(--fg);cursor:pointer}
button.copy:hover{background:var(--bg)}
.muted{color:var(--muted)}
.empty{color:var(--muted);padding:10px 2px}
details.all summary{cursor:pointer;font-weight:600;font-size:15px;padding:6px 0}
footer{color:var(--muted);font-size:12px;margin-top:30px;border-top:1px solid var(--line);padding-top:10px}
@media print{pre{max-height:none}.top{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

export function renderHtml(rawRun: RunResult): string {
  const run = scrubDeep(rawRun);
  const { info, summary: s } = run;
  const v = verdict(s);
  const failures = failureItems(run);
  const anchors = new Map<FailureItem, string>(failures.map((f, i) => [f, `failure-${i + 1}`]));
  const errors = run.cases.filter((c) => c.status === 'error');
  const warnings = warningItems(run);
  const skipped = run.cases.filter((c) => c.status === 'skipped');

  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const title = `${v} · ${info.tool.name} · ${info.target.baseUrl} · run ${info.runId}`;
  const duration = formatDuration(s.durationMs);

  const count = (n: number, label: string, cls: string) =>
    `<div class="count ${cls}${n === 0 && cls !== 'total' ? ' zero' : ''}"><div class="n">${n}</div><div class="l">${h(label)}</div></div>`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(`${info.tool.name} ${info.tool.version}`)}">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top ${v === 'PASSED' ? 'passed' : v === 'INTERRUPTED' ? 'interrupted' : 'failed'}"><div class="inner">
<div class="verdict">${v}</div>
<div>
<h1>SIP Control App API conformance</h1>
<div class="meta">
<span>target <b>${h(info.target.baseUrl)}</b>${info.target.embedded ? ' (embedded server)' : ''}</span>
<span>run <code>${h(info.runId)}</code></span>
<span>spec ${h(info.spec.version)} <code title="${h(info.spec.sha256)}">${h(info.spec.sha256.slice(0, 12))}</code></span>
${info.shard ? `<span>shard ${info.shard.index}/${info.shard.total}</span>` : ''}
${info.generation ? `<span>seed <code>${h(String(info.generation.seed))}</code> · budget ${h(info.generation.budget)}</span>` : ''}
<span>${h(info.tool.name)} ${h(info.tool.version)} · node ${h(info.node)}</span>
<span>started ${h(info.startedAt)} · ${h(duration)} · ${plural(s.requests, 'request')}</span>
${s.interrupted ? `<span class="interrupted-note"><b>${h(notRunNote(s))}</b> · exit ${s.exitCode}</span>` : ''}
</div>
</div>
</div></header>
<main>
<div class="counts">
${count(s.total, 'cases', 'total')}
${count(s.passed, 'passed', 'passed')}
${count(s.failed, 'failed', 'failed')}
${count(s.errors, 'errors', 'error')}
${count(s.skipped, 'skipped', 'skipped')}
${count(s.warnings, 'warnings', 'warning')}
${count(s.requests, 'requests', 'total')}
</div>
${matrixSection(run, failures, anchors)}
${coverageSection(run)}
<section id="failures">
<h2>Failures <span class="sub">${plural(failures.length, 'failed check')} in ${plural(s.failed, 'case')}</span></h2>
${failures.length && embeddedCurlNote(info) ? `<div class="empty">${h(embeddedCurlNote(info)!)}</div>` : ''}
${failures.length ? failures.map((f) => failureCard(f, anchors.get(f)!)).join('\n') : '<div class="empty">No check failed.</div>'}
</section>
${errors.length ? `<section id="errors">
<h2>Errors <span class="sub">could not be evaluated (transport or setup), not a conformance verdict on the server</span></h2>
${errors.map((c, i) => errorCard(c, i)).join('\n')}
</section>` : ''}
<section id="warnings">
<h2>Warnings <span class="sub">advisory checks: they do not change the verdict unless --strict</span></h2>
${warnings.length ? warningTable(warnings) : '<div class="empty">No warnings.</div>'}
</section>
<section id="skipped">
<h2>Skipped <span class="sub">${plural(skipped.length, 'case')}</span></h2>
${skipped.length ? skippedTable(skipped) : '<div class="empty">Nothing skipped.</div>'}
</section>
<section id="all">
<details class="all"><summary>All cases (${run.cases.length})</summary>
${allCasesTable(run.cases)}
</details>
</section>
<footer>Generated by ${h(info.tool.name)} ${h(info.tool.version)}${info.endedAt ? ` at ${h(info.endedAt)}` : ''}. Reproducing commands read the token from <code>$SIPAPP_TOKEN</code>. This file is self-contained: it loads nothing.</footer>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const STATUS_LABEL: Record<CaseStatus, string> = { passed: '✓', failed: '✗', error: '!', skipped: '–' };

function casePills(n: Record<CaseStatus, number>): string {
  return CASE_STATUSES.filter((st) => n[st] > 0)
    .map((st) => `<span class="pill ${st}" title="${n[st]} ${st}">${STATUS_LABEL[st]} ${n[st]}</span>`)
    .join('');
}

function matrixSection(run: RunResult, failures: FailureItem[], anchors: Map<FailureItem, string>): string {
  const checks = checkNamesOf(run);
  const matrix = outcomeMatrix(run);
  const byOp = casesByOperation(run);
  if (byOp.size === 0) return '<section id="matrix"><h2>Operations × checks</h2><div class="empty">No cases ran.</div></section>';
  const head = `<tr><th class="op">operation</th><th>cases</th>${checks.map((c) => `<th class="check" title="${h(c)}"><span>${h(c)}</span></th>`).join('')}</tr>`;
  const rows = [...byOp].map(([op, n]) => {
    const cells = checks.map((name) => {
      const cell = matrix.get(op)?.get(name);
      const st = cellStatus(cell);
      if (!cell || st === 'none') {
        const tip = cell ? `${op} × ${name}: ${cell.skipped} skipped` : `${op} × ${name}: not run`;
        return `<td class="cell none" title="${h(tip)}"><div>${cell ? 'skip' : '·'}</div></td>`;
      }
      const evaluated = cell.passed + cell.failed + cell.warning;
      const parts = [`${cell.passed} passed`, cell.failed ? `${cell.failed} failed` : '', cell.warning ? `${cell.warning} warning` : '', cell.skipped ? `${cell.skipped} skipped` : '']
        .filter(Boolean)
        .join(', ');
      const text = `${cell.passed}/${evaluated}`;
      const first = failures.find((f) => f.case.operation === op && f.check.check === name);
      const inner = first ? `<a href="#${anchors.get(first)}">${text}</a>` : text;
      return `<td class="cell ${st}" title="${h(`${op} × ${name}: ${parts}`)}"><div>${inner}</div></td>`;
    });
    return `<tr><td class="op">${h(op)}</td><td class="pills">${casePills(n)}</td>${cells.join('')}</tr>`;
  });
  return `<section id="matrix">
<h2>Operations × checks <span class="sub">cell: passed / evaluated outcomes; colour: worst result</span></h2>
<div class="panel fit"><table class="matrix">
<thead>${head}</thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
<div class="legend"><span><i style="background:var(--red)"></i>failed</span><span><i style="background:var(--amber-cell)"></i>warning (advisory)</span><span><i style="background:var(--green-cell)"></i>passed</span><span><i style="background:var(--grey-bg);border:1px solid var(--line)"></i>not run / skipped</span><span>click a red cell for its first failure</span></div>
</section>`;
}

function caseHeading(c: CaseResult, badge: string): string {
  return `<h3>${badge}<code>${h(c.id)}</code> ${h(oneLine(c.title, 300))} <span class="where">${h(c.suite)} · ${h(c.operation)} · ${h(formatDuration(c.durationMs))}</span></h3>`;
}

function pre(label: string, text: string, cls = '', extra = ''): string {
  return `<div class="lbl">${h(label)}${extra}</div><pre${cls ? ` class="${cls}"` : ''}>${h(text)}</pre>`;
}

function exchangeBlock(e: Exchange | undefined, id: string): string {
  if (!e) return '<div class="lbl">Evidence</div><div class="muted">No exchange recorded for this outcome.</div>';
  return [
    pre('Request', `# ${oneLine(e.purpose, 200)}\n${requestExcerpt(e, EXCERPT)}`),
    pre('Response', responseExcerpt(e, EXCERPT)),
    `<div class="lbl">Reproduce <button class="copy" type="button" data-for="${id}">Copy</button></div><pre class="curl" id="${id}">${h(e.curl)}</pre>`,
  ].join('\n');
}

function checkBlock(k: CheckOutcome): string {
  return `<dl class="kv">
<dt>check</dt><dd><code>${h(k.check)}</code><span class="tag${k.normative ? ' norm' : ''}">${k.normative ? 'normative' : 'advisory'}</span></dd>
<dt>rule</dt><dd>${h(k.rule)}</dd>
<dt>message</dt><dd>${h(k.message)}</dd>
</dl>`;
}

function failureCard(f: FailureItem, anchor: string): string {
  const { case: c, check: k, exchange: e } = f;
  const ea =
    k.expected !== undefined || k.actual !== undefined
      ? `<div class="ea"><div>${pre('Expected', excerpt(k.expected ?? '(not recorded)', EXCERPT), 'exp')}</div><div>${pre('Actual', excerpt(k.actual ?? '(not recorded)', EXCERPT), 'act')}</div></div>`
      : '';
  return `<article class="card" id="${anchor}">
${caseHeading(c, '<span class="pill failed">FAILED</span>')}
${checkBlock(k)}
${ea}
${exchangeBlock(e, `${anchor}-curl`)}
</article>`;
}

function errorCard(c: CaseResult, i: number): string {
  const e = errorEvidence(c);
  return `<article class="card error" id="error-${i + 1}">
${caseHeading(c, '<span class="pill error">ERROR</span>')}
<dl class="kv"><dt>reason</dt><dd>${h(c.reason ?? 'could not be evaluated')}</dd>${e?.transportError ? `<dt>transport</dt><dd>${h(e.transportError)}</dd>` : ''}</dl>
${exchangeBlock(e, `error-${i + 1}-curl`)}
</article>`;
}

function coverageSection(run: RunResult): string {
  if (!run.coverage) return '';
  const shortfall = coverageShortfall(run.coverage);
  const rows = coverageRows(run.coverage)
    .map((r) => `<tr class="cov-${r[5]!.replace(/ /g, '-')}">${r.map((v, i) => (i < 3 ? `<td><code>${h(v)}</code></td>` : `<td>${h(v)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<section id="coverage">
<h2>API coverage <span class="sub">${h(coverageHeadline(run.coverage))}</span></h2>
${shortfall ? `<div class="empty" style="color:var(--red)">${h(shortfall)}</div>` : ''}
${run.coverage.model ? `<p id="model-coverage">${h(modelCoverageHeadline(run.coverage.model, Infinity))}</p>` : ''}
<details class="all"><summary>every operation × documented status × content type</summary>
<div class="panel fit"><table class="coverage"><thead><tr>${COVERAGE_HEAD.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></div></details>
</section>`;
}

function warningTable(items: FailureItem[]): string {
  const rows = items.map(
    ({ case: c, check: k }) =>
      `<tr><td><code>${h(c.id)}</code><div class="muted">${h(oneLine(c.title, 200))}</div></td><td><code>${h(k.check)}</code></td><td>${h(k.rule)}</td><td>${h(k.message)}${
        k.expected !== undefined || k.actual !== undefined
          ? `<div class="muted">expected ${h(oneLine(k.expected ?? '—', 200))} · actual ${h(oneLine(k.actual ?? '—', 200))}</div>`
          : ''
      }</td></tr>`,
  );
  return `<div class="panel"><table><thead><tr><th>case</th><th>check</th><th>rule</th><th>message</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function skippedTable(cases: CaseResult[]): string {
  const rows = cases.map(
    (c) => `<tr><td><code>${h(c.id)}</code></td><td>${h(oneLine(c.title, 200))}</td><td class="muted">${h(c.operation)}</td><td>${h(c.reason ?? '—')}</td></tr>`,
  );
  return `<div class="panel"><table><thead><tr><th>case</th><th>title</th><th>operation</th><th>reason</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function allCasesTable(cases: CaseResult[]): string {
  const rows = cases.map((c) => {
    const checks = c.checks.map((k) => `<span class="pill ${k.status}" title="${h(`${k.check}: ${k.status}`)}">${h(k.check)}</span>`).join(' ');
    return `<tr><td><span class="pill ${c.status}">${c.status}</span></td><td><code>${h(c.id)}</code></td><td>${h(oneLine(c.title, 200))}</td><td class="muted">${h(c.suite)} · ${h(c.operation)}</td><td>${checks}</td><td class="muted">${h(formatDuration(c.durationMs))}</td></tr>`;
  });
  return `<div class="panel"><table><thead><tr><th>status</th><th>case</th><th>title</th><th>where</th><th>checks</th><th>time</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}
