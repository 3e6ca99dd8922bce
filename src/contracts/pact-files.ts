import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../runner/options.ts';
import { PACT_DIR } from './consumer.ts';

/** Usage problems of `verify` (no pacts …): a UsageError, so the CLI prints one line and exits 2. */
export class VerifyUsageError extends UsageError {}

/** The pact files to verify: a file, or every *.json of a directory. */
export function pactFiles(pactDir: string = PACT_DIR): string[] {
  const path = resolve(pactDir);
  if (!existsSync(path)) throw new VerifyUsageError(`no pact files: ${path} does not exist (run the consumer tests: npm test -- test/contracts)`);
  if (statSync(path).isFile()) return [path];
  const files = readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
  if (!files.length) throw new VerifyUsageError(`no pact files in ${path}`);
  return files;
}

export interface PactInteractionInfo {
  description: string;
  states: string[];
  method: string;
  path: string;
  status: number;
  pending: boolean;
}

/** What each interaction of the pact files asks: description, provider states, request line, status. */
export function readInteractions(files: string[]): PactInteractionInfo[] {
  const out: PactInteractionInfo[] = [];
  for (const file of files) {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions?: Array<Record<string, any>> };
    for (const i of pact.interactions ?? []) {
      out.push({
        description: String(i.description),
        states: (i.providerStates ?? []).map((s: { name: string }) => s.name),
        method: String(i.request?.method ?? ''),
        path: String(i.request?.path ?? ''),
        status: Number(i.response?.status),
        pending: i.pending === true,
      });
    }
  }
  return out;
}

