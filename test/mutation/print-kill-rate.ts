/**
 * `npm run mutation`: run the suite against every catalogued fault of the
 * reference server and print the kill matrix (fault, caught by, time).
 * Exit 1 if any fault survives.
 */
import { FAULTS } from '../../src/server/index.ts';
import { formatTable, killAll } from './kill-matrix.ts';

const only = process.argv.slice(2);
const faults = only.length ? FAULTS.filter((f) => only.includes(f.name)) : FAULTS;
const started = performance.now();
const rows = await killAll(faults, 2, (row) => process.stderr.write(`${row.killed ? '✓' : '✗'} ${row.fault}\n`));
process.stdout.write(`${formatTable(rows)}\n`);
process.stdout.write(`wall time: ${((performance.now() - started) / 1000).toFixed(1)}s for ${rows.length} faults\n`);
process.exitCode = rows.every((r) => r.killed) ? 0 : 1;
