#!/usr/bin/env node
// The installed CLI: the bundled JavaScript in dist/cli/ (`npm run build`, which
// `npm ci` runs through the prepare script). From a clone without a build, the
// sources run with `node --import tsx src/cli/bin.ts` (a development tool only).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/bin.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write('sipapp-conformance: not built: run `npm run build` (or `npm ci`, which builds)\n');
  process.exitCode = 2;
}
