/**
 * The GitHub reporter of `compare`: an annotation per failing group (GitHub
 * shows ten per kind and step) and a job summary table, written to
 * `compare-github-summary.md` and appended to $GITHUB_STEP_SUMMARY when set.
 */
import { appendFile } from 'node:fs/promises';
import type { CompareResult } from '../../src/compare/model.ts';
import { CLASS_TITLES, failsUnder } from '../../src/compare/model.ts';
import { scrubDeep, scrubSecrets } from '../../src/results/secrets.ts';
import { writeReportFile } from '../files.ts';
import { ANNOTATIONS_PER_STEP, formatAnnotation, md } from '../github.ts';
import { oneLine } from '../format.ts';
import { explain, groupDifferences, summaryLine } from './groups.ts';
import { COMPARE_FILES, type CompareReporterOptions } from './index.ts';


export function renderCompareGitHubSummary(raw: CompareResult): string {
  const result = scrubDeep(raw);
  const rows = groupDifferences(result).map((g) => `| ${CLASS_TITLES[g.class]} | ${md(g.operation)} | ${g.kind} | ${g.differences.length} | ${md(oneLine(explain(g.differences[0]), 200))} |`);
  return [
    '## sipapp-conformance compare', '', md(summaryLine(result)), '',
    ...(rows.length ? ['| class | operation | kind | count | first difference |', '|---|---|---|---|---|', ...rows] : ['No behavioural differences.']), '',
  ].join('\n');
}

export async function writeCompareGitHub(raw: CompareResult, opts: CompareReporterOptions, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const result = scrubDeep(raw);
  const failing = groupDifferences(result).filter((g) => failsUnder(result.summary.failOn, g.class));
  for (const g of failing.slice(0, ANNOTATIONS_PER_STEP)) {
    const d = g.differences[0];
    opts.stream.write(`${scrubSecrets(formatAnnotation({ level: 'error', title: `compare: ${CLASS_TITLES[g.class]}: ${g.operation} · ${g.kind} (${g.differences.length})`, message: `${d.caseId} #${d.index + 1} ${d.purpose}: ${explain(d)}` }))}\n`);
  }
  const summary = renderCompareGitHubSummary(result);
  const files = [await writeReportFile(opts.outDir, COMPARE_FILES.github, summary, '&lt;redacted-jwt&gt;')];
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, scrubSecrets(summary, '&lt;redacted-jwt&gt;'), 'utf8');
  return files;
}
