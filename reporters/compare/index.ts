/**
 * The reports of `compare`: console, JSON (`compare.json`), HTML side by side
 * (`compare.html`), JUnit (`compare-junit.xml`) and GitHub (annotations and
 * the job summary). Each is one function of the CompareResult.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareResult } from '../../src/compare/model.ts';
import { scrubDeep } from '../../src/results/secrets.ts';
import { writeReportFile } from '../files.ts';
import { renderCompareConsole } from './console.ts';

import { COMPARE_REPORTER_NAMES } from './names.ts';

export const COMPARE_FILES = { json: 'compare.json', html: 'compare.html', junit: 'compare-junit.xml', github: 'compare-github-summary.md' } as const;

export interface CompareReporterOptions {
  outDir: string;
  stream: NodeJS.WritableStream;
  color?: boolean;
  quiet?: boolean;
}

type Write = (result: CompareResult, opts: CompareReporterOptions) => Promise<string[]>;

const WRITERS: Record<(typeof COMPARE_REPORTER_NAMES)[number], Write> = {
  console: async (result, opts) => {
    opts.stream.write(renderCompareConsole(result, opts.quiet));
    return [];
  },
  json: async (result, opts) => [await writeReportFile(opts.outDir, COMPARE_FILES.json, `${JSON.stringify(scrubDeep(result), null, 2)}\n`, '<redacted-jwt>')],
  html: async (result, opts) => {
    const { renderCompareHtml } = await import('./html.ts');
    return [await writeReportFile(opts.outDir, COMPARE_FILES.html, renderCompareHtml(result), '&lt;redacted-jwt&gt;')];
  },
  junit: async (result, opts) => {
    const { renderCompareJUnit } = await import('./junit.ts');
    return [await writeReportFile(opts.outDir, COMPARE_FILES.junit, await renderCompareJUnit(result), '&lt;redacted-jwt&gt;')];
  },
  github: async (result, opts) => {
    const { writeCompareGitHub } = await import('./github.ts');
    return writeCompareGitHub(result, opts);
  },
};

export function createCompareReporters(names: readonly string[], opts: CompareReporterOptions): { write(result: CompareResult): Promise<string[]> } {
  const chosen = names.filter((n): n is keyof typeof WRITERS => n in WRITERS);
  return {
    async write(result) {
      // As `run` does (reporters/stale.ts): a report this comparison does not write must not pass for its result.
      for (const [name, file] of Object.entries(COMPARE_FILES)) if (!chosen.includes(name as keyof typeof WRITERS)) rmSync(join(opts.outDir, file), { force: true });
      const files: string[] = [];
      // The console last: its summary is what a person reads after the files are there.
      for (const name of chosen.filter((n) => n !== 'console')) files.push(...(await WRITERS[name](result, opts)));
      if (chosen.includes('console')) await WRITERS.console(result, opts);
      return files;
    },
  };
}
