import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import _Ajv from 'ajv';
import _addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import { HarReporter } from '../../reporters/har.ts';
import { startReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { parseResultsBundle } from '../../reporters/json.ts';
import { referenceRunOptions } from '../safety/helpers.ts';
import { drive, buildRun, JWT_RE } from './fixture.ts';

const require = createRequire(import.meta.url);
// CommonJS packages seen through ESM interop (as src/spec/validators.ts does).
const Ajv = ((_Ajv as unknown as { default?: typeof _Ajv }).default ?? _Ajv) as unknown as typeof _Ajv.default;
const addFormats = ((_addFormats as unknown as { default?: typeof _addFormats }).default ?? _addFormats) as unknown as typeof _addFormats.default;
const schemas = require('har-schema') as Record<string, Record<string, unknown>>;

/** The HAR 1.2 JSON schemas of `har-schema` (draft-06), compiled with ajv. */
function harValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  addFormats(ajv);
  for (const schema of Object.values(schemas)) if (schema.$id !== 'har.json#') ajv.addSchema(schema);
  return ajv.compile(schemas.har!);
}

t.test('run.har of a real run validates against the HAR 1.2 schema and holds every exchange', async (t) => {
  const server = await startReferenceServer({ fault: 'list-never-answers', faultDelayMs: 3000 });
  t.teardown(() => server.close());
  const out = t.testdir();
  await runConformanceSuite(referenceRunOptions(server, out, { reporter: ['json', 'har'], suite: ['list', 'get', 'auth'], timeout: 1000 }));
  const har = JSON.parse(readFileSync(join(out, 'run.har'), 'utf8'));
  const validate = harValidator();
  t.ok(validate(har), JSON.stringify(validate.errors?.slice(0, 3)));

  const bundle = parseResultsBundle(readFileSync(join(out, 'results.json'), 'utf8'));
  const exchanges = bundle.cases.flatMap((c) => c.exchanges);
  t.equal(har.log.entries.length, exchanges.length, 'one entry per exchange');
  t.equal(har.log.version, '1.2');
  t.equal(har.log.creator.name, bundle.info.tool.name);
  t.equal(har.log.creator.version, bundle.info.tool.version);
  t.match(har.log.creator.comment, `run ${bundle.info.runId}`);
  t.match(har.log.creator.comment, 'seed');
  const failed = har.log.entries.filter((e: any) => e.response.status === 0);
  t.ok(failed.length > 0, 'requests without an answer are there, status 0');
  t.match(failed[0].response.content.comment, /no complete answer/);
  const text = readFileSync(join(out, 'run.har'), 'utf8');
  t.notOk(text.includes(server.fixtures.a.token), 'the token never appears');
  t.notMatch(text, JWT_RE, 'nor anything shaped like a JWT');
  t.ok(har.log.entries.every((e: any) => e.request.headers.every((h: any) => h.name !== 'x-auth-token' || /^(\$SIPAPP_[A-Z_]+|<redacted[- ][^>]*>|)$/.test(h.value))), 'x-auth-token values are placeholders');
  t.ok(har.log.entries.every((e: any) => !Number.isNaN(Date.parse(e.startedDateTime))), 'every entry has a start time');
});

t.test('run.har of a generated run holds every request sent, passing examples too, and the run\'s seed', async (t) => {
  const server = await startReferenceServer();
  t.teardown(() => server.close());
  const out = t.testdir();
  await runConformanceSuite(referenceRunOptions(server, out, { reporter: ['json', 'har'], suite: ['generated'], grep: ['create-valid|stateful$'], seed: 5, budget: { requests: 60 } }));
  const har = JSON.parse(readFileSync(join(out, 'run.har'), 'utf8'));
  const bundle = parseResultsBundle(readFileSync(join(out, 'results.json'), 'utf8'));
  const sentByCases = har.log.entries.filter((e: any) => !e.comment.startsWith('cleanup.'));
  t.equal(sentByCases.length, bundle.summary.requests, 'one entry per request the cases sent');
  t.ok(bundle.cases.some((c) => c.status === 'passed' && (c.unlistedExchanges?.length ?? 0) > 0), 'a passing property sent requests its verdict does not cite');
  t.ok(har.log.entries.length > bundle.cases.flatMap((c) => c.exchanges).length, 'the HAR holds more than the cited exchanges');
  const times = sentByCases.filter((e: any) => e.comment.startsWith('generated.create-valid:')).map((e: any) => e.startedDateTime);
  t.same(times, [...times].sort(), "a case's entries in the order sent");
  t.match(har.log.creator.comment, /; seed 5, budget 60 requests;/);
  t.ok(harValidator()(har), 'still HAR 1.2');
});

t.test('the fixture run (hostile text, cut bodies) validates too', async (t) => {
  const dir = t.testdir();
  const [file] = await drive(new HarReporter({ outDir: dir }), buildRun());
  const har = JSON.parse(readFileSync(file!, 'utf8'));
  t.ok(harValidator()(har));
  t.ok(har.log.entries.some((e: any) => /cut to the first 4 KiB/.test(e.response.content.comment ?? '')), 'a cut body says so');
  t.notMatch(readFileSync(file!, 'utf8'), JWT_RE);
  // The validator is really validating.
  delete har.log.entries[0].startedDateTime;
  t.notOk(harValidator()(har), 'an entry without startedDateTime is refused');
});
