import t from 'tap';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_CASES } from '../../suites/index.ts';
import { readLedgers } from '../../src/runner/ledger.ts';
import type { HelpFile } from '../../src/cli/help-cache.ts';

/**
 * Issue 11: the package users install. Runs the whole build (what `npm ci` and
 * `npm pack` do through the prepare script), then runs the compiled bin as a
 * user would and checks what `npm pack` would ship. The rest of the tests start
 * the CLI from the sources; `npm run test:compiled` runs all of them against
 * this checkout's build.
 *
 * The build runs in a copy of the package in a temporary folder (node_modules
 * linked): the build starts by deleting dist/, and the other test files, running
 * meanwhile, load this checkout's dist/generated (spec JSON, validators) when it
 * matches the spec; and the help cache can be altered there to prove it is used.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string; files: string[]; dependencies: Record<string, string>; peerDependencies?: Record<string, string>;
};

const HOME = mkdtempSync(join(tmpdir(), 'sipapp-package-'));
t.teardown(() => rmSync(HOME, { recursive: true, force: true }));
/** The package's root in the temporary folder. */
const PKGDIR = join(HOME, 'sipapp-conformance');
mkdirSync(PKGDIR);
for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'scripts', 'src', 'suites', 'reporters', 'spec', 'contracts']) {
  cpSync(join(ROOT, entry), join(PKGDIR, entry), { recursive: true });
}
symlinkSync(join(ROOT, 'node_modules'), join(PKGDIR, 'node_modules'), 'dir');
if (process.env.TEST_SIPAPP_BIN === 'compiled') {
  // Under `npm run test:compiled` the script has just built dist/: test that very build.
  cpSync(join(ROOT, 'dist'), join(PKGDIR, 'dist'), { recursive: true });
} else {
  const log = execFileSync(process.execPath, ['--import', 'tsx', join(PKGDIR, 'scripts', 'build.ts')], { cwd: PKGDIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  t.comment(log.trim().split('\n').join('; '));
}
const BIN = join(PKGDIR, 'bin', 'sipapp-conformance.js');
const DIST = join(PKGDIR, 'dist');

/** The environment a user's shell gives: none of the caller's SIPAPP_* variables, plus `env`. */
const userEnv = (env: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SIPAPP_'))), NO_COLOR: '1', ...env,
});

const bin = (args: string[], options: { env?: Record<string, string>; cwd?: string; timeout?: number } = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? PKGDIR, encoding: 'utf8', timeout: options.timeout ?? 120_000, env: userEnv(options.env) });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** The same command from the sources, through tsx (what yargs prints, no cache involved). */
const fromSources = (args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'bin.ts'), ...args], { cwd: options.cwd ?? PKGDIR, encoding: 'utf8', timeout: 120_000, env: userEnv(options.env) });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

t.test('the compiled bin answers --version, --help and list', async (t) => {
  const version = bin(['--version']);
  t.equal(version.code, 0);
  t.equal(version.out.trim(), PKG.version);
  const help = bin(['--help']);
  t.equal(help.code, 0);
  t.match(help.out, /sipapp-conformance <command> \[options\]/);
  const list = bin(['list', '--json']);
  t.equal(list.code, 0);
  t.equal((JSON.parse(list.out) as unknown[]).length, ALL_CASES.length, 'every case listed');
  const usage = bin(['run', '--shard', '9/2']);
  t.equal(usage.code, 2, 'usage error: exit 2');
  t.equal(usage.err.trim().split('\n').length, 1, 'one stderr line');
});

t.test('--help from the compiled bin: exactly what yargs prints, served from the build\'s help.json', async (t) => {
  const helpFile = join(DIST, 'generated', 'help.json');
  const original = readFileSync(helpFile, 'utf8');
  const file = JSON.parse(original) as HelpFile;
  t.same(Object.keys(file.texts).sort(), ['100', '110', '80'], 'rendered at widths 80, 100 and 110');
  // Not a terminal: yargs lays the help out at 100 columns (helpWidth(undefined)).
  for (const args of [['--help'], ['run', '--help'], ['verify', '--help'], ['replay', '--help']]) {
    const label = args.join(' ');
    const expected = fromSources(args);
    t.equal(expected.code, 0, `sources: ${label}`);
    t.match(expected.out, /sipapp-conformance/, `sources print a help screen for ${label}`);
    const cached = bin(args);
    t.equal(cached.code, 0, `compiled: ${label}`);
    t.equal(cached.out, expected.out, `compiled ${label}: the text yargs prints`);
    t.equal(cached.err, '', `compiled ${label}: nothing on stderr`);
    const command = args.length === 1 ? '' : args[0]!;
    t.equal(file.texts['100']![command], expected.out, `help.json holds that very text for ${label || 'the top level'}`);
    const bypassed = bin(args, { env: { SIPAPP_X: '1' } });
    t.equal(bypassed.code, 0);
    t.equal(bypassed.out, expected.out, `with SIPAPP_X=1 (no cache) compiled ${label} still prints it`);
  }

  // The cache is what answered: alter it (this copy of the package only) and the bin prints the alteration,
  // unless a SIPAPP_* variable or ./sipapp-conformance.yaml could change the text, or the file is another build's.
  const marker = 'HELP FROM THE CACHE\n';
  const altered = (buildId: string): HelpFile => ({ buildId, texts: { ...file.texts, 100: { ...file.texts['100'], run: marker } } });
  const expectedRun = fromSources(['run', '--help']).out;
  try {
    writeFileSync(helpFile, JSON.stringify(altered(file.buildId)));
    t.equal(bin(['run', '--help']).out, marker, 'no SIPAPP_* variable: run --help comes from help.json');
    t.equal(bin(['run', '-h']).out, marker, '-h too');
    t.equal(bin(['run', '--help'], { env: { SIPAPP_X: '1' } }).out, expectedRun, 'SIPAPP_X=1: yargs renders it');
    const withConfig = join(HOME, 'with-config');
    mkdirSync(withConfig, { recursive: true });
    writeFileSync(join(withConfig, 'sipapp-conformance.yaml'), 'concurrency: 2\n');
    const configured = bin(['run', '--help'], { cwd: withConfig });
    t.equal(configured.code, 0, configured.err);
    t.not(configured.out, marker, './sipapp-conformance.yaml present: yargs renders it');
    t.match(configured.out, /sipapp-conformance run/);
    writeFileSync(helpFile, JSON.stringify(altered('another-build')));
    t.equal(bin(['run', '--help']).out, expectedRun, 'help.json of another build: ignored');
  } finally {
    writeFileSync(helpFile, original);
  }
});

t.test('the compiled bin runs a suite against the embedded server, all reports', async (t) => {
  const out = t.testdir();
  const r = bin(['run', '--suite', 'list', '--suite', 'tnlease-assign', '--quiet', '--out', out]);
  t.equal(r.code, 0, r.err);
  for (const f of ['junit.xml', 'results.json', 'results.tap', 'report.html']) t.ok(existsSync(join(out, f)), f);
});

/** Wall time of `node -e 0`, median of three: how long Node itself takes to reach a first line of JavaScript here, now. */
function nodeStartMs(): number {
  const times = [0, 1, 2].map(() => { const t0 = performance.now(); spawnSync(process.execPath, ['-e', '0']); return performance.now() - t0; });
  return times.sort((a, b) => a - b)[1]!;
}

t.test('Ctrl-C 0.2 s after start: exit 130, no stack trace, nothing left behind', async (t) => {
  const out = t.testdir();
  const child = spawn(process.execPath, [BIN, 'run', '--reporter', 'json', '--out', out], { cwd: PKGDIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  // 0.2 s after start; on a machine so loaded that Node alone takes longer to start, that much more.
  setTimeout(() => child.kill('SIGINT'), Math.max(200, nodeStartMs() + 50));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  t.equal(code, 130, 'exit 130');
  t.notMatch(stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
  t.match(stderr, /SIGINT/, 'says it was interrupted');
  const ledgerDir = join(out, 'ledger');
  const outstanding = existsSync(ledgerDir) ? readLedgers(ledgerDir).filter((e) => !e.removed) : [];
  t.same(outstanding, [], 'every resource the run created was removed');
});

/** Package names a tsc-compiled file imports or requires (node builtins left out). */
function importedPackages(text: string): string[] {
  const builtins = new Set(builtinModules);
  const names: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
    const spec = m[1]!;
    if (spec.startsWith('node:') || builtins.has(spec)) continue;
    names.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return names;
}

const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec);
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

interface ChunkImport { path: string; kind: string; external?: boolean }

/**
 * The import graph of the CLI bundle, as a JavaScript parser sees it (esbuild re-reading its own
 * output: a regex would also match code that ajv keeps in strings, e.g. 'require("ajv/dist/runtime/equal")'):
 * for each file of dist/cli, what it imports, statically ('import-statement') or on demand ('dynamic-import').
 */
async function bundleGraph(cliDir: string): Promise<Map<string, ChunkImport[]>> {
  const esbuild = await import('esbuild');
  const files = readdirSync(cliDir).filter((f) => f.endsWith('.js'));
  const result = await esbuild.build({
    entryPoints: files.map((f) => join(cliDir, f)), absWorkingDir: cliDir, outdir: join(HOME, 'reparsed'),
    bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', splitting: true, packages: 'external', logLevel: 'silent',
  });
  const graph = new Map<string, ChunkImport[]>();
  for (const [input, { imports }] of Object.entries(result.metafile.inputs)) {
    graph.set(basename(input), imports.map((i) => ({ path: i.external ? i.path : basename(i.path), kind: i.kind, external: i.external })));
  }
  return graph;
}

t.test('the compiled code imports only runtime dependencies', async (t) => {

  // tsc writes only the library's types: its JavaScript is the bundle's index.js (package.json exports).
  const emitted = walk(join(DIST, 'src')).concat(walk(join(DIST, 'suites')), walk(join(DIST, 'reporters')));
  t.ok(emitted.some((f) => f.endsWith('index.d.ts')), 'dist/src/index.d.ts');
  t.same(emitted.filter((f) => !f.endsWith('.d.ts')).map((f) => f.slice(PKGDIR.length)), [], 'dist/src holds .d.ts files only');
  t.notOk('tsx' in PKG.dependencies, 'tsx is a development tool only');
  t.same((PKG as unknown as { exports: Record<string, { default: string }> }).exports['.'].default, './dist/cli/index.js', 'the library entry is the bundle\'s');

  // The CLI bundle: everything is inside but Node's built-ins and the two externals.
  const cliDir = join(DIST, 'cli');
  const graph = await bundleGraph(cliDir);
  t.ok(graph.has('bin.js') && graph.has('index.js'), 'dist/cli/bin.js (the CLI) and index.js (the library)');
  t.same([...graph.keys()].sort(), readdirSync(cliDir).filter((f) => f.endsWith('.js')).sort(), 'the parser read every file of the bundle');
  const pactChunks: string[] = [];
  const bundleImports = new Set<string>();
  for (const [name, imports] of graph) {
    for (const i of imports.filter((i) => i.external && !isBuiltin(i.path))) {
      const pkg = packageOf(i.path);
      bundleImports.add(pkg);
      t.ok(pkg === '@pact-foundation/pact' || pkg === 'xmllint-wasm', `dist/cli/${name} imports ${i.path} (${i.kind}): only the externals are left outside the bundle`);
      if (pkg === '@pact-foundation/pact' && !pactChunks.includes(name)) pactChunks.push(name);
    }
    // CommonJS code inside the bundle calls esbuild's __require (Node's require) for what it did not bundle: built-ins only.
    for (const m of readFileSync(join(cliDir, name), 'utf8').matchAll(/\b__require\(\s*["']([^"']+)["']\s*\)/g)) {
      t.ok(isBuiltin(m[1]!), `dist/cli/${name} requires ${m[1]}: a Node built-in`);
    }
  }
  t.ok(bundleImports.has('xmllint-wasm'), 'the call-flow validator loads xmllint-wasm from node_modules');
  t.ok(pactChunks.length > 0, 'some chunk imports Pact (the verify command)');
  // Pact is optional: no chunk loaded before verify's own import() may import it statically.
  const reach = (from: string, followDynamic: boolean): Set<string> => {
    const seenChunks = new Set<string>();
    const queue = [from];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (seenChunks.has(name)) continue;
      seenChunks.add(name);
      for (const i of graph.get(name) ?? []) {
        if (i.external) continue;
        if (i.kind === 'import-statement' || (followDynamic && i.kind === 'dynamic-import')) queue.push(i.path);
      }
    }
    return seenChunks;
  };
  const everything = new Set([...reach('bin.js', true), ...reach('index.js', true)]);
  t.same([...graph.keys()].filter((f) => !everything.has(f)), [], 'every file of the bundle is loaded from bin.js or index.js');
  for (const from of ['bin.js', 'index.js']) {
    const entry = reach(from, false);
    for (const pact of pactChunks) t.notOk(entry.has(pact), `${pact} (Pact) is not loaded statically from ${from}`);
  }
  // main-*.js is what every command loads (bin.js imports it on demand): it must not pull Pact in either.
  const mains = [...graph.keys()].filter((n) => /^main-[A-Z0-9]+\.js$/.test(n));
  t.equal(mains.length, 1, 'one main chunk');
  const everyCommand = reach(mains[0]!, false);
  for (const pact of pactChunks) t.notOk(everyCommand.has(pact), `${pact} (Pact) is not loaded statically with the command line`);
  for (const pact of pactChunks) t.match(readFileSync(join(cliDir, pact), 'utf8'), /\bVerifier\b/, `${pact} is the contracts code (uses Pact's Verifier)`);

  // The worker the call-flow validator starts by path, and the precompiled validators.
  t.ok(existsSync(join(cliDir, 'xmllint-worker.cjs')), 'dist/cli/xmllint-worker.cjs beside the bundle');
  for (const pkg of importedPackages(readFileSync(join(cliDir, 'xmllint-worker.cjs'), 'utf8'))) t.equal(pkg, 'xmllint-wasm', `the worker requires ${pkg}`);
  for (const file of readdirSync(join(DIST, 'generated')).filter((f) => f.endsWith('.cjs'))) {
    const text = readFileSync(join(DIST, 'generated', file), 'utf8');
    const required = [...text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    t.ok(required.length > 0, `${file} requires ajv's runtime`);
    for (const spec of required) t.match(spec, /^(ajv|ajv-formats)\/dist\//, `${file} requires ${spec}: an ajv or ajv-formats runtime file`);
  }
});

t.test('npm pack ships what a user needs and nothing else', async (t) => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKGDIR, encoding: 'utf8' });
  t.equal(r.status, 0, r.stderr);
  const [pack] = JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }>; entryCount: number; size: number }>;
  const paths = pack!.files.map((f) => f.path);
  t.match(readFileSync(join(PKGDIR, 'bin', 'sipapp-conformance.js'), 'utf8'), /new URL\('\.\.\/dist\/cli\/bin\.js', import\.meta\.url\)/, 'the bin runs dist/cli/bin.js');
  const needed = [
    'bin/sipapp-conformance.js', 'dist/cli/bin.js', 'dist/cli/xmllint-worker.cjs',
    'dist/generated/openapi.json', 'dist/generated/validators-default.cjs', 'dist/generated/validators-strict.cjs', 'dist/generated/validators.json', 'dist/generated/help.json',
    'dist/cli/index.js', 'dist/src/index.d.ts',
    'spec/openapi.yaml', 'spec/examples/index.json', 'spec/callflow/callflow.xsd', 'contracts/pacts/sipapp-client-opentact-sip-control-app.json', 'package.json', 'README.md',
  ];
  for (const file of needed) t.ok(paths.includes(file), `ships ${file}`);
  // Every chunk of the bundle (they import each other by name).
  const chunks = readdirSync(join(DIST, 'cli')).filter((f) => f.endsWith('.js')).map((f) => `dist/cli/${f}`);
  t.same(chunks.filter((c) => !paths.includes(c)), [], `ships all ${chunks.length} files of the bundle`);
  const strays = paths.filter((p) => /^(test|bench|src|suites|reporters|docs|scripts|\.ci)\//.test(p) || /\.ts$/.test(p) && !p.endsWith('.d.ts'));
  t.same(strays, [], 'no tests, benches, sources, build or CI scripts');
  t.comment(`tarball: ${pack!.entryCount} files, ${(pack!.size / 1024).toFixed(0)} kB`);
});
