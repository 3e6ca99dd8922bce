import t, { type Test } from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli/helpers.ts';
import { readResultsBundle } from '../reporters/json.ts';
import type { RunResult } from '../src/results/model.ts';

// The README's example of a shrunk failure is a command a reader will type: it must fail as shown,
// and the rerun hint it prints must reproduce that failure (issue 22.3: the old example had come to
// pass, and the old hint's `--grep '^id$'` selected nothing).

t.setTimeout(3 * 60_000);

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const block = README.split('<!-- readme-example:')[1]?.split('```text\n')[1]?.split('\n```')[0] ?? '';

/** Shell words: whitespace-separated, single quotes kept together (all the README and hints use). */
const words = (line: string) => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);

const shown = {
  command: words(/^\$ npx sipapp-conformance (.+)$/m.exec(block)?.[1] ?? ''),
  caseId: /^\s+1\) (\S+)/m.exec(block)?.[1],
  check: /^\s+check\s+(\S+)/m.exec(block)?.[1],
  steps: Number(/shrunk to (\d+) step\(s\)/.exec(block)?.[1]),
  hint: words(/# The same run again: sipapp-conformance (.+?) \(same target/.exec(block)?.[1] ?? ''),
};

async function runAndRead(t: Test, args: string[], out: string): Promise<{ code: number; bundle: RunResult }> {
  const { code, err } = await runCli([...args, '--out', out, '--reporter', 'json']);
  t.notMatch(err, /usage|unknown/i, `${args.join(' ')}: no usage error`);
  return { code, bundle: readResultsBundle(join(out, 'results.json')) };
}

function failsAsShown(t: Test, bundle: RunResult, label: string) {
  const c = bundle.cases.find((x) => x.id === shown.caseId);
  t.equal(c?.status, 'failed', `${label}: ${shown.caseId} fails`);
  const failed = c?.checks.find((o) => o.status === 'failed');
  t.equal(failed?.check, shown.check, `${label}: naming ${shown.check}`);
  t.match(failed?.message, `shrunk to ${shown.steps} step(s)`, `${label}: shrunk to ${shown.steps} steps`);
  return c;
}

t.test('the README example fails as the README shows, and its printed hint reproduces it', async (t) => {
  t.same(shown.command.slice(0, 1), ['run'], 'the example is a run command');
  t.ok(shown.caseId && shown.check && shown.steps > 0 && shown.hint[0] === 'run', 'the example shows a case, a check, the steps and a hint');

  const example = await runAndRead(t, shown.command, t.testdir());
  t.equal(example.code, 1, 'the example command fails');
  const c = failsAsShown(t, example.bundle, 'the example');
  const hint = /# The same run again: sipapp-conformance (.+?) \(same target/.exec(c?.exchanges.map((e) => e.curl).join('\n') ?? '')?.[1];
  t.same(words(hint ?? ''), shown.hint, 'the run prints the hint the README shows');

  const again = await runAndRead(t, shown.hint, t.testdir());
  t.equal(again.code, 1, 'the hint fails too');
  t.same(again.bundle.cases.filter((x) => x.suite !== 'cleanup').map((x) => x.id), [shown.caseId], 'the hint selects exactly that case');
  failsAsShown(t, again.bundle, 'the hint');
});
