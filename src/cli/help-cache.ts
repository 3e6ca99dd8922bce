/**
 * `--help` without yargs: the build renders every help screen with the real CLI
 * (dist/generated/help.json) at the widths a terminal usually gives, and the
 * installed bin prints the one asked for. Rendering through yargs costs about
 * 0.3 s (its text layout measures every string with Unicode-aware widths), the
 * file a millisecond. Only the build that wrote the file uses it (the bundle
 * carries its build id), and only when nothing could change the text: no
 * SIPAPP_* variable and no default config file. Otherwise yargs renders it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BUILD_ID, packagePath } from '../package-root.ts';

/** The widths the build renders: no terminal (100), wide terminals (110), and the classic 80 columns. */
export const HELP_WIDTHS = [80, 100, 110] as const;

/** The same width main.ts gives yargs. */
export const helpWidth = (columns: number | undefined) => Math.min(110, columns || 100);

export interface HelpFile {
  buildId: string;
  /** width → command ('' for the top level) → the text yargs printed. */
  texts: Record<string, Record<string, string>>;
}

export const HELP_FILE = () => packagePath('dist/generated/help.json');

const isHelpFlag = (a: string | undefined) => a === '--help' || a === '-h';

/** Whether the command line asks for a help screen anywhere (yargs then prints one). */
export const asksForHelp = (argv: readonly string[]) => argv.some(isHelpFlag);

/** The command a help request the cache can answer names ('' for the top level), or undefined. */
export function helpRequest(argv: readonly string[]): string | undefined {
  if (argv.length === 1 && isHelpFlag(argv[0])) return '';
  if (argv.length === 2 && isHelpFlag(argv[1]) && /^[a-z]+$/.test(argv[0]!)) return argv[0];
  return undefined;
}

/** The prerendered text for this request, or undefined to let yargs render it. */
export function cachedHelp(argv: readonly string[], env: NodeJS.ProcessEnv, columns: number | undefined): string | undefined {
  const command = helpRequest(argv);
  if (command === undefined || BUILD_ID === undefined) return undefined;
  if (Object.keys(env).some((k) => k.startsWith('SIPAPP_')) || existsSync('sipapp-conformance.yaml')) return undefined;
  try {
    const file = JSON.parse(readFileSync(HELP_FILE(), 'utf8')) as HelpFile;
    if (file.buildId !== BUILD_ID) return undefined;
    return file.texts[String(helpWidth(columns))]?.[command];
  } catch {
    return undefined;
  }
}
