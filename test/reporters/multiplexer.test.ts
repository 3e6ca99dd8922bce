import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ReporterMultiplexer, type ReporterFailure } from '../../reporters/multiplexer.ts';
import { createReporter, createReporters, REPORTER_NAMES } from '../../reporters/index.ts';
import type { Reporter } from '../../reporters/reporter.ts';
import type { RunResult } from '../../src/results/model.ts';
import { buildRun, collector, drive } from './fixture.ts';

class Recording implements Reporter {
  readonly name: string;
  cases = 0;
  ended = 0;
  files: string[] | undefined;
  constructor(name: string, private readonly out: string[]) {
    this.name = name;
  }
  onBegin(): void {}
  onCaseEnd(): void {
    this.cases += 1;
  }
  onEnd(): string[] {
    this.ended += 1;
    return this.out;
  }
  onReportFiles(files: string[]): void {
    this.files = files;
  }
}

t.test('a throwing reporter is reported once, the others still run', async (t) => {
  const failures: ReporterFailure[] = [];
  const a = new Recording('a', ['/out/a.xml', '/out/shared.txt']);
  const b = new Recording('b', ['/out/b.json', '/out/shared.txt']);
  let calls = 0;
  const broken: Reporter = {
    name: 'broken',
    onCaseEnd() {
      calls += 1;
      throw new Error('boom');
    },
    onEnd() {
      throw new Error('never reached');
    },
  };
  const rejecting: Reporter = { name: 'rejecting', onEnd: async () => Promise.reject(new Error('disk full')) };
  const m = new ReporterMultiplexer([a, broken, rejecting, b], (f) => failures.push(f));
  const run = buildRun();
  const files = await drive(m, run);

  t.equal(calls, 1, 'a broken reporter is dropped after its first error');
  t.same(failures.map((f) => [f.reporter, f.phase, (f.error as Error).message]), [
    ['broken', 'onCaseEnd', 'boom'],
    ['rejecting', 'onEnd', 'disk full'],
  ]);
  t.same(m.failures.length, 2);
  t.equal(a.cases, 8);
  t.equal(b.cases, 8);
  t.equal(a.ended, 1);
  t.equal(b.ended, 1);
  t.same(files, ['/out/a.xml', '/out/shared.txt', '/out/b.json'], 'union of files, deduplicated, in order');
  t.same(a.files, files, 'onReportFiles gets the union');
});

t.test('reporters cannot change the verdict or each other\'s view', async (t) => {
  const run = buildRun();
  const seen: number[] = [];
  const meddler: Reporter = {
    name: 'meddler',
    onEnd(r: RunResult) {
      r.summary.exitCode = 0;
      r.cases.length = 0;
      return [];
    },
  };
  const witness: Reporter = {
    name: 'witness',
    onEnd(r: RunResult) {
      seen.push(r.summary.exitCode, r.cases.length);
      return [];
    },
  };
  const errors: string[] = [];
  await new ReporterMultiplexer([meddler, witness], (f) => errors.push(`${f.reporter} ${f.phase}`)).onEnd(run);
  // The results are frozen: the meddler's write throws, it is dropped, and the witness sees them whole.
  t.same(errors, ['meddler onEnd'], 'the meddler fails, contained');
  t.same(seen, [1, 8]);
  t.equal(run.summary.exitCode, 1, "the caller's run is untouched");
  t.equal(run.cases.length, 8);
});

t.test('an onError handler that throws does not break the run', async (t) => {
  const a = new Recording('a', ['/x']);
  const m = new ReporterMultiplexer([{ name: 'bad', onEnd: () => { throw new Error('x'); } }, a], () => { throw new Error('handler'); });
  t.same(await m.onEnd(buildRun()), ['/x']);
});

t.test('createReporters builds every named reporter behind one multiplexer', async (t) => {
  const dir = t.testdir();
  const out = collector();
  const m = createReporters([...REPORTER_NAMES, 'json'], { outDir: dir, stream: out.stream });
  t.same(m.reporters.map((r) => r.name), ['console', 'junit', 'tap', 'json', 'html', 'har', 'github'], 'github last: it resumes workflow commands after the others printed');
  const files = await drive(m);
  t.same(files, ['junit.xml', 'results.tap', 'results.json', 'report.html', 'run.har', 'github-summary.md'].map((f) => join(dir, f)));
  for (const f of files) t.ok(existsSync(f), f);
  t.match(out.text(), new RegExp(`Reports\\n {2}${join(dir, 'junit.xml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 'console lists the report files last');
  t.throws(() => createReporters(['console', 'xml', 'pdf'], { outDir: dir }), /unknown reporters "xml", "pdf" \(known: console, junit, tap, json, html, github, har\)/);
  t.equal(createReporter('tap', { outDir: dir }).name, 'tap');
});

t.test('the run handed to onEnd reuses each case copy handed to onCaseEnd; a case never ended is copied and scrubbed there', async (t) => {
  const seen: { cases: unknown[]; run?: RunResult } = { cases: [] };
  const spy: Reporter = {
    name: 'spy',
    onCaseEnd(c) { seen.cases.push(c); },
    onEnd(run) { seen.run = run; return []; },
  };
  const run = buildRun();
  const mux = new ReporterMultiplexer([spy]);
  for (const c of run.cases.slice(1)) await mux.onCaseEnd(c);
  run.cases[0]!.title = `leaked ${'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'}`;
  await mux.onEnd(run);
  t.same(seen.run!.cases.slice(1), seen.cases, 'the same frozen copies');
  t.ok(seen.run!.cases.slice(1).every((c, i) => c === seen.cases[i]), 'not copied again');
  t.not(seen.run!.cases[0], run.cases[0], 'the case that never ended is a copy');
  t.match(seen.run!.cases[0]!.title, /leaked <redacted-jwt>/);
  t.ok(Object.isFrozen(seen.run!.cases[0]));
});
