/**
 * Every file a reporter writes into --out, by reporter name. A run removes the
 * files of the reporters it did not run, so a CI job that uploads reports/
 * never ships the previous run's junit.xml beside this run's results.json.
 * (Chosen over a fresh folder per run: the paths CI jobs already upload stay put.)
 * A new file reporter adds its files here.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HTML_FILE } from './html.ts';
import { JSON_FILE } from './json.ts';
import { JUNIT_FILE } from './junit.ts';
import { TAP_FILE } from './tap.ts';
import { HAR_FILE } from './har.ts';
import { GITHUB_SUMMARY_FILE } from './github.ts';

export const REPORT_FILES: Readonly<Record<string, readonly string[]>> = {
  console: [],
  junit: [JUNIT_FILE],
  tap: [TAP_FILE],
  json: [JSON_FILE],
  html: [HTML_FILE],
  har: [HAR_FILE],
  github: [GITHUB_SUMMARY_FILE],
};

/** Remove what earlier runs' other reporters left in `outDir`; returns the paths removed. */
export function removeStaleReports(outDir: string, running: readonly string[]): string[] {
  const removed: string[] = [];
  for (const [name, files] of Object.entries(REPORT_FILES)) {
    if (running.includes(name)) continue;
    for (const file of files) {
      const path = join(outDir, file);
      try {
        rmSync(path);
        removed.push(path);
      } catch {
        // Not there: nothing stale.
      }
    }
  }
  return removed;
}
