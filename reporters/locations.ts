/**
 * Where in the project a result points: the operation in spec/openapi.yaml
 * (the rule a check judged against) and the source line of a case in suites/.
 * GitHub annotations and JUnit `file`/`line` use them, so CI can jump there.
 * Paths are relative to the package root, as they appear in this repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/package-root.ts';

export interface SourceLocation {
  file: string;
  line: number;
}

// The package root, whether this runs from the sources or compiled in dist/.
const ROOT = pathToFileURL(`${PACKAGE_ROOT}/`);
export const SPEC_FILE = 'spec/openapi.yaml';

let specLines: Map<string, number> | undefined;
let suiteTexts: Array<{ file: string; lines: string[] }> | undefined;

/** Line of `operationId: <op>` in spec/openapi.yaml; undefined for an unknown operation (e.g. `workflow`). */
export function operationLocation(operation: string): SourceLocation | undefined {
  if (!specLines) {
    specLines = new Map();
    const lines = readFileSync(new URL(SPEC_FILE, ROOT), 'utf8').split('\n');
    lines.forEach((text, i) => {
      const m = /^\s*operationId:\s*['"]?([A-Za-z0-9_]+)/.exec(text);
      if (m) specLines!.set(m[1]!, i + 1);
    });
  }
  const line = specLines.get(operation);
  return line === undefined ? undefined : { file: SPEC_FILE, line };
}

function suites(): Array<{ file: string; lines: string[] }> {
  if (!suiteTexts) {
    const dir = new URL('suites/', ROOT);
    // An installed package ships no suite sources (only dist/): cases then point at the spec.
    suiteTexts = !existsSync(dir) ? [] : readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => ({ file: `suites/${f}`, lines: readFileSync(new URL(f, dir), 'utf8').split('\n') }));
  }
  return suiteTexts;
}

/**
 * The line defining a case: the first line quoting its local id in the file
 * that defines its suite; else the `defineCases('<suite>'` line (ids built in
 * loops have no literal); undefined when the suite is not in suites/ (cleanup).
 */
export function caseLocation(id: string, suite: string): SourceLocation | undefined {
  const local = id.startsWith(`${suite}.`) ? id.slice(suite.length + 1) : id;
  const define = new RegExp(`defineCases\\(\\s*['"\`]${suite.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);
  for (const { file, lines } of suites()) {
    const at = lines.findIndex((l) => define.test(l));
    if (at < 0) continue;
    const quoted = [`'${local}'`, `"${local}"`, `\`${local}\``];
    const idLine = lines.findIndex((l) => quoted.some((q) => l.includes(q)));
    return { file, line: (idLine >= 0 ? idLine : at) + 1 };
  }
  return undefined;
}

/** Where an annotation about a case's failing check should point: its operation in the spec, else the case's source, else the spec's top. */
export function locationFor(c: { id: string; suite: string; operation: string }): SourceLocation {
  return operationLocation(c.operation) ?? caseLocation(c.id, c.suite) ?? { file: SPEC_FILE, line: 1 };
}
