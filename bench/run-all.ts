/**
 * `npm run bench`: every benchmark, one after another, each in its own process
 * so that one's warm caches do not flatter another. Figures go in the README.
 */
import { spawnSync } from 'node:child_process';

const benches: Array<[string, string[]]> = [
  ['startup: `sipapp-conformance list` (process start to exit)', ['bench/startup.ts']],
  ['validation: a 10,000-app list body', ['bench/validate-list.ts']],
  ['full run against the embedded reference server', ['bench/full-run.ts']],
  ['the generated suite at three budgets', ['bench/generated-budget.ts']],
];

for (const [title, args] of benches) {
  console.log(`\n## ${title}`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit', env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
  if (res.status !== 0) process.exitCode = 1;
}
