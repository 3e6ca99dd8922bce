import t from 'tap';
import { createPacer } from '../../src/runner/environment.ts';

t.test('--rate spaces requests: 11 at 50 per second take at least 200 ms', async (t) => {
  const pace = createPacer(50);
  const started = performance.now();
  for (let i = 0; i < 11; i++) await pace();
  t.ok(performance.now() - started >= 195, `took ${Math.round(performance.now() - started)} ms`);
});

t.test('--rate 0 does not wait', async (t) => {
  const pace = createPacer(0);
  const started = performance.now();
  for (let i = 0; i < 100; i++) await pace();
  t.ok(performance.now() - started < 50);
});

t.test('concurrent callers share one budget', async (t) => {
  const pace = createPacer(100);
  const started = performance.now();
  await Promise.all(Array.from({ length: 11 }, () => pace()));
  t.ok(performance.now() - started >= 95, `took ${Math.round(performance.now() - started)} ms`);
});
