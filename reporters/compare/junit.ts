/**
 * `compare-junit.xml`: one testcase per operation × difference kind; it fails
 * when one of its differences fails under --fail-on (by default: breaks the
 * spec, or unexplained); allowed ones are listed in its system-out.
 */
import type { CompareResult } from '../../src/compare/model.ts';
import { CLASS_TITLES, failsUnder } from '../../src/compare/model.ts';
import { scrubDeep } from '../../src/results/secrets.ts';
import { cleanText, oneLine, seconds } from '../format.ts';
import { explain } from './groups.ts';
import type { Difference } from '../../src/compare/model.ts';

const LISTED = 30;

export async function renderCompareJUnit(raw: CompareResult): Promise<string> {
  const m = (await import('xmlbuilder2')) as typeof import('xmlbuilder2') & { default?: typeof import('xmlbuilder2') };
  const create = m.create ?? m.default!.create;
  const result = scrubDeep(raw);
  const groups = new Map<string, Difference[]>();
  for (const d of result.differences) {
    const key = `${d.operation} · ${d.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const names = [...groups.keys()].sort();
  const failing = names.filter((n) => groups.get(n)!.some((d) => failsUnder(result.summary.failOn, d.class)));
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const suite = doc.ele('testsuites', { name: 'sipapp-conformance compare', tests: String(Math.max(1, names.length)), failures: String(failing.length), errors: '0', time: seconds(result.summary.durationMs) })
    .ele('testsuite', { name: 'compare', tests: String(Math.max(1, names.length)), failures: String(failing.length), errors: '0', skipped: '0', time: seconds(result.summary.durationMs), timestamp: result.info.startedAt.slice(0, 19) });
  const line = (d: Difference) => cleanText(`${CLASS_TITLES[d.class]}: ${d.caseId} #${d.index + 1} ${d.purpose}\n  ${explain(d)}\n  candidate: ${d.candidateExchange?.curl ?? '-'}\n  reference: ${d.referenceExchange?.curl ?? '-'}`);
  if (!names.length) suite.ele('testcase', { classname: 'compare', name: 'no behavioural differences', time: '0' });
  for (const name of names) {
    const list = groups.get(name)!;
    const tc = suite.ele('testcase', { classname: `compare.${list[0].operation}`, name, time: '0' });
    const bad = list.filter((d) => failsUnder(result.summary.failOn, d.class));
    if (bad.length) {
      tc.ele('failure', { message: oneLine(`${bad.length} difference(s) failing under --fail-on ${result.summary.failOn}: ${explain(bad[0])}`, 500), type: bad[0].class })
        .txt(bad.slice(0, LISTED).map(line).join('\n\n'));
    }
    const allowed = list.filter((d) => !failsUnder(result.summary.failOn, d.class));
    if (allowed.length) tc.ele('system-out').txt(allowed.slice(0, LISTED).map(line).join('\n\n'));
  }
  return doc.end({ prettyPrint: true });
}
