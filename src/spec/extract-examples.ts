/**
 * Writes the page's examples to spec/examples/ (responses/<op>.<status>.json, requests/<op>.json,
 * index.json). Run: npx tsx src/spec/extract-examples.ts [path-to-page.md]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  EXAMPLES_DIR,
  PAGE_PATH,
  readPageExamples,
  requestExampleFile,
  responseExampleFile,
  type ExampleIndexEntry,
  type PageExamples,
} from './page-examples.ts';
import { isDeepStrictEqual } from 'node:util';

/** The index entries and files (name -> JSON value) that represent the page's examples. */
export function examplesToFiles(ex: PageExamples): { index: ExampleIndexEntry[]; files: Map<string, unknown> } {
  const index: ExampleIndexEntry[] = [];
  const files = new Map<string, unknown>();
  for (const r of ex.responses) {
    const file = responseExampleFile(r.operationId, r.status);
    if (files.has(file)) throw new Error(`two ${r.status} examples for ${r.operationId}`);
    files.set(file, r.body);
    index.push({ kind: 'response', operationId: r.operationId, status: r.status, title: r.title, lines: [r.line], file });
  }
  for (const r of ex.requests) {
    const file = requestExampleFile(r.operationId);
    const entry = index.find((e) => e.kind === 'request' && e.operationId === r.operationId);
    if (entry) {
      if (!isDeepStrictEqual(files.get(file), r.body)) {
        throw new Error(`${r.operationId}: the ${r.language} request body differs from the ${entry.languages![0]} one`);
      }
      entry.languages!.push(r.language);
      entry.lines.push(r.line);
    } else {
      files.set(file, r.body);
      index.push({ kind: 'request', operationId: r.operationId, languages: [r.language], lines: [r.line], file });
    }
  }
  return { index, files };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const ex = readPageExamples(process.argv[2] ?? PAGE_PATH);
  const { index, files } = examplesToFiles(ex);
  mkdirSync(EXAMPLES_DIR + 'responses', { recursive: true });
  mkdirSync(EXAMPLES_DIR + 'requests', { recursive: true });
  for (const [file, body] of files) writeFileSync(EXAMPLES_DIR + file, JSON.stringify(body, null, 2) + '\n');
  writeFileSync(EXAMPLES_DIR + 'index.json', JSON.stringify(index, null, 2) + '\n');
  console.log(`wrote ${files.size} examples to ${EXAMPLES_DIR}`);
}
