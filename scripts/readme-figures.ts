/**
 * The README's figures, from one place. The quick start repeats what the package table measured
 * (tarball, install), the failure example's case count is the suite's, the failed count what the
 * fault really fails. `readmeDrift()` (cheap: no run, no npm) is what test/docs/readme-figures.test.ts
 * checks; `--write` measures what needs a run or npm and rewrites the README:
 *   node --import tsx scripts/readme-figures.ts            list drift (exit 1 when any)
 *   node --import tsx scripts/readme-figures.ts --write    measure (npm pack, the fault run) and rewrite
 * The install row (packages, MB) comes from bench/package.ts, which needs the registry.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../src/package-root.ts';
import { ALL_CASES } from '../suites/index.ts';

export const README = packagePath('README.md');
/** The fault the README's failure example runs. */
export const EXAMPLE_FAULT = 'name-counts-bytes';

/** Cases a full run reports: every defined case and the cleanup case. */
export const caseTotal = (): number => ALL_CASES.length + 1;

const FAILED_LINE = /FAILED {2}(\d+) cases: (\d+) passed, (\d+) failed/;
const BENCH_RUN = /\| `npx sipapp-conformance run` there \| (\d+) cases passed/;
const BENCH_TARBALL = /\| tarball \| ([\d,]+) kB, (\d+) files/;
const BENCH_INSTALL = /in an empty folder \| [\d.]+ s, (\d+) top-level packages, (\d+) MB of `node_modules`/;
const QUICK_START = /installs (\d+) packages, (\d+) MB of `node_modules`; the tarball is ([\d,]+) kB, (\d+) files/;

export interface Drift {
  figure: string;
  found: string;
  expected: string;
}

function match(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const m = pattern.exec(text);
  if (!m) throw new Error(`README: ${what} not found (${pattern})`);
  return m;
}

/** What disagrees in the README, without running anything. */
export function readmeDrift(text: string = readFileSync(README, 'utf8'), total: number = caseTotal()): Drift[] {
  const drift: Drift[] = [];
  const say = (figure: string, found: string, expected: string) => found !== expected && drift.push({ figure, found, expected });
  const [, shown, passed, failed] = match(text, FAILED_LINE, 'the failure example');
  say('failure example: cases', shown!, String(total));
  say('failure example: passed + failed', String(Number(passed) + Number(failed)), shown!);
  say('package table: cases of the installed run', match(text, BENCH_RUN, 'the installed run row')[1]!, String(total));
  const [, kB, files] = match(text, BENCH_TARBALL, 'the tarball row');
  const [, packages, mb] = match(text, BENCH_INSTALL, 'the install row');
  const quick = match(text, QUICK_START, 'the quick start figures');
  say('quick start: packages', quick[1]!, packages!);
  say('quick start: node_modules MB', quick[2]!, mb!);
  say('quick start: tarball kB', quick[3]!, kB!);
  say('quick start: tarball files', quick[4]!, files!);
  return drift;
}

/** `npm pack --dry-run` of dist/ as built: the tarball's size and file count. */
function measureTarball(): { kB: string; files: string } {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packagePath(''), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ size: number; entryCount: number }>;
  return { kB: Math.round(pack!.size / 1024).toLocaleString('en-US'), files: String(pack!.entryCount) };
}

/** The failure example's run, in process against the embedded server. */
async function measureExample(): Promise<{ total: number; passed: number; failed: number }> {
  const { runConformanceSuite } = await import('../src/session/run.ts');
  const { DEFAULT_RUN_OPTIONS } = await import('../src/runner/options.ts');
  const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, fault: EXAMPLE_FAULT, reporter: [], out: '/tmp/sipapp-readme-figures', seed: 1 });
  return { total: result.summary.total, passed: result.summary.passed, failed: result.summary.failed };
}

async function write(): Promise<void> {
  let text = readFileSync(README, 'utf8');
  const tarball = measureTarball();
  const example = await measureExample();
  text = text.replace(FAILED_LINE, `FAILED  ${example.total} cases: ${example.passed} passed, ${example.failed} failed`);
  text = text.replace(BENCH_RUN, (m, n: string) => m.replace(`${n} cases`, `${caseTotal()} cases`));
  text = text.replace(BENCH_TARBALL, `| tarball | ${tarball.kB} kB, ${tarball.files} files`);
  const [, packages, mb] = match(text, BENCH_INSTALL, 'the install row');
  text = text.replace(QUICK_START, `installs ${packages} packages, ${mb} MB of \`node_modules\`; the tarball is ${tarball.kB} kB, ${tarball.files} files`);
  writeFileSync(README, text);
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  if (process.argv.includes('--write')) await write();
  const drift = readmeDrift();
  for (const d of drift) console.log(`${d.figure}: README says ${d.found}, should be ${d.expected}`);
  if (!drift.length) console.log('README figures agree');
  process.exitCode = drift.length ? 1 : 0;
}
