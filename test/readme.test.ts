import t from 'tap';
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { CHECK_NAMES } from '../src/checks/catalogue.ts';
import { runOptionsBuilder } from '../src/cli/commands/run.ts';
import { SUITE_NAMES } from '../suites/index.ts';
import { REPORTER_NAMES } from '../reporters/names.ts';

// The README is the user's manual: it must not fall behind the code.
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

t.test('the quick start shows exactly the two commands', async (t) => {
  const quickStart = README.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
  t.match(quickStart, /npm ci && npm start/);
  t.match(quickStart, /\bnpm test\b/);
});

t.test('every check, suite and reporter is documented', async (t) => {
  for (const name of CHECK_NAMES) t.match(README, `\`${name}\``, `check ${name}`);
  for (const name of SUITE_NAMES) t.match(README, `\`${name}\``, `suite ${name}`);
  for (const name of REPORTER_NAMES) t.match(README, `\`${name}\``, `reporter ${name}`);
});

t.test('every option of run is documented', async (t) => {
  const keys = Object.keys((runOptionsBuilder(yargs([])) as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key)
    .filter((k) => k !== 'help' && k !== 'version');
  t.ok(keys.length > 20);
  for (const key of keys) t.match(README, `--${key}`, `--${key}`);
});

t.test('every command is documented', async (t) => {
  for (const command of ['run', 'list', 'checks', 'validate', 'serve', 'cleanup', 'diff', 'merge', 'verify', 'replay', 'compare']) {
    t.match(README, `sipapp-conformance ${command}`, command);
  }
});
