import t from 'tap';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_CASES } from '../../suites/index.ts';
import { readLedgers } from '../../src/runner/ledger.ts';

/**
 * Issue 11: the package users install. Builds dist/ (what `npm ci` and `npm pack`
 * do through the prepare script), then runs the compiled bin as a user would and
 * checks what `npm pack` would ship. The rest of the tests start the CLI from the
 * sources; `npm run test:compiled` runs all of them against this build.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sipapp-conformance.js');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string; files: string[]; dependencies: Record<string, string>; peerDependencies?: Record<string, string>;
};

// Under `npm run test:compiled` the script has just built dist/ and other test files are running it: do not rewrite it under them.
if (process.env.SIPAPP_TEST_BIN !== 'compiled') {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
}

const bin = (args: string[], timeout = 120_000) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

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
  const child = spawn(process.execPath, [BIN, 'run', '--reporter', 'json', '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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

t.test('the compiled code imports only runtime dependencies', async (t) => {
  const allowed = new Set([...Object.keys(PKG.dependencies), ...Object.keys(PKG.peerDependencies ?? {})]);
  const builtins = new Set(builtinModules);
  const seen = new Set<string>();
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of walk(join(ROOT, 'dist')).filter((f) => /\.(js|cjs)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('node:') || builtins.has(spec)) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      seen.add(name);
      t.ok(allowed.has(name), `${file.slice(ROOT.length)} imports ${name}, a runtime dependency`);
      if (name === '@pact-foundation/pact') t.match(file, /dist\/src\/contracts\//, 'only the contracts code (verify) loads Pact');
    }
  }
  t.ok(seen.has('yargs') && seen.has('undici'), 'the scan found the imports');
  t.notOk('tsx' in PKG.dependencies, 'tsx is a development tool only');
});

t.test('npm pack ships what a user needs and nothing else', async (t) => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  t.equal(r.status, 0, r.stderr);
  const [pack] = JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }>; entryCount: number; size: number }>;
  const paths = pack!.files.map((f) => f.path);
  for (const needed of ['bin/sipapp-conformance.js', 'dist/src/cli/bin.js', 'dist/src/cli/bin.d.ts', 'dist/src/callflow/xmllint-worker.cjs', 'spec/openapi.yaml', 'spec/examples/index.json', 'spec/callflow/callflow.xsd', 'contracts/pacts/sipapp-client-opentact-sip-control-app.json', 'package.json', 'README.md']) {
    t.ok(paths.includes(needed), `ships ${needed}`);
  }
  const strays = paths.filter((p) => /^(test|bench|src|suites|reporters|docs|\.ci)\//.test(p) || /\.ts$/.test(p) && !p.endsWith('.d.ts'));
  t.same(strays, [], 'no tests, benches, sources or CI scripts');
  t.comment(`tarball: ${pack!.entryCount} files, ${(pack!.size / 1024).toFixed(0)} kB`);
});
