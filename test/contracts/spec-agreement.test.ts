/**
 * Contracts agree with the spec (bi-directional check): every interaction of contracts/pacts/*.json
 * against spec/openapi.yaml, and proof that a contract saying something the spec does not fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { PACT_DIR } from '../../src/contracts/consumer.ts';
import { disagreements, matchOperation, type PactHttpInteraction } from '../../src/contracts/spec-agreement.ts';

const files = readdirSync(PACT_DIR).filter((f) => f.endsWith('.json'));

function interactionsOf(file: string): PactHttpInteraction[] {
  return (JSON.parse(readFileSync(join(PACT_DIR, file), 'utf8')) as { interactions: PactHttpInteraction[] }).interactions;
}

t.ok(files.length > 0, 'contracts/pacts holds pact files');

for (const file of files) {
  t.test(file, async (t) => {
    const interactions = interactionsOf(file);
    t.ok(interactions.length > 0);
    for (const i of interactions) {
      t.same(await disagreements(i), [], `"${i.description}" agrees with the spec`);
    }
  });
}

t.test('a contract that says something the spec does not is reported', async (t) => {
  const base = interactionsOf(files[0]!);
  const pick = (description: string): PactHttpInteraction => {
    const found = base.find((i) => i.description === description);
    if (!found) throw new Error(`no interaction "${description}" in the pact`);
    return structuredClone(found);
  };

  const upperUuid = pick('a request for an app');
  (upperUuid.response.body!.content as { payload: { uuid: string } }).payload.uuid = 'ABCDEF00-0000-4000-8000-000000000001';
  t.match((await disagreements(upperUuid)).join('\n'), /response body for 200: \/payload\/uuid/, 'an upper-case uuid in a response');

  const numberName = pick('a request to create a SIP control app');
  (numberName.request.body!.content as { name: unknown }).name = 42;
  t.match((await disagreements(numberName)).join('\n'), /invalid per the spec .*\/name/, 'a request body the spec refuses, expecting success');

  const wrongPath = pick('a request to list the SIP control apps');
  wrongPath.request.path = '/rest/sip/apps';
  t.match((await disagreements(wrongPath)).join('\n'), /no operation of the spec/, 'a path the spec does not have');

  const wrongMethod = pick('a request to list the SIP control apps');
  wrongMethod.request.method = 'PUT';
  t.match((await disagreements(wrongMethod)).join('\n'), /no operation of the spec/, 'a method the spec does not have');

  const undocumented = pick('a request to remove an app');
  undocumented.response.status = 204;
  t.match((await disagreements(undocumented)).join('\n'), /does not document status 204/, 'an undocumented success status');

  const missingEnvelope = pick('a request for an unknown app');
  missingEnvelope.response.body!.content = { error: 'not found' };
  t.match((await disagreements(missingEnvelope)).join('\n'), /response body for 404: .*success/, 'an error body without the envelope');

  const successOnInvalid = pick('a request to modify an app with an empty name');
  delete successOnInvalid.response.matchingRules;
  successOnInvalid.response.status = 200;
  t.match((await disagreements(successOnInvalid)).join('\n'), /invalid per the spec .*not a client error/, 'success for an invalid request');

  const brokenXml = pick('a call flow for a live call');
  brokenXml.request.body!.content = '<Response><Dance/></Response>';
  t.match((await disagreements(brokenXml)).join('\n'), /call flow: schema/, 'a call flow the call-flow schema refuses, expecting success');
});

t.test('matchOperation tells the call route from the app routes', async (t) => {
  t.same(matchOperation('POST', '/rest/sip/app/call/123e4567-e89b-12d3-a456-426614174000'), { operationId: 'ExecuteSIPControlAppCallExecuteCallFlow', uuid: '123e4567-e89b-12d3-a456-426614174000' });
  t.same(matchOperation('GET', '/rest/sip/app/x/tnlease'), { operationId: 'GetSIPControlAppTNLeasesList', uuid: 'x' });
  t.equal(matchOperation('GET', '/rest/sip/app/a/b'), undefined);
});
