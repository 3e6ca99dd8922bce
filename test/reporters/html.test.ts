import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlReporter, escapeHtml, renderHtml } from '../../reporters/html.ts';
import { buildRun, drive, JWT_RE } from './fixture.ts';

const CHROMIUM = '/usr/bin/chromium';

t.test('report.html is one self-contained, escaped file', async (t) => {
  const dir = t.testdir();
  const [file] = await drive(new HtmlReporter({ outDir: dir }));
  t.equal(file, join(dir, 'report.html'));
  const html = readFileSync(file!, 'utf8');

  t.match(html, /^<!DOCTYPE html>/);
  t.notMatch(html, /<link\b/i, 'no <link>');
  t.notMatch(html, /<script[^>]*\ssrc\s*=/i, 'no <script src>');
  t.notMatch(html, /url\(/i, 'no CSS url()');
  t.notMatch(html, /@import/i, 'no @import');
  t.notMatch(html, /<(img|iframe|object|embed|video|audio|source)\b/i, 'no embedded resources');
  t.notMatch(html, /(src|href)\s*=\s*["']?(https?:)?\/\//i, 'no http(s) or protocol-relative references');
  t.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/, 'CSP forbids every fetch');
  t.equal(html.match(/<script\b/g)?.length, 1, 'exactly one (inline) script');

  t.notMatch(html, /<script>alert/, 'injected <script> is not live');
  t.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'injected <script> shown escaped');
  t.notMatch(html, /<b>bold<\/b>|<b>200<\/b>/, 'injected markup escaped');
  t.notMatch(html, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/, 'no control characters');
  t.notMatch(html, JWT_RE, 'no raw JWT');
  t.ok(html.includes('&lt;redacted-jwt&gt;'), 'the redaction marker is visible, not swallowed as a tag');
});

t.test('header, matrix and detail sections', async (t) => {
  const run = buildRun();
  const html = renderHtml(run);
  t.match(html, /<div class="verdict">FAILED<\/div>/);
  t.match(html, /target <b>https:\/\/sip\.example\.test<\/b>/);
  t.ok(html.includes(run.info.runId));
  t.match(html, /<div class="n">8<\/div><div class="l">cases<\/div>/);
  t.match(html, /<div class="n">2<\/div><div class="l">failed<\/div>/);

  // Matrix: rows are operations, columns check names; cells coloured by the worst result.
  const matrix = html.slice(html.indexOf('<table class="matrix">'), html.indexOf('</table>', html.indexOf('<table class="matrix">')));
  const row = (op: string) => matrix.split('<tr>').find((r) => r.includes(`<td class="op">${op}</td>`)) ?? '';
  t.match(row('CreateSIPControlApp'), /<td class="cell failed" title="CreateSIPControlApp × status-code: 1 passed, 1 failed"><div><a href="#failure-1">1\/2<\/a><\/div><\/td>/);
  t.match(row('CreateSIPControlApp'), /class="cell warning" title="CreateSIPControlApp × error-status-matches: 0 passed, 1 warning"/);
  t.match(row('GetSIPControlAppByUUID'), /class="cell passed" title="GetSIPControlAppByUUID × auth-required: 1 passed"><div>1\/1</);
  t.match(row('ListSIPControlApps'), /class="cell none" title="ListSIPControlApps × content-type: not run"/);
  t.match(row('ModifySIPControlApp'), /class="cell none" title="ModifySIPControlApp × input-validation: 1 skipped"/);
  t.equal(matrix.split('<td class="op">').length - 1, 7, 'one row per operation');

  // Failure details with evidence and a copyable curl.
  t.equal(html.match(/<article class="card" id="failure-\d+">/g)?.length, 3);
  const first = html.slice(html.indexOf('id="failure-1"'), html.indexOf('id="failure-2"'));
  for (const piece of ['<code>lifecycle-002</code>', '<code>status-code</code>', 'page responses, E12/E13', '200 | 201', 'POST https://sip.example.test/rest/sip/app', 'HTTP 500 (application/json; charset=utf-8)', '<button class="copy" type="button" data-for="failure-1-curl">', '<pre class="curl" id="failure-1-curl">curl -sS -X POST']) {
    t.ok(first.includes(piece), `first failure has ${piece}`);
  }
  t.match(html, /<article class="card error" id="error-1">[\s\S]*ECONNRESET/);
  t.match(html, /id="warnings"[\s\S]*documented-fields[\s\S]*id="skipped"[\s\S]*--read-only/);
  t.ok(escapeHtml(`a<b>&"'`) === 'a&lt;b&gt;&amp;&quot;&#39;');
});

t.test('screenshot in headless chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} not installed (apt-get install chromium)` }, async (t) => {
  const dir = t.testdir();
  const [file] = await drive(new HtmlReporter({ outDir: dir }));
  const profile = mkdtempSync(join(tmpdir(), 'sipapp-chromium-'));
  t.teardown(() => rmSync(profile, { recursive: true, force: true }));
  const png = join(dir, 'report.png');
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`, `--screenshot=${png}`, '--window-size=1280,1600',
      pathToFileURL(file!).href,
    ],
    { encoding: 'utf8', timeout: 90_000 },
  );
  t.ok(existsSync(png), existsSync(png) ? 'chromium wrote a screenshot' : `no screenshot (exit ${r.status}): ${r.stderr.slice(-500)}`);
  if (!existsSync(png)) return;
  const bytes = readFileSync(png);
  t.same([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  t.equal(bytes.readUInt32BE(16), 1280, 'width');
  t.equal(bytes.readUInt32BE(20), 1600, 'height');
  // A blank or error page compresses to a few KiB; the rendered report is far richer.
  t.ok(statSync(png).size > 50_000, `non-trivial content (${statSync(png).size} bytes)`);
});
