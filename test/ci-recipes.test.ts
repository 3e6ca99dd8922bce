import t, { type Test } from 'tap';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import { DEFAULT_SEED } from '../src/runner/budget.ts';

/**
 * The CI recipes in docs/ci/ are parsed as the CI would, and every
 * sipapp-conformance command they run is checked against the CLI itself:
 * the command exists and takes every flag the recipe passes.
 */
const BIN = new URL('../bin/sipapp-conformance.js', import.meta.url).pathname;
const read = (name: string) => YAML.parse(readFileSync(new URL(`../docs/ci/${name}`, import.meta.url), 'utf8'));

const helpCache = new Map<string, string>();
function helpOf(command: string): string {
  if (!helpCache.has(command)) {
    const r = spawnSync(process.execPath, [BIN, command, '--help'], { encoding: 'utf8' });
    helpCache.set(command, r.status === 0 ? r.stdout : '');
  }
  return helpCache.get(command)!;
}

/** Every `sipapp-conformance …` invocation in a shell script, with CI variables given sample values. */
function invocations(script: string, vars: Record<string, string>): string[][] {
  let text = script;
  for (const [k, v] of Object.entries(vars)) text = text.split(k).join(v);
  return text.split('\n').flatMap((line) => {
    const at = line.indexOf('sipapp-conformance ');
    return at < 0 ? [] : [line.slice(at).trim().split(/\s+/).slice(1)];
  });
}

function checkInvocation(t: Test, args: string[]) {
  const [command, ...rest] = args;
  const help = helpOf(command!);
  t.ok(help.length > 0, `sipapp-conformance ${command} exists`);
  for (const flag of rest.filter((a) => a.startsWith('--'))) t.match(help, new RegExp(`${flag.split('=')[0]}\\b`), `${command} takes ${flag}`);
  return { command: command!, rest };
}

t.test('GitHub Actions workflow', async (t) => {
  const wf = read('github-actions.yml');
  const jobs = wf.jobs as Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }>; strategy?: { matrix?: { shard?: number[] } }; needs?: string }>;
  const shards = jobs.conformance!.strategy!.matrix!.shard!;
  const calls = Object.values(jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? invocations(s.run, { '${{ matrix.shard }}': '1' }) : [])));
  t.ok(calls.length >= 2, 'runs and merges');
  const checked = calls.map((c) => checkInvocation(t, c));
  const run = checked.find((c) => c.command === 'run')!;
  t.equal(run.rest[run.rest.indexOf('--shard') + 1], `1/${shards.length}`, 'the shard denominator is the matrix size');
  t.ok(run.rest.includes('json'), 'shards write the JSON bundle merge reads');
  t.ok(checked.some((c) => c.command === 'merge' && c.rest.includes('shards/*/results.json')), 'merge reads every shard');
  t.equal(jobs.report!.needs, 'conformance');
  const download = jobs.report!.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))!;
  t.equal(download.with!.path, 'shards', 'artifacts land where merge looks');
  // Same inputs, same verdict for the gate; the nightly explores, and keeps what it finds (issue 21.3).
  const seed = (jobs.conformance as unknown as { env: Record<string, string> }).env.SIPAPP_SEED!;
  t.match(seed, /github\.event_name == 'schedule' && 'random' \|\| '20261203'/, 'the schedule draws a seed, every other trigger uses the fixed one');
  t.equal(seed.match(/'(\d+)'/)![1], String(DEFAULT_SEED), 'the gate\'s seed is the documented default');
  const examples = run.rest[run.rest.indexOf('--examples-file') + 1]!;
  const cache = jobs.conformance!.steps.find((s) => s.uses?.startsWith('actions/cache'))!;
  t.ok(examples.startsWith(`${cache.with!.path}/`), 'the examples file lives in the cached folder');
  t.match(cache.with!['restore-keys'], /shard/, 'each shard restores its own examples');
  const upload = jobs.conformance!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
  t.equal(upload.with!.path, run.rest[run.rest.indexOf('--out') + 1]!.replace('shard-1', 'shard-${{ matrix.shard }}'), 'the uploaded folder is the run\'s --out');
});

t.test('GitLab CI jobs', async (t) => {
  const ci = read('gitlab-ci.yml');
  const job = ci.conformance;
  const report = ci['conformance-report'];
  const scripts = [...ci['.node'].before_script, ...job.script, ...report.script].join('\n');
  const calls = invocations(scripts, { '${CI_NODE_INDEX}': '1', '${CI_NODE_TOTAL}': String(job.parallel) });
  const checked = calls.map((c) => checkInvocation(t, c));
  t.ok(checked.some((c) => c.command === 'run') && checked.some((c) => c.command === 'merge'));
  t.equal(job.artifacts.reports.junit, 'reports/shard-*/junit.xml', 'GitLab reads each shard\'s JUnit');
  t.ok(checked.find((c) => c.command === 'run')!.rest.includes('junit'));
  t.same(report.needs, [{ job: 'conformance', artifacts: true }]);
  t.match(scripts, /npm ci/);
  t.equal(job.variables.SIPAPP_SEED, String(DEFAULT_SEED), 'pipelines gate with the fixed seed');
  t.same(job.rules[0], { if: '$CI_PIPELINE_SOURCE == "schedule"', variables: { SIPAPP_SEED: 'random' } }, 'scheduled pipelines draw one');
  const run = checked.find((c) => c.command === 'run')!;
  const examples = run.rest[run.rest.indexOf('--examples-file') + 1]!;
  t.ok((job.cache as Array<{ paths: string[] }>).some((c) => c.paths.some((p) => examples.startsWith(p))), 'the examples file is cached');
});
