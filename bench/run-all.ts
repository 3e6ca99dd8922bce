/**
 * `npm run bench`: every benchmark, one after another, each in its own process
 * so that one's warm caches do not flatter another. Figures go in the README.
 *   npm run bench -- --quick          issue 25's throughput figures only, fast (bench/throughput.ts --quick)
 *   npm run bench -- --write-readme   also rewrite the README's throughput table from this run
 */
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const writeReadme = process.argv.includes('--write-readme') ? ['--write-readme'] : [];

// The whole-process benches time the compiled bin: build it first.
if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const throughput: [string, string[]] = ['throughput and scale (issue 25): loopback, throttled, memory', ['bench/throughput.ts', ...(quick ? ['--quick'] : []), ...writeReadme]];
const benches: Array<[string, string[]]> = quick ? [throughput] : [
  ['start-up of the compiled CLI (whole processes)', ['bench/startup.ts']],
  ['full run as a whole process against a loopback server, vs a bare Node script and the critical path', ['bench/full-run.ts']],
  throughput,
  ['where a loopback run spends its CPU (top 15 by self time)', ['bench/cpu-profile.ts', '15']],
  ['the package: tarball, clean install in an empty folder', ['bench/package.ts']],
  ['validation: a 10,000-app list body', ['bench/validate-list.ts']],
  ['the generated suite at three budgets', ['bench/generated-budget.ts']],
  ['compare (a candidate and two reference runs) against one run', ['bench/compare.ts']],
];

for (const [title, args] of benches) {
  console.log(`\n## ${title}`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit', env: { ...process.env, PACT_DO_NOT_TRACK: 'true' } });
  if (res.status !== 0) process.exitCode = 1;
}
