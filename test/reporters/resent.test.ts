import t from 'tap';
import { ConsoleReporter } from '../../reporters/console.ts';
import { mergeRuns } from '../../src/results/merge.ts';
import { summarise } from '../../src/results/summary.ts';
import { buildRun, collector, drive } from './fixture.ts';

// Issue 22: connection failures are never the API's fault, but a run that rode them out says so (console, JSON bundle).

t.test('the console summary counts the requests sent again and the creates settled by name', async (t) => {
  const run = buildRun();
  run.summary.resent = { requests: 12, attempts: 13, gaveUp: 0, reconciled: 3 };
  const out = collector();
  await drive(new ConsoleReporter({ stream: out.stream, color: false, quiet: true }), run);
  t.match(out.text(), /network: 12 requests sent again after connection failures \(13 resends\); 3 creates whose answer was lost settled by the app's name\n/);
  const plain = collector();
  await drive(new ConsoleReporter({ stream: plain.stream, color: false, quiet: true }), buildRun());
  t.notMatch(plain.text(), /network:/, 'no line when the network lost nothing');
});

t.test('the summary carries them only when there were any; merged shards add them up', async (t) => {
  t.equal(summarise([], 1, 1, undefined, undefined, { requests: 0, attempts: 0, gaveUp: 0, reconciled: 0 }).resent, undefined);
  t.same(summarise([], 1, 1, undefined, undefined, { requests: 1, attempts: 2, gaveUp: 1, reconciled: 0 }).resent, { requests: 1, attempts: 2, gaveUp: 1, reconciled: 0 });
  const a = buildRun();
  const b = buildRun();
  a.summary.resent = { requests: 2, attempts: 2, gaveUp: 0, reconciled: 1 };
  b.summary.resent = { requests: 3, attempts: 4, gaveUp: 1, reconciled: 0 };
  b.info = { ...b.info, runId: `${b.info.runId}-b` };
  t.same(mergeRuns([a, b]).summary.resent, { requests: 5, attempts: 6, gaveUp: 1, reconciled: 1 });
});
