import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/sipapp-conformance.js', import.meta.url));
const SOURCE_ENTRY = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

/**
 * Node's arguments that start the CLI as a process: the sources through tsx
 * (default, so tests never run a stale build), or the compiled bin the package
 * ships (TEST_SIPAPP_BIN=compiled, what `npm run test:compiled` sets; not SIPAPP_…: the CLI
 * warns about unknown SIPAPP_* variables on stderr, which the one-line checks count).
 */
export const CLI: readonly string[] = process.env.TEST_SIPAPP_BIN === 'compiled' ? [BIN] : ['--import', 'tsx', SOURCE_ENTRY];

export interface CliOutcome { code: number; out: string; err: string }

/**
 * `main(args)` in-process with stdout/stderr captured and, for its duration,
 * exactly the given SIPAPP_* variables in the environment (others removed).
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliOutcome> {
  const saved = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('SIPAPP_')));
  for (const k of Object.keys(saved)) delete process.env[k];
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const capture = (into: string[]) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    for (const k of Object.keys(env)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

/** The real bin in a child process, without the caller's SIPAPP_* variables unless given. */
export function spawnCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): CliOutcome {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIPAPP_')));
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...base, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Lines of text, without the empty tail. */
export const linesOf = (text: string) => text.split('\n').filter((l) => l !== '');
