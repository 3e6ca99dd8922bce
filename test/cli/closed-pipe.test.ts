import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT } from './helpers.ts';
import type { RunResult } from '../../src/results/model.ts';

// Issue 22: `… | head` closing stdout is a normal end. The reader goes away after `keep` bytes
// (0: before the first write), as `head` does; the command must finish its work and exit as it would.

function pipedInto(args: string[], keep: number): Promise<{ code: number | null; err: string; read: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIPAPP_')));
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...base, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let read = '';
  let err = '';
  if (keep === 0) child.stdout.destroy();
  else {
    child.stdout.on('data', (chunk: Buffer) => {
      read += chunk.toString('utf8');
      if (read.length >= keep) child.stdout.destroy();
    });
  }
  child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString('utf8'); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err, read })));
}

for (const args of [['list'], ['checks'], ['serve', '--list-faults']]) {
  t.test(`${args.join(' ')} into a closed pipe: exit 0, quietly`, async (t) => {
    const { code, err } = await pipedInto(args, 0);
    t.equal(code, 0, 'exit 0');
    t.equal(err, '', 'nothing on stderr (no stack trace)');
  });
}

t.test('run | head: the run goes on, writes its reports, cleans up and exits as it would', async (t) => {
  const out = t.testdir();
  const { code, err, read } = await pipedInto(['run', '--suite', 'remove', '--suite', 'lifecycle', '--out', out], 200);
  t.ok(read.length >= 200, 'the reader got the first lines');
  t.notMatch(err, /Error|at .*\(/, `no stack trace: ${err.slice(0, 300)}`);
  const bundle = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunResult;
  t.equal(code, bundle.summary.exitCode, `exit ${code}, the run's own verdict`);
  t.equal(bundle.summary.exitCode, 0, 'which passed');
  t.equal(bundle.cases.find((c) => c.id === 'cleanup.run-resources')?.status, 'passed', 'cleanup ran');
  const ledgers = existsSync(join(out, 'ledger')) ? readdirSync(join(out, 'ledger')) : [];
  t.same(ledgers, [], 'nothing left in the ledger: everything the run made was removed');
  t.ok(existsSync(join(out, 'junit.xml')), 'the other reports too');
});
