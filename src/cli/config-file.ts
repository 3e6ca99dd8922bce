import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsageError } from '../runner/options.ts';

/** Read a config file (YAML or JSON, keys as the long option names, e.g. base-url or baseUrl). */
export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    // Loaded only when a config file is read (yargs calls this synchronously, hence require): start-up pays nothing for it.
    const { parse: parseYaml } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    value = parseYaml(text); // JSON is YAML
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`config file ${path} must hold a mapping of option names to values`);
  return value as Record<string, unknown>;
}
