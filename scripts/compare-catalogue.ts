/**
 * The whole-catalogue proof of `compare` (too long for `npm test`): the
 * embedded reference server as the reference (recorded twice, once), and as
 * the candidate each fault of src/server/faults.ts and each reading of
 * src/server/readings.ts in turn. A fault must show at least one difference,
 * and one that *breaks the spec* when `run` catches it; a reading must show
 * none that breaks the spec.
 *
 *   node --import tsx scripts/compare-catalogue.ts [--seed N] [--budget N] [NAME…]
 *
 * NAME: a fault, or reading:<name>; none = the whole catalogue. Exit 1 when a row is wrong.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRuns } from '../src/compare/compare.ts';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../src/runner/options.ts';
import { FAULTS } from '../src/server/index.ts';
import { READINGS } from '../src/server/readings.ts';
import { mapPool } from '../src/runner/pool.ts';
import { recordSide, sideOptions, type CompareOptions } from '../src/session/compare.ts';

export interface CatalogueRow {
  name: string;
  reading: boolean;
  /** `run` alone fails on this candidate. */
  runCatches: boolean;
  spec: number;
  errata: number;
  unexplained: number;
  differences: number;
  ok: boolean;
}

/** A candidate: a name for the table and what makes it (a fault, a reading, a base URL …). */
export interface CatalogueCandidate {
  name: string;
  options: Partial<RunOptions>;
}

export const byName = (name: string): CatalogueCandidate => ({ name, options: { fault: name } });

/** Compare each candidate with one recorded pair of reference runs (embedded). */
export async function compareCatalogue(candidates: CatalogueCandidate[], extra: Partial<CompareOptions> = {}, onRow?: (row: CatalogueRow) => void): Promise<CatalogueRow[]> {
  const out = mkdtempSync(join(tmpdir(), 'sipapp-compare-'));
  try {
    const options: CompareOptions = { ...DEFAULT_RUN_OPTIONS, reporter: [], out, reference: { url: 'embedded', tnlease: [] }, failOn: 'unexplained', ...extra };
    const sides = sideOptions(options);
    const [ref1, ref2] = await Promise.all([recordSide(sides.reference(1), 'reference 1'), recordSide(sides.reference(2), 'reference 2')]);
    // Two candidates at a time: a run spends much of its time waiting for answers.
    return await mapPool(candidates, 2, async ({ name, options: own }) => {
      const candidate = await recordSide({ ...sides.candidate, ...own, out: join(out, name.replace(/[^a-z0-9-]/gi, '_')) }, name);
      const { summary } = compareRuns(candidate, ref1, ref2, options.failOn);
      const reading = name.startsWith('reading:');
      const runCatches = candidate.info.exitCode !== 0;
      const { spec, errata, unexplained } = summary.byClass;
      const ok = reading ? spec === 0 : summary.differences > 0 && (!runCatches || spec > 0);
      const row = { name, reading, runCatches, spec, errata, unexplained, ok, differences: summary.differences };
      onRow?.(row);
      return row;
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function flag(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return Number(value);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const seed = flag(args, '--seed');
  const budget = flag(args, '--budget');
  const names = args.length ? args : [...FAULTS.map((f) => f.name), ...READINGS.map((r) => `reading:${r.name}`)];
  const started = Date.now();
  console.log('| candidate | run catches | breaks the spec | errata | unexplained | ok |\n|---|---|---|---|---|---|');
  const rows = await compareCatalogue(names.map(byName), { ...(seed === undefined ? {} : { seed }), ...(budget === undefined ? {} : { budget: { requests: budget } }) }, (r) =>
    console.log(`| ${r.name} | ${r.runCatches ? 'yes' : 'no'} | ${r.spec} | ${r.errata} | ${r.unexplained} | ${r.ok ? 'ok' : 'WRONG'} |`));
  const faults = rows.filter((r) => !r.reading);
  const readings = rows.filter((r) => r.reading);
  console.log(`\nfaults: ${faults.filter((r) => r.ok).length}/${faults.length} show a difference classified right; readings: ${readings.filter((r) => r.ok).length}/${readings.length} show nothing that breaks the spec; ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
