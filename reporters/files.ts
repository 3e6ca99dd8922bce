import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { scrubSecrets } from '../src/results/secrets.ts';

/**
 * Write a report file atomically (temp file + rename), creating the directory.
 * `jwtReplacement` is the already-escaped form of `<redacted-jwt>` for the file's format;
 * the scrub here is the last line of defence after `scrubDeep` on the input.
 */
export async function writeReportFile(outDir: string, fileName: string, text: string, jwtReplacement: string): Promise<string> {
  const path = join(outDir, fileName);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, scrubSecrets(text, jwtReplacement), 'utf8');
  await rename(tmp, path);
  return path;
}
