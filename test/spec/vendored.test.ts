import t from 'tap';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentPath, VENDOR_DIR, VENDORED } from '../../src/spec/vendored.ts';
import { readProvenance } from '../../src/spec/provenance.ts';
import { PAGE_PATH } from '../../src/spec/page-examples.ts';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

t.test('every vendored document is recorded with its provenance and unchanged since', async (t) => {
  const rows = readProvenance();
  const documents = Object.values(VENDORED).map((d) => d.file).sort();
  t.same(rows.map((r) => r.file).sort(), documents, 'one PROVENANCE.md row per vendored document');
  t.same(readdirSync(VENDOR_DIR).filter((f) => f !== 'PROVENANCE.md').sort(), documents, 'no unrecorded file in spec/vendor/');
  for (const row of rows) t.equal(sha256(join(VENDOR_DIR, row.file)), row.sha256, `${row.file}: sha256 as recorded (refresh with scripts/vendor-docs.ts)`);
});

t.test('the vendored copy is read unless a shared folder is named explicitly', async (t) => {
  t.equal(documentPath(VENDORED.junitXsd, {}), join(VENDOR_DIR, 'junit-10.xsd'));
  t.equal(documentPath(VENDORED.apiPage, { SIPAPP_SHARED_DIR: '/elsewhere' }), '/elsewhere/docs/sip-control-app-api.md');
  if (!process.env.SIPAPP_SHARED_DIR && !process.env.SIPAPP_API_PAGE) t.equal(PAGE_PATH, join(VENDOR_DIR, 'sip-control-app-api.md'), 'the page comes from spec/vendor/');
});
