/**
 * The consumer side: each contract interaction is registered with Pact's mock server (PactV4,
 * specification V4), a small client built on the suite's HttpClient sends the request, and Pact
 * writes the interaction into `<dir>/sipapp-client-opentact-sip-control-app.json`.
 */
process.env.PACT_DO_NOT_TRACK ??= 'true';

import { mkdirSync, renameSync, copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../package-root.ts';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { HttpClient } from '../runner/http.ts';
import { OPERATIONS } from '../spec/operations.ts';
import { CONSUMER, PROVIDER, headersOf, pathOf, responseOf, EXAMPLE_TOKEN, INVALID_TOKEN, type ContractInteraction } from './interactions.ts';

/** Where the committed contracts live. */
export const PACT_DIR: string = packagePath('contracts/pacts/');
export const PACT_FILE_NAME = `${CONSUMER}-${PROVIDER}.json`;

export function newPact(dir: string): PactV4 {
  return new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: 'error' });
}

export interface ConsumerOutcome {
  status: number;
  body: unknown;
}

/**
 * Register one interaction and exercise it against the mock server; resolves with what the
 * client saw. Rejects when the mock server did not get the request it expected.
 */
export async function recordInteraction(pact: PactV4, i: ContractInteraction, http: HttpClient): Promise<ConsumerOutcome> {
  const { method } = OPERATIONS[i.operationId];
  const path = pathOf(i);
  const response = responseOf(i);
  let builder = pact.addInteraction();
  if (i.state) builder = builder.given(i.state);
  if (i.pending) builder = builder.pending(true).comment(`pending: ${i.pending}`);
  const status = response.statusMatch ? MatchersV3.matchStatus(response.status, response.statusMatch as never) : response.status;
  const interaction = builder
    .uponReceiving(i.description)
    .withRequest(method, path.template as never, (b) => {
      b.headers(headersOf(i) as never);
      if (i.json !== undefined) b.jsonBody(i.json);
      if (i.xml !== undefined) b.xmlBody(i.xml);
    })
    .willRespondWith(status, (b) => {
      b.headers(response.headers as never);
      b.jsonBody(response.body);
    });
  let outcome: ConsumerOutcome | undefined;
  await interaction.executeTest(async (mock) => {
    const headers: Record<string, string> = { 'x-auth-token': i.auth === 'valid' ? EXAMPLE_TOKEN : INVALID_TOKEN, accept: 'application/json' };
    let body: string | undefined;
    if (i.json !== undefined) {
      body = JSON.stringify(MatchersV3.reify(i.json));
      headers['content-type'] = 'application/json';
    }
    if (i.xml !== undefined) {
      body = i.xml;
      headers['content-type'] = 'application/xml';
    }
    const reply = await http.send({ method, url: `${mock.url}${path.example}`, headers, body });
    if (reply.kind !== 'response') throw new Error(`mock server: ${reply.message}`);
    outcome = { status: reply.status, body: reply.text ? (JSON.parse(reply.text) as unknown) : undefined };
  });
  if (!outcome) throw new Error(`${i.id}: the consumer test did not run`);
  return outcome;
}

/** Move the pact file written in `workDir` into `outDir` atomically (copy next to it, then rename). */
export function publishPactFile(workDir: string, outDir: string): string {
  const written = readdirSync(workDir).filter((f) => f.endsWith('.json'));
  if (written.length !== 1) throw new Error(`expected one pact file in ${workDir}, found ${written.join(', ') || 'none'}`);
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, PACT_FILE_NAME);
  const staging = `${target}.${process.pid}.tmp`;
  copyFileSync(join(workDir, written[0]!), staging);
  renameSync(staging, target);
  return target;
}
