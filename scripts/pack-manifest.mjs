// The published package.json has no `prepare`: in the repository it builds dist/ on `npm ci` (so
// `npm start` and the tests find it), but a package installed from the registry or a tarball is
// built already, and install-time scripts in a manifest are what installers flag.
//   prepack:  node scripts/pack-manifest.mjs strip    (keeps the original as package.json.orig)
//   postpack: node scripts/pack-manifest.mjs restore
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const [mode] = process.argv.slice(2);
const ORIGINAL = 'package.json.orig';
if (mode === 'strip') {
  // A pack interrupted before its postpack left the original aside: restore it first, never lose it.
  if (existsSync(ORIGINAL)) renameSync(ORIGINAL, 'package.json');
  const text = readFileSync('package.json', 'utf8');
  const manifest = JSON.parse(text);
  writeFileSync(ORIGINAL, text);
  delete manifest.scripts.prepare;
  writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(ORIGINAL)) renameSync(ORIGINAL, 'package.json');
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
