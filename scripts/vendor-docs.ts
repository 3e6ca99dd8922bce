/**
 * Refreshes spec/vendor/ from a shared folder (docs/ and schemas/, as in the team's `../shared`) and
 * rewrites spec/vendor/PROVENANCE.md with each file's sha256 and the date copied.
 *   node --import tsx scripts/vendor-docs.ts [shared-folder]          copy and record
 *   node --import tsx scripts/vendor-docs.ts --check [shared-folder]  exit 1 when a copy differs
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../src/package-root.ts';
import { VENDOR_DIR, VENDORED } from '../src/spec/vendored.ts';
import { PROVENANCE_FILE, renderProvenance, type ProvenanceRow } from '../src/spec/provenance.ts';

const args = process.argv.slice(2);
const check = args.includes('--check');
const from = resolve(args.find((a) => a !== '--check') ?? process.env.SIPAPP_SHARED_DIR ?? join(PACKAGE_ROOT, '..', 'shared'));
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

const rows: ProvenanceRow[] = [];
let drift = 0;
for (const doc of Object.values(VENDORED)) {
  const source = join(from, doc.sharedPath);
  const vendored = join(VENDOR_DIR, doc.file);
  if (check) {
    const same = sha256(source) === sha256(vendored);
    if (!same) drift++;
    console.log(`${same ? 'same   ' : 'DIFFERS'} ${doc.file} (${source})`);
    continue;
  }
  copyFileSync(source, vendored);
  rows.push({ file: doc.file, source: `shared/${doc.sharedPath}`, sha256: sha256(vendored), copied: new Date().toISOString().slice(0, 10) });
}
if (check) process.exit(drift ? 1 : 0);
writeFileSync(PROVENANCE_FILE, renderProvenance(rows));
console.log(`copied ${rows.length} files from ${from} to spec/vendor/`);
