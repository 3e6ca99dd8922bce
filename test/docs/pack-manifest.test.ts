import t from 'tap';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/pack-manifest.mjs', import.meta.url));
const ROOT_MANIFEST = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

t.test('the packed manifest has no prepare; the repository keeps it', async (t) => {
  t.equal(ROOT_MANIFEST.scripts.prepare, 'npm run build', 'npm ci in the repository builds dist/');
  t.equal(ROOT_MANIFEST.scripts.prepack, 'node scripts/pack-manifest.mjs strip');
  t.equal(ROOT_MANIFEST.scripts.postpack, 'node scripts/pack-manifest.mjs restore');
  const original = `${JSON.stringify({ name: 'x', scripts: { prepare: 'npm run build', start: 'node .' } }, null, 2)}\n`;
  const dir = t.testdir({ 'package.json': original });
  const run = (mode: string) => execFileSync(process.execPath, [SCRIPT, mode], { cwd: dir });
  run('strip');
  t.same(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts, { start: 'node .' }, 'what npm pack puts in the tarball');
  run('strip'); // a second strip (an interrupted pack) never loses the original
  run('restore');
  t.equal(readFileSync(join(dir, 'package.json'), 'utf8'), original, 'restored byte for byte');
  t.notOk(existsSync(join(dir, 'package.json.orig')));
});
