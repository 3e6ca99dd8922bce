/**
 * spec/vendor/PROVENANCE.md: one table row per vendored document (file, where it came from, sha256,
 * date copied), written by scripts/vendor-docs.ts and read back by the test that guards the copies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VENDOR_DIR } from './vendored.ts';

export const PROVENANCE_FILE: string = join(VENDOR_DIR, 'PROVENANCE.md');

export interface ProvenanceRow {
  file: string;
  source: string;
  sha256: string;
  copied: string;
}

const HEADER = `# Vendored documents

Copies of what the project verifies against, so a clone anywhere runs every test. The API page is
the authority (suites, checks and ERRATA cite its lines); the notes gather OpenTact facts beyond it;
the XSD is the JUnit schema of Jenkins' xunit plugin (jenkinsci/xunit-plugin,
src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd, MIT, licence in the file).
\`shared/\` is the team's shared folder beside the checkout (\`../shared\`). Do not edit the copies:
refresh them with \`node --import tsx scripts/vendor-docs.ts [shared-folder]\`, which rewrites this
table (\`--check\` reports drift). To read another folder instead, set \`SIPAPP_SHARED_DIR\` (laid out
as docs/ and schemas/) or \`SIPAPP_API_PAGE\` (the page alone).

| file | source | sha256 | copied |
|---|---|---|---|
`;

export function renderProvenance(rows: ProvenanceRow[]): string {
  return HEADER + rows.map((r) => `| ${r.file} | ${r.source} | ${r.sha256} | ${r.copied} |\n`).join('');
}

export function readProvenance(file: string = PROVENANCE_FILE): ProvenanceRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^\| (\S+) \| (\S+) \| ([0-9a-f]{64}) \| (\S+) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, file, source, sha256, copied]) => ({ file: file!, source: source!, sha256: sha256!, copied: copied! }));
}
