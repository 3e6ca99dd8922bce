import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type TestCase } from 'junit2json';
import { renderJUnit } from '../../reporters/junit.ts';
import { startReferenceServer } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { CHECK_NAMES } from '../../src/checks/catalogue.ts';
import { referenceRunOptions } from '../safety/helpers.ts';
import { buildRun, fixtureCases } from './fixture.ts';

/**
 * The JUnit report as a CI reads it: parsed by junit2json (a JUnit XML parser
 * library), not by our own code. file/line must point at real source lines,
 * names must be unique, failures typed by check with a short message.
 */
const ROOT = new URL('../../', import.meta.url);

function testcases(doc: Awaited<ReturnType<typeof parse>>): Array<TestCase & { file?: string; line?: number }> {
  const suites = (doc as { testsuite?: Array<{ testcase?: TestCase[] }> }).testsuite ?? [];
  return suites.flatMap((s) => s.testcase ?? []) as Array<TestCase & { file?: string; line?: number }>;
}

t.test('a real failing run: every testcase located, uniquely named, failures typed by check', async (t) => {
  const server = await startReferenceServer({ fault: 'name-counts-bytes' });
  t.teardown(() => server.close());
  const out = t.testdir();
  const { result } = await runConformanceSuite(referenceRunOptions(server, out, { reporter: ['junit'], suite: ['create', 'modify', 'auth'] }));
  const doc = await parse(readFileSync(join(out, 'junit.xml'), 'utf8'));
  const cases = testcases(doc);
  t.equal(cases.length, result.cases.length, 'one testcase per case');
  t.equal(new Set(cases.map((c) => c.name)).size, cases.length, 'names are unique');
  for (const c of cases.filter((x) => !String(x.classname).startsWith('cleanup'))) {
    t.ok(c.file && existsSync(new URL(c.file, ROOT)), `${c.name}: file ${c.file} exists`);
    const lines = readFileSync(new URL(c.file!, ROOT), 'utf8').split('\n');
    t.ok(Number(c.line) >= 1 && Number(c.line) <= lines.length, `${c.name}: line ${c.line} is in the file`);
  }
  const multibyte = cases.find((c) => String(c.name).startsWith('create.name-255-multibyte'))!;
  t.match(readFileSync(new URL(multibyte.file!, ROOT), 'utf8').split('\n')[Number(multibyte.line) - 1], "'name-255-multibyte'", 'the line defines the case');
  const failures = cases.flatMap((c) => c.failure ?? []);
  t.ok(failures.length >= 3, 'the fault fails cases');
  for (const f of failures) {
    t.ok((CHECK_NAMES as readonly string[]).includes(f.type!), `failure type ${f.type} is a check name`);
    t.ok(f.message!.length <= 240, 'failure message is short');
    t.match(f.inner, /curl:/, 'the body has the evidence');
  }
  const failed = cases.find((c) => c.failure)!;
  t.match(failed['system-out']?.[0], /request headers:\n\s+accept: application\/json/, 'system-out has the request detail');
  t.notOk(readFileSync(join(out, 'junit.xml'), 'utf8').includes(server.fixtures.a.token), 'no token');
});

t.test('names repeated in the input are made unique', async (t) => {
  const cases = fixtureCases();
  const twice = [...cases, { ...cases[0]! }];
  const doc = await parse(await renderJUnit(buildRun(twice), 'host'));
  const names = testcases(doc).map((c) => c.name);
  t.equal(new Set(names).size, names.length);
  t.ok(names.some((n) => / #2$/.test(String(n))), 'the second one is numbered');
});
