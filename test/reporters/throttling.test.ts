import t from 'tap';
import { ConsoleReporter } from '../../reporters/console.ts';
import { mergeRuns } from '../../src/results/merge.ts';
import { buildRun, collector, drive } from './fixture.ts';

// E70: throttling is never a failure, but a run that waited says how much (console, JSON bundle).

t.test('the console summary says how many answers were throttled and how long the run waited', async (t) => {
  const run = buildRun();
  run.summary.throttling = { answers: 29, requests: 27, waitedMs: 29_000, gaveUp: 0 };
  const out = collector();
  await drive(new ConsoleReporter({ stream: out.stream, color: false, quiet: true }), run);
  t.match(out.text(), /throttled: 29 answers 429\/503 on 27 requests, waited 29\.0s in all\n/);
  t.notMatch(out.text(), /given up/);
});

t.test('requests given up are named; no line at all without throttling', async (t) => {
  const run = buildRun();
  run.summary.throttling = { answers: 3, requests: 1, waitedMs: 1500, gaveUp: 1 };
  const out = collector();
  await drive(new ConsoleReporter({ stream: out.stream, color: false, quiet: true }), run);
  t.match(out.text(), /throttled: 3 answers .*, 1 given up at --max-wait\/--deadline/);
  const plain = collector();
  await drive(new ConsoleReporter({ stream: plain.stream, color: false, quiet: true }), buildRun());
  t.notMatch(plain.text(), /throttled/);
});

t.test('merged shards add their throttling up', async (t) => {
  const a = buildRun();
  const b = buildRun();
  a.summary.throttling = { answers: 2, requests: 2, waitedMs: 2000, gaveUp: 0 };
  b.summary.throttling = { answers: 5, requests: 4, waitedMs: 4500, gaveUp: 1 };
  b.info = { ...b.info, runId: `${b.info.runId}-b` };
  t.same(mergeRuns([a, b]).summary.throttling, { answers: 7, requests: 6, waitedMs: 6500, gaveUp: 1 });
  t.equal(mergeRuns([buildRun(), buildRun()]).summary.throttling, undefined, 'absent when no shard had any');
});

t.test('the pace the run settled on is said, and what it was learned from', async (t) => {
  const run = buildRun();
  run.summary.throttling = { answers: 12, requests: 12, waitedMs: 12_000, gaveUp: 0, settledRate: 24.3, rateFrom: 'answers' };
  const out = collector();
  await drive(new ConsoleReporter({ stream: out.stream, color: false, quiet: true }), run);
  t.match(out.text(), /paced: settled at 24\.3 requests\/s, learned from the 429\/503 answers\n/);
  run.summary.throttling = { answers: 0, requests: 0, waitedMs: 0, gaveUp: 0, settledRate: 24.3, rateFrom: 'headers' };
  const stated = collector();
  await drive(new ConsoleReporter({ stream: stated.stream, color: false, quiet: true }), run);
  t.match(stated.text(), /paced: settled at 24\.3 requests\/s, as the server's RateLimit headers state\n/);
  t.notMatch(stated.text(), /throttled:/, 'no 429 at all: no throttled line');
});
