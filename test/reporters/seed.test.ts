import t from 'tap';
import { readFileSync } from 'node:fs';
import { createReporter } from '../../reporters/index.ts';
import { buildRun, collector, drive } from './fixture.ts';

// A generated failure replays from its seed: every report carries it (issue 10).
t.test('every reporter prints the seed of the generated cases', async (t) => {
  const dir = t.testdir();
  const out = collector();
  for (const name of ['console', 'junit', 'tap', 'json', 'html'] as const) {
    const files = await drive(createReporter(name, { outDir: dir, stream: out.stream, color: false }), buildRun());
    const text = name === 'console' ? out.text() : readFileSync(files[0], 'utf8');
    t.match(text, /424242/, `${name} shows the seed`);
  }
});
