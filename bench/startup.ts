/**
 * Bench: wall time of whole CLI processes, to separate Node's and the
 * TypeScript loader's start from the suite's own work.
 * Run: npx tsx bench/startup.ts [runs=5]
 */
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(args: string[]): number {
  const started = performance.now();
  const res = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (res.status !== 0) throw new Error(`${args.join(' ')} exited ${res.status}`);
  return performance.now() - started;
}

const rows: Array<[string, string[]]> = [
  ['node -e 0 (Node alone)', ['-e', '0']],
  ['sipapp-conformance list', ['bin/sipapp-conformance.js', 'list']],
  ['sipapp-conformance run (full suite, embedded server, all reports)', ['bin/sipapp-conformance.js', 'run', '--quiet', '--out', 'reports/bench']],
];
for (const [label, args] of rows) {
  time(args);
  const samples = Array.from({ length: runs }, () => time(args));
  console.log(`${label}: median ${(median(samples) / 1000).toFixed(2)} s over ${runs} runs`);
}
