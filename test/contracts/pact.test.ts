/**
 * Contracts end to end, in order: the consumer tests write the pact (PactV4 mock server) into
 * contracts/pacts/, then the provider verification replays it against the embedded reference
 * server (must pass) and against catalogue faults that change what a client sees (must fail,
 * naming the interaction).
 */
process.env.PACT_DO_NOT_TRACK ??= 'true';

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import t from 'tap';
import { PACT_DIR, PACT_FILE_NAME, newPact, publishPactFile, recordInteraction } from '../../src/contracts/consumer.ts';
import { CONSUMER, PROVIDER, contractInteractions } from '../../src/contracts/interactions.ts';
import { verifyProvider } from '../../src/session/verify.ts';
import { HttpClient } from '../../src/runner/http.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sipapp-contracts-test-'));
t.teardown(() => rmSync(scratch, { recursive: true, force: true }));
const pactWork = join(scratch, 'consumer');
let pactFile = '';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

t.test('consumer tests: every interaction against the Pact mock server', async (t) => {
  const http = new HttpClient({ timeoutMs: 10_000, maxBodyBytes: 1 << 20, retries: 0 });
  t.teardown(() => http.close());
  const pact = newPact(pactWork);
  const interactions = contractInteractions();
  const operations = new Set(interactions.map((i) => i.operationId));
  t.equal(operations.size, 8, 'every operation has interactions');
  for (const status of [401, 404, 409]) t.ok(interactions.some((i) => i.status === status), `a documented ${status} is in the contract`);
  t.ok(interactions.some((i) => i.status === 400 && i.json !== undefined), 'a validation error is in the contract');
  // A negative request is valid in every respect but the one under test (E27: a server may require subdomain).
  for (const i of interactions.filter((x) => x.operationId === 'CreateSIPControlApp')) t.ok(JSON.stringify(i.json).includes('"subdomain"'), `${i.id}: the create carries a subdomain`);
  // Interactions that pin one of several accepted readings are pending (E19, E07), the rest are not.
  t.same(interactions.filter((i) => i.pending).map((i) => i.id).sort(), ['callflow.200', 'callflow.401', 'callflow.404', 'remove.409']);
  for (const i of interactions) {
    await t.test(`${i.id}: ${i.description}`, async (t) => {
      const seen = await recordInteraction(pact, i, http);
      t.equal(seen.status, i.status, 'the client got the contract status from the mock server');
      t.equal(typeof seen.body, 'object', 'and a JSON body');
    });
  }
  pactFile = publishPactFile(pactWork, PACT_DIR);
  const pact2 = JSON.parse(readFileSync(pactFile, 'utf8')) as { consumer: { name: string }; provider: { name: string }; interactions: unknown[]; metadata: { pactSpecification: { version: string } } };
  t.equal(pact2.consumer.name, CONSUMER);
  t.equal(pact2.provider.name, PROVIDER);
  t.equal(pact2.metadata.pactSpecification.version, '4.0', 'Pact specification V4');
  t.equal(pact2.interactions.length, interactions.length, 'one pact interaction per contract interaction');
  t.same((pact2.interactions as Array<{ description: string; pending?: boolean }>).filter((i) => i.pending).map((i) => i.description).sort(),
    interactions.filter((i) => i.pending).map((i) => i.description).sort(), 'pending interactions are marked pending in the pact file');
  t.equal(pactFile, join(PACT_DIR, PACT_FILE_NAME));
});

t.test('verification: the embedded reference server honours the contracts', async (t) => {
  t.ok(pactFile && existsSync(pactFile), 'the consumer tests wrote the pact first');
  const out = join(scratch, 'clean');
  const con = capture();
  const started = performance.now();
  const { exitCode, result } = await verifyProvider({ pactDir: pactFile, out, reporters: ['console', 'junit'], stream: con.stream });
  const failed = result.cases.filter((c) => c.status !== 'passed');
  t.same(failed.map((c) => `${c.id}: ${c.checks.map((o) => o.message).join('; ')}${c.reason ?? ''}`), [], 'every interaction verified');
  t.equal(exitCode, 0);
  const pactCases = result.cases.filter((c) => c.suite === 'pact');
  t.equal(pactCases.length, contractInteractions().length, 'one case per interaction, suite pact');
  t.ok(pactCases.every((c) => c.checks.some((o) => o.check === 'pact-interaction' && o.status === 'passed')));
  const cleanup = result.cases.find((c) => c.id === 'cleanup.run-resources');
  t.ok(cleanup && cleanup.status !== 'error', `nothing the states created is left behind (${cleanup?.reason})`);
  t.match(con.text(), /a request to create a SIP control app/, 'the console names the interactions');
  t.ok(existsSync(join(out, 'junit.xml')), 'JUnit written');
  t.match(readFileSync(join(out, 'junit.xml'), 'utf8'), /a request to remove an app that holds TN leases/);
  t.comment(`verification took ${Math.round(performance.now() - started)} ms`);
});

/** Faults that change what a client sees, and an interaction each must fail. */
const FAULTS: Array<{ fault: string; interaction: string; mismatch: RegExp }> = [
  { fault: 'success-as-string', interaction: 'a request for an app', mismatch: /\$\.success/ },
  { fault: 'create-202', interaction: 'a request to create a SIP control app', mismatch: /status code 202/i },
  { fault: 'uppercase-uuids', interaction: 'a request to create a SIP control app', mismatch: /\$\.payload\.uuid/ },
  { fault: 'created-on-not-date', interaction: 'a request to list the SIP control apps', mismatch: /\$\.payload\[0\]\.created_on/ },
  // error-without-message is not here: an error's message may be a string or a list (E72) and Pact
  // has no "either type" matcher, so the contracts leave `message` to `run` (envelope check, kill matrix).
  { fault: 'lease-uuid-numeric', interaction: "a request for an app's TN leases", mismatch: /\$\.payload\[0\]\.uuid/ },
  { fault: 'not-found-success-true', interaction: 'a request to remove an unknown app', mismatch: /\$\.success/ },
];

for (const f of FAULTS) {
  t.test(`verification fails against fault ${f.fault}`, async (t) => {
    const { exitCode, result } = await verifyProvider({ pactDir: pactFile, out: join(scratch, f.fault), reporters: [], fault: f.fault });
    t.equal(exitCode, 1, 'exit code 1');
    const hit = result.cases.find((c) => c.title === f.interaction);
    t.equal(hit?.status, 'failed', `the interaction "${f.interaction}" fails`);
    const failure = hit?.checks.find((o) => o.check === 'pact-interaction' && o.status === 'failed');
    t.ok(failure?.message.startsWith(`${f.interaction}: `), 'the failure names the interaction');
    t.match(failure?.message, f.mismatch, 'and says what differs');
    t.notOk(result.cases.some((c) => c.id === 'pact.verification'), 'every failure is attributed to an interaction');
  });
}
