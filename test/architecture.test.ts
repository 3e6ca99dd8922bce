import t from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder rules, read from the code's own imports (as Playwright's DEPS.list):
 * data flows one way, spec → checks → runner → suites/contracts → session → cli.
 * An import across folders that is not listed here fails the test, naming the file.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the package's files are (package.json, spec/, contracts/), from src/ or dist/: a leaf that
 * imports nothing of the project, so every folder may use it to find its data files.
 */
const PACKAGE_ROOT = 'src/package-root.ts';

/** Each folder and the folders (or single files) it may import. Its own folder is always allowed. */
export const ALLOWED: Record<string, string[]> = {
  [PACKAGE_ROOT]: [],
  'src/spec': [PACKAGE_ROOT],
  'src/callflow': [PACKAGE_ROOT],
  'src/results': ['src/spec', PACKAGE_ROOT],
  'src/checks': ['src/spec', 'src/results', 'src/callflow', PACKAGE_ROOT],
  'src/runner': ['src/spec', 'src/checks', 'src/results', 'src/callflow', PACKAGE_ROOT],
  // Generation builds cases' requests and the state model: the runner's context, the checks and the spec.
  'src/generate': ['src/runner', 'src/checks', 'src/spec', 'src/results', 'src/callflow', PACKAGE_ROOT],
  suites: ['src/runner', 'src/generate', 'src/checks', 'src/spec', 'src/results', 'src/callflow', PACKAGE_ROOT],
  'src/contracts': ['src/runner', 'src/checks', 'src/spec', 'src/results', 'src/callflow', PACKAGE_ROOT],
  // The reference server knows the spec, and the check names its faults are caught by.
  'src/server': ['src/spec', 'src/callflow', 'src/checks/catalogue.ts', PACKAGE_ROOT],
  // `compare`'s engine: normalises, diffs and explains recorded runs (src/session runs them).
  'src/compare': ['src/results', PACKAGE_ROOT],
  // Reporters read results (and compare's); the two catalogues give them names and order only.
  reporters: ['src/results', 'src/compare/model.ts', 'src/spec/operations.ts', 'src/checks/catalogue.ts', PACKAGE_ROOT],
  // Run assembly: picks the cases, the reporters and the target for the engine.
  'src/session': ['src/runner', 'src/compare', 'suites', 'src/contracts', 'reporters', 'src/server', 'src/callflow', 'src/checks', 'src/spec', 'src/results', PACKAGE_ROOT],
  'src/index.ts': ['src/session', 'src/runner', 'src/results', 'src/checks', 'src/compare/model.ts', PACKAGE_ROOT],
  // The CLI (bin.ts, the process entry, included).
  'src/cli': ['src/index.ts', 'src/session', 'src/compare/model.ts', 'src/runner', 'suites', 'src/contracts', 'reporters', 'src/server', 'src/callflow', 'src/checks', 'src/spec', 'src/results', PACKAGE_ROOT],
};

const FOLDERS = Object.keys(ALLOWED).sort((a, b) => b.length - a.length);
const within = (path: string, area: string) => path === area || path.startsWith(`${area}/`);
const areaOf = (path: string) => FOLDERS.find((f) => within(path, f));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|mts|cts)$/.test(name) ? [path] : [];
  });
}

/** Relative specifiers of static imports, re-exports and dynamic imports. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found.filter((s) => s.startsWith('.'));
}

t.test('the import scanner sees static, re-exported, side-effect and dynamic imports', async (t) => {
  t.same(importsOf(`import a from './a.ts';\nexport { b } from "../b.ts";\nimport './c.ts';\nconst d = await import('./d.ts');\nimport x from 'node:fs';`), ['./a.ts', '../b.ts', './c.ts', './d.ts']);
});

t.test('every import across folders follows the folder rules', async (t) => {
  const files = [...sources('src'), ...sources('suites'), ...sources('reporters')];
  t.ok(files.length > 80, `${files.length} source files read`);
  const broken: string[] = [];
  let edges = 0;
  for (const file of files) {
    const from = areaOf(file);
    if (!from) {
      broken.push(`${file}: in no folder the rules know (add it to ALLOWED)`);
      continue;
    }
    for (const specifier of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), specifier));
      if (within(target, from)) continue;
      edges++;
      const ok = ALLOWED[from]!.some((allowed) => within(target, allowed));
      if (!ok) broken.push(`${file} imports ${target} (${from} may import ${ALLOWED[from]!.join(', ') || 'nothing outside itself'})`);
    }
  }
  t.ok(edges > 50, `${edges} imports across folders checked`);
  t.same(broken, [], 'no import breaks the folder rules');
});

t.test('a rule break is caught (the test can fail)', async (t) => {
  const from = areaOf('src/runner/run.ts')!;
  t.equal(from, 'src/runner');
  t.notOk(ALLOWED[from]!.some((a) => within('suites/index.ts', a)), 'the runner may not import suites/');
  t.notOk(ALLOWED.reporters!.some((a) => within('src/runner/run.ts', a)), 'reporters may not import the runner');
});
