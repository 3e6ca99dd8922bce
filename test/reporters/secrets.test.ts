import t from 'tap';
import { readFileSync } from 'node:fs';
import { createReporters, REPORTER_NAMES } from '../../reporters/index.ts';
import { buildRun, collector, drive, JWT_RE, RAW_JWT } from './fixture.ts';

t.test('no reporter prints a raw JWT, even one that slipped into the results', async (t) => {
  const run = buildRun();
  // Sneak tokens everywhere the model carries text.
  const c = run.cases[0]!;
  c.title += ` ${RAW_JWT}`;
  c.checks[0]!.message = `Bearer ${RAW_JWT}`;
  c.exchanges[0]!.curl = `curl -H 'X-Auth-Token: ${RAW_JWT}' ${c.exchanges[0]!.request.url}`;
  c.exchanges[0]!.request.headers['x-auth-token'] = RAW_JWT;
  run.info.options['token'] = RAW_JWT;
  run.info.runId = `run-${RAW_JWT}`;
  run.cases[4]!.reason = `transport failed for ${RAW_JWT}`;

  const dir = t.testdir();
  const out = collector();
  const files = await drive(createReporters([...REPORTER_NAMES], { outDir: dir, stream: out.stream, color: true }), run);
  t.equal(files.length, 6, "junit, tap, json, html, har, github summary");
  t.notMatch(out.text(), JWT_RE, 'console');
  t.match(out.text(), /<redacted-jwt>/);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    t.notMatch(text, JWT_RE, f);
    t.ok(text.includes('redacted-jwt'), `${f} shows the redaction`);
  }
});
