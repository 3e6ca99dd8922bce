/**
 * The build (`npm run build`, which `npm ci` runs through `prepare`):
 *
 * 1. tsc writes the library's types: .d.ts files in dist/src, dist/suites,
 *    dist/reporters (package.json `exports` types: dist/src/index.d.ts).
 * 2. dist/generated/: what a run would otherwise work out at start-up, done
 *    once here: the spec as JSON (parsing the YAML costs 0.1 s), the ajv
 *    validators as standalone code (compiling them costs 0.2 s), both stamped
 *    with the spec's sha256 so an edited spec is compiled instead.
 * 3. esbuild bundles the CLI (src/cli/bin.ts) and the library entry
 *    (src/index.ts, package.json `exports`) into dist/cli/: a few files instead
 *    of hundreds of modules for Node to resolve and link, split so each command
 *    loads only its own code (Pact only for verify, the reference server only
 *    without --base-url, xmlbuilder2 only when junit.xml is written).
 * 4. dist/generated/help.json: every help screen, rendered by the real CLI.
 *
 * Run: node --import tsx scripts/build.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parseSpecYaml, specSha256 } from '../src/spec/load.ts';
import { writePrecompiledValidators } from '../src/spec/validators.ts';
import { HELP_FILE, HELP_WIDTHS, type HelpFile } from '../src/cli/help-cache.ts';
import { COMMAND_NAMES } from '../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const started = performance.now();
// Progress on stderr: `npm pack --json` runs this through prepare and its stdout must stay JSON.
const step = (what: string) => process.stderr.write(`build: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);

// 1. The library and its types.
rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
step('tsc: the library\'s .d.ts files');

// The build's id: the bundle carries it (esbuild define), and so do the files made for that bundle.
const buildId = createHash('sha256').update(`${Date.now()} ${process.pid} ${specSha256()}`).digest('hex').slice(0, 16);

// 2. Spec and validators, compiled once.
const generated = join(ROOT, 'dist', 'generated');
mkdirSync(generated, { recursive: true });
writeFileSync(join(generated, 'openapi.json'), JSON.stringify({ specSha256: specSha256(), document: parseSpecYaml() }));
writePrecompiledValidators(buildId);
step('dist/generated: spec as JSON, validators as standalone code');

// 3. The CLI bundle.
await esbuild.build({
  entryPoints: { bin: join(ROOT, 'src/cli/bin.ts'), index: join(ROOT, 'src/index.ts') },
  outdir: join(ROOT, 'dist', 'cli'),
  bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
  // Source maps name the original files and lines (stack traces under --enable-source-maps); sources are not shipped.
  sourcemap: true, sourcesContent: false, minifyWhitespace: true, minifySyntax: true, legalComments: 'linked',
  define: { SIPAPP_BUILD_ID: JSON.stringify(buildId) },
  // Loaded by path or on demand, from node_modules: the optional peer Pact (verify only) and xmllint's wasm.
  external: ['@pact-foundation/pact', 'xmllint-wasm'],
  // The CommonJS modules inside an ESM bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __sipappRequire } from 'node:module'; const require = __sipappRequire(import.meta.url);" },
  plugins: [asciiStringWidth()],
  logLevel: 'warning',
});
// The call-flow worker is started by path, next to the code that starts it.
copyFileSync(join(ROOT, 'src/callflow/xmllint-worker.cjs'), join(ROOT, 'dist/cli/xmllint-worker.cjs'));
step('esbuild: dist/cli');

// 4. Help screens, rendered by the CLI itself (from the sources, identical to the bundle's).
const { main } = await import('../src/cli/main.ts');
const texts: HelpFile['texts'] = {};
const write = process.stdout.write.bind(process.stdout);
const columns = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
const sipappEnv = Object.keys(process.env).filter((k) => k.startsWith('SIPAPP_'));
for (const k of sipappEnv) delete process.env[k];
try {
  for (const width of HELP_WIDTHS) {
    Object.defineProperty(process.stdout, 'columns', { value: width, configurable: true });
    texts[width] = {};
    for (const command of ['', ...COMMAND_NAMES]) {
      let text = '';
      process.stdout.write = ((chunk: string | Uint8Array) => { text += String(chunk); return true; }) as typeof process.stdout.write;
      const code = await main(command ? [command, '--help'] : ['--help']);
      process.stdout.write = write;
      if (code !== 0) throw new Error(`build: ${command || '(top level)'} --help exited ${code}`);
      texts[width]![command] = text;
    }
  }
} finally {
  process.stdout.write = write;
  if (columns) Object.defineProperty(process.stdout, 'columns', columns);
  else delete (process.stdout as { columns?: number }).columns;
}
writeFileSync(HELP_FILE(), JSON.stringify({ buildId, texts } satisfies HelpFile));
step('dist/generated/help.json');

/**
 * yargs lays out its help with string-width, whose Unicode-aware measure costs
 * ~50 ms on first use (its regexes and Intl.Segmenter), also during every run
 * (yargs caches the help message of the command it runs). For printable ASCII
 * the width is the length; anything else goes to string-width itself.
 */
function asciiStringWidth(): esbuild.Plugin {
  const shim = join(ROOT, 'scripts/string-width-ascii.ts');
  return {
    name: 'ascii-string-width',
    setup(build) {
      build.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
    },
  };
}
