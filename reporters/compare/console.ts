/** The console summary of a comparison: the verdict line, then each group with its first difference. */
import type { CompareResult } from '../../src/compare/model.ts';
import { CLASS_TITLES } from '../../src/compare/model.ts';
import { scrubDeep } from '../../src/results/secrets.ts';
import { formatDuration, oneLine } from '../format.ts';
import { explain, groupDifferences, summaryLine } from './groups.ts';

export function renderCompareConsole(raw: CompareResult, quiet = false): string {
  const result = scrubDeep(raw);
  const { info, summary } = result;
  const lines: string[] = [];
  if (!quiet) {
    for (const g of groupDifferences(result)) {
      const first = g.differences[0];
      lines.push(`${CLASS_TITLES[g.class].toUpperCase()}  ${g.operation} · ${g.kind} (${g.differences.length})`);
      lines.push(`  ${first.caseId} #${first.index + 1} ${oneLine(first.purpose, 100)}`);
      lines.push(`  ${oneLine(explain(first), 400)}`);
    }
    if (summary.notCompared.length) lines.push(`${summary.notCompared.length} case(s) not compared, e.g. ${summary.notCompared[0].caseId}: ${oneLine(summary.notCompared[0].reason, 160)}`);
    if (lines.length) lines.push('');
  }
  lines.push(summaryLine(result));
  const side = (s: CompareResult['info']['candidate']) => `${s.baseUrl}${s.fault ? ` (fault ${s.fault})` : ''} run ${s.runId}`;
  lines.push(`candidate ${side(info.candidate)} · reference ${side(info.references[0])}, ${info.references[1].runId} · seed ${info.seed} · budget ${info.budget} · ${formatDuration(summary.durationMs)} · fails on: ${summary.failOn}`);
  return `${lines.join('\n')}\n`;
}
