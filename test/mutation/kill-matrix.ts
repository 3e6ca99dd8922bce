import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAULTS, type FaultSpec } from '../../src/server/index.ts';
import { runConformanceSuite } from '../../src/session/run.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../../src/runner/options.ts';
import type { RunResult } from '../../src/results/model.ts';
import { mapPool } from '../../src/runner/pool.ts';

/**
 * The kill matrix: the whole suite against the reference server with each
 * catalogued fault. A fault is killed when the run fails AND a failing (or
 * erroring) case names the check the catalogue says must catch it — failing
 * for some other reason does not count.
 */
export interface KillRow {
  fault: string;
  category: string;
  expected: string;
  killed: boolean;
  /** Checks that failed in the run, most frequent first. */
  caughtBy: string[];
  exitCode: number;
  ms: number;
}

/** Short timeouts so slowness faults are judged in seconds, not tens of seconds. */
export const MATRIX_OPTIONS: Partial<RunOptions> = { timeout: 2000, concurrency: 8 };

export async function runSuite(extra: Partial<RunOptions> = {}): Promise<RunResult> {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-matrix-'));
  try {
    const { result } = await runConformanceSuite({ ...DEFAULT_RUN_OPTIONS, reporter: [], out, ...MATRIX_OPTIONS, ...extra });
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function failedChecks(result: RunResult): string[] {
  const counts = new Map<string, number>();
  for (const c of result.cases) {
    if (c.status !== 'failed' && c.status !== 'error') continue;
    for (const o of c.checks) if (o.status === 'failed') counts.set(o.check, (counts.get(o.check) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([check]) => check);
}

export async function killFault(fault: FaultSpec): Promise<KillRow> {
  const started = performance.now();
  const result = await runSuite({ fault: fault.name });
  const caughtBy = failedChecks(result);
  return {
    fault: fault.name,
    category: fault.category,
    expected: fault.caughtBy,
    killed: result.summary.exitCode === 1 && caughtBy.includes(fault.caughtBy),
    caughtBy,
    exitCode: result.summary.exitCode,
    ms: Math.round(performance.now() - started),
  };
}

/** Run faults `parallel` at a time (each run is its own server and client). */
export async function killAll(faults: readonly FaultSpec[] = FAULTS, parallel = 2, onRow?: (row: KillRow) => void): Promise<KillRow[]> {
  return mapPool(faults, parallel, async (fault) => {
    const row = await killFault(fault);
    onRow?.(row);
    return row;
  });
}

export function formatTable(rows: KillRow[]): string {
  const killed = rows.filter((r) => r.killed).length;
  const width = Math.max(5, ...rows.map((r) => r.fault.length));
  const lines = [
    `${'fault'.padEnd(width)}  ${'category'.padEnd(11)}  ${'must be caught by'.padEnd(27)}  ${'verdict'.padEnd(7)}  ${'time'.padStart(7)}  also failed`,
    ...rows.map((r) => `${r.fault.padEnd(width)}  ${r.category.padEnd(11)}  ${r.expected.padEnd(27)}  ${(r.killed ? 'killed' : 'SURVIVED').padEnd(7)}  ${`${(r.ms / 1000).toFixed(1)}s`.padStart(7)}  ${r.caughtBy.filter((c) => c !== r.expected).join(', ')}`),
    '',
    `kill rate: ${killed}/${rows.length} (${((100 * killed) / Math.max(1, rows.length)).toFixed(1)}%)`,
  ];
  return lines.join('\n');
}
