import t from 'tap';
import { isDeepStrictEqual } from 'node:util';
import {
  fillPlaceholderUuids,
  readExampleIndex,
  readPageExamples,
  readStoredExample,
  PAGE_PATH,
} from '../../src/spec/page-examples.ts';
import { examplesToFiles } from '../../src/spec/extract-examples.ts';
import { validateRequestBody, validateResponse, formatSchemaErrors } from '../../src/spec/validators.ts';
import { UUID_PATTERN } from '../../src/spec/operations.ts';

const index = readExampleIndex();
const responses = index.filter((e) => e.kind === 'response');
const requests = index.filter((e) => e.kind === 'request');

const page = readPageExamples();
t.test(`stored examples equal the page blocks (${PAGE_PATH})`, async (t) => {
  // extraction fails loudly if the code samples of one operation disagree on the request body
  const { index: fresh, files } = examplesToFiles(page);
  t.same(fresh, index, 'index.json matches the page (operations, statuses, titles, lines)');
  for (const [file, body] of files) t.ok(isDeepStrictEqual(readStoredExample(file), body), file);
  t.equal(responses.length, 21, 'every response tab of the page');
  t.equal(requests.length, 3, 'Create, Modify, Assign request bodies');
});

t.test('request example: identical in all 10 Create/Modify code samples', async (t) => {
  const create = requests.find((e) => e.operationId === 'CreateSIPControlApp')!;
  const modify = requests.find((e) => e.operationId === 'ModifySIPControlApp')!;
  t.same(create.languages, ['cURL', 'PHP', 'Python', 'Javascript', 'Go']);
  t.same(modify.languages, ['cURL', 'PHP', 'Python', 'Javascript', 'Go']);
  t.same(readStoredExample(create.file), readStoredExample(modify.file));
});

t.test('request examples validate once placeholder uuids are replaced (E14)', async (t) => {
  const body = readStoredExample(requests.find((e) => e.operationId === 'CreateSIPControlApp')!.file);
  for (const op of ['CreateSIPControlApp', 'ModifySIPControlApp'] as const) {
    t.same(validateRequestBody(op, fillPlaceholderUuids(body)), [], `${op} accepts the filled example`);
    const raw = validateRequestBody(op, body);
    t.same(raw.map((e) => [e.pointer, e.keyword]), [['/outbound_voice_profile', 'pattern']], `${op}: raw fails only at the uuid`);
  }
  const assign = readStoredExample(requests.find((e) => e.operationId === 'AssignTNLeasesToSIPControlApp')!.file);
  t.same(validateRequestBody('AssignTNLeasesToSIPControlApp', fillPlaceholderUuids(assign)), []);
  t.same(
    validateRequestBody('AssignTNLeasesToSIPControlApp', assign).map((e) => [e.pointer, e.keyword]),
    [['/add/0', 'pattern'], ['/remove/0', 'pattern']],
  );
});

t.test('every response example validates with placeholders filled; raw ones fail only at uuid pointers (E14)', async (t) => {
  for (const e of responses) {
    const body = readStoredExample(e.file);
    const filled = validateResponse(e.operationId, e.status!, fillPlaceholderUuids(body));
    t.ok(filled.documented, `${e.file}: status documented`);
    t.same(filled.errors, [], `${e.file} (page line ${e.lines[0]}) ${formatSchemaErrors(filled.errors)}`);
    const raw = validateResponse(e.operationId, e.status!, body).errors;
    const stray = raw.filter((x) => !(/\/(uuid|account_uuid)$/.test(x.pointer) && x.keyword === 'pattern'));
    t.same(stray, [], `${e.file}: raw errors only at uuid pointers`);
    const placeholders = JSON.stringify(body).match(/"(uuid|account_uuid)":"string"/g)?.length ?? 0;
    // channel.uuid is FreeSWITCH's, not pinned to the OpenTact pattern (E46)
    const expected = e.operationId === 'ExecuteSIPControlAppCallExecuteCallFlow' && e.status === 200 ? placeholders - 1 : placeholders;
    t.equal(raw.length, expected, `${e.file}: one error per placeholder uuid`);
  }
});

t.test("Create's 404 example says status 401 (E02): the schema accepts it; the status-match rule is a check", async (t) => {
  const body = readStoredExample('responses/CreateSIPControlApp.404.json') as { status: number };
  t.equal(body.status, 401, 'the page example disagrees with its tab');
  t.same(validateResponse('CreateSIPControlApp', 404, body), { documented: true, errors: [] });
});

t.test('filled uuids conform to the pattern and are distinct', async (t) => {
  const filled = JSON.stringify(fillPlaceholderUuids(readStoredExample('responses/AssignTNLeasesToSIPControlApp.200.json')));
  const uuids = [...filled.matchAll(/"uuid":"([^"]*)"/g)].map((m) => m[1]!);
  t.equal(uuids.length, 8);
  t.ok(uuids.every((u) => UUID_PATTERN.test(u)));
  t.equal(new Set(uuids).size, uuids.length);
});
