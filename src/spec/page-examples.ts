/**
 * The API page's examples, extracted programmatically from its markdown, and the copies the project
 * keeps under spec/examples/ (so tests run without the page; a test checks the copies still equal
 * the page's blocks when the page is available).
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.ts';
import { documentPath, VENDORED } from './vendored.ts';
import { isOperationId, type OperationId } from './operations.ts';

/** Where the page is read from: $SIPAPP_API_PAGE, else the vendored copy (or $SIPAPP_SHARED_DIR's, src/spec/vendored.ts). */
export const PAGE_PATH: string = process.env.SIPAPP_API_PAGE ?? documentPath(VENDORED.apiPage);
export const EXAMPLES_DIR: string = packagePath('spec/examples/');

export interface ResponseExample {
  operationId: OperationId;
  status: number;
  /** The tab's title as the page writes it, e.g. "404 Not Found". */
  title: string;
  /** 1-based line of the opening fence in the page. */
  line: number;
  body: unknown;
}

export interface RequestExample {
  operationId: OperationId;
  /** Code-example tab: cURL, PHP, Python, Javascript, Go. */
  language: string;
  /** 1-based line of the line holding the body. */
  line: number;
  body: unknown;
}

export interface PageExamples {
  responses: ResponseExample[];
  requests: RequestExample[];
}

const BODY_PATTERNS: Record<string, RegExp> = {
  cURL: /-d "((?:[^"\\]|\\.)*)"/,
  PHP: /^\$data = '(.*)';\s*$/,
  Python: /^data = '(.*)'\s*$/,
  Javascript: /^\s*body: JSON\.stringify\((.*)\)\s*$/,
  Go: /strings\.NewReader\(`(.*)`\)/,
};

/** Extract every response example and every request body of the code examples from the page's markdown. */
export function extractPageExamples(markdown: string): PageExamples {
  const lines = markdown.split(/\r?\n/);
  const responses: ResponseExample[] = [];
  const requests: RequestExample[] = [];
  let operation: OperationId | undefined;
  let tab: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (\w+)\s*$/.exec(line);
    if (heading) {
      operation = isOperationId(heading[1]!) ? heading[1] : undefined;
      tab = undefined;
      continue;
    }
    const tabMatch = /^\{% tab title="([^"]*)" %\}/.exec(line);
    if (tabMatch) {
      tab = tabMatch[1]!;
      continue;
    }
    if (!operation || tab === undefined) continue;
    const status = /^(\d{3})\b/.exec(tab);
    if (status && /^```/.test(line)) {
      let j = i + 1;
      const block: string[] = [];
      while (j < lines.length && !/^```/.test(lines[j]!)) block.push(lines[j++]!);
      responses.push({
        operationId: operation,
        status: Number(status[1]),
        title: tab.trim(),
        line: i + 1,
        body: JSON.parse(block.join('\n')),
      });
      i = j;
      tab = undefined;
      continue;
    }
    const pattern = BODY_PATTERNS[tab];
    if (pattern) {
      const m = pattern.exec(line);
      if (m) {
        const text = tab === 'cURL' ? m[1]!.replace(/\\(.)/g, '$1') : m[1]!;
        requests.push({ operationId: operation, language: tab, line: i + 1, body: JSON.parse(text) });
      }
    }
  }
  return { responses, requests };
}

/** The page's examples (the page is vendored, so a missing file is a broken checkout or a wrong override). */
export function readPageExamples(path: string = PAGE_PATH): PageExamples {
  return extractPageExamples(readFileSync(path, 'utf8'));
}

/** File name (under spec/examples/) of a stored response example. */
export function responseExampleFile(operationId: OperationId, status: number): string {
  return `responses/${operationId}.${status}.json`;
}

/** File name (under spec/examples/) of a stored request example. */
export function requestExampleFile(operationId: OperationId): string {
  return `requests/${operationId}.json`;
}

export interface ExampleIndexEntry {
  kind: 'response' | 'request';
  operationId: OperationId;
  status?: number;
  title?: string;
  /** Code-example tabs holding this request body (all identical). */
  languages?: string[];
  /** Page lines where the example appears. */
  lines: number[];
  file: string;
}

/** spec/examples/index.json: what the stored examples are and where they come from. */
export function readExampleIndex(): ExampleIndexEntry[] {
  return JSON.parse(readFileSync(EXAMPLES_DIR + 'index.json', 'utf8')) as ExampleIndexEntry[];
}

/** Read a stored example (path relative to spec/examples/). */
export function readStoredExample(file: string): unknown {
  return JSON.parse(readFileSync(EXAMPLES_DIR + file, 'utf8'));
}

/** Keys whose placeholder "string" stands for an OpenTact uuid (ERRATA E14). */
export const UUID_KEYS: ReadonlySet<string> = new Set(['uuid', 'account_uuid', 'outbound_voice_profile']);

/** A deterministic, pattern-conforming uuid for placeholder n. */
export function placeholderUuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/**
 * Deep copy of an example with every placeholder uuid ("string" under a uuid key, and the "string"
 * items of add/remove arrays) replaced by distinct pattern-conforming uuids (ERRATA E14).
 */
export function fillPlaceholderUuids<T>(value: T): T {
  let n = 0;
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) {
      return v.map((item) =>
        (key === 'add' || key === 'remove') && item === 'string' ? placeholderUuid(++n) : walk(item),
      );
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        out[k] = UUID_KEYS.has(k) && item === 'string' ? placeholderUuid(++n) : walk(item, k);
      }
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
