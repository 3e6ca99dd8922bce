#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader: no build step, so a fresh
// clone's `npm ci` is all it takes and the bin never drifts from the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
