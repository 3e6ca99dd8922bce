/**
 * The documents the project verifies against, vendored under spec/vendor/ so a clone anywhere runs
 * every test: the API page, the OpenTact notes and Jenkins' JUnit XSD (provenance and sha256 in
 * spec/vendor/PROVENANCE.md). The folder they were copied from (`../shared` in the team's checkout)
 * is an optional override, never a requirement: $SIPAPP_SHARED_DIR points at such a folder (laid out
 * as docs/ and schemas/), $SIPAPP_API_PAGE at one page. Only an explicit variable overrides, so the
 * same checkout gives the same verdict wherever it is cloned.
 */
import { join } from 'node:path';
import { packagePath } from '../package-root.ts';

export const VENDOR_DIR: string = packagePath('spec/vendor/');

/** A vendored document: its file under spec/vendor/ and where it lives in the shared folder. */
export interface VendoredDocument {
  file: string;
  sharedPath: string;
}

export const VENDORED = {
  apiPage: { file: 'sip-control-app-api.md', sharedPath: 'docs/sip-control-app-api.md' },
  notes: { file: 'opentact-notes.md', sharedPath: 'docs/opentact-notes.md' },
  junitXsd: { file: 'junit-10.xsd', sharedPath: 'schemas/junit-10.xsd' },
} as const satisfies Record<string, VendoredDocument>;

/** Where a document is read from: under $SIPAPP_SHARED_DIR when set, else the vendored copy. */
export function documentPath(doc: VendoredDocument, env: NodeJS.ProcessEnv = process.env): string {
  const shared = env.SIPAPP_SHARED_DIR;
  return shared ? join(shared, doc.sharedPath) : join(VENDOR_DIR, doc.file);
}
