/**
 * Usage errors that say what to do: which option, the value given, what is
 * allowed, and the nearest command or option for a typo. yargs' own messages
 * are several lines ("Invalid values:\n  Argument: …"); the CLI's rule is one
 * line on stderr, so they are rewritten here.
 */

let rawArgv: readonly string[] = [];
/** The config file read (--config or the default one) and its keys, so a bad key names the file. */
let config: { path: string; keys: readonly string[] } | undefined;

/** Note the config file yargs read, for messages about its keys. */
export function rememberConfig(path: string, keys: readonly string[]): void {
  config = { path, keys };
}

/** The argv being parsed, so messages can quote what the user typed (yargs turns `--timeout abc` into NaN). */
export function rememberArgv(argv: readonly string[]): void {
  rawArgv = argv;
}

/** What the user gave for an option: `--name value`, `--name=value`, else the SIPAPP_* variable. */
export function givenValue(name: string): string | undefined {
  for (let i = 0; i < rawArgv.length; i++) {
    const arg = rawArgv[i];
    if (arg === `--${name}`) return rawArgv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return process.env[envName(name)];
}

/** True when the option was typed on the command line (not taken from SIPAPP_* or the config file). */
export function flagGiven(name: string): boolean {
  return rawArgv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
}

/** `base-url` → `SIPAPP_BASE_URL`. */
export const envName = (option: string) => `SIPAPP_${option.replace(/-/g, '_').toUpperCase()}`;

/** `SIPAPP_BASE_URL` → `base-url`. */
export const optionOfEnv = (variable: string) => variable.slice('SIPAPP_'.length).toLowerCase().replace(/_/g, '-');

/** Edit distance counting a swap of neighbours as one edit (`lsit` is one typo away from `list`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest candidate, when close enough to be a typo (about a third of the word). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

export interface Vocabulary {
  commands: readonly string[];
  options: readonly string[];
}

/** yargs' failure message as one line that names the option, the value and the choices, with a suggestion. */
export function explainFailure(message: string, words: Vocabulary): string {
  const invalid = [...message.matchAll(/Argument: ([^,]+), Given: (.+?), Choices: (.+)$/gm)];
  if (invalid.length) {
    return invalid.map(([, option, given, choices]) => {
      const allowed = choices.split(/,\s*/).map((c) => c.replace(/^"|"$/g, ''));
      const values = given.split(/,\s*/).map((v) => v.replace(/^"|"$/g, '')).filter((v) => !allowed.includes(v));
      const hint = values.map((v) => nearest(v, allowed)).find(Boolean);
      const source = process.env[envName(option)] !== undefined && !rawArgv.some((a) => a === `--${option}` || a.startsWith(`--${option}=`)) ? ` (from ${envName(option)})` : '';
      return `--${option}${source}: ${values.map((v) => JSON.stringify(v)).join(', ') || given} is not one of ${allowed.join(', ')}${hint ? `; did you mean ${hint}?` : ''}`;
    }).join('; ');
  }
  const unknown = /^Unknown arguments?: (.+)$/m.exec(message);
  if (unknown) {
    // yargs names each unknown option twice (`base-ur, baseUr`): keep the spelling that was typed.
    const listed = unknown[1].split(/,\s*/);
    const names = listed.filter((n) => !listed.some((other) => other !== n && camelCase(other) === n));
    const fromConfig = config && names.filter((n) => !typedAsFlag(n) && !rawArgv.includes(n) && config!.keys.some((k) => k === n || camelCase(k) === n));
    if (config && fromConfig?.length) {
      const hint = fromConfig.map((n) => nearest(n, words.options)).find(Boolean);
      return `config file ${config.path}: unknown key${fromConfig.length > 1 ? 's' : ''} ${fromConfig.join(', ')}${hint ? `; did you mean ${hint}?` : '; see --help for the option names'}`;
    }
    return `Unknown argument${names.length > 1 ? 's' : ''}: ${names.join(', ')}${names.map((n) => suggestion(n, words)).find(Boolean) ?? ''}`;
  }
  return message.split('\n').filter(Boolean).join(' ');
}

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Typed as `--name`, `--name=…` or `--no-name`. */
const typedAsFlag = (name: string) => rawArgv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `--no-${name}`);

function suggestion(name: string, words: Vocabulary): string | undefined {
  // Typed as a word (`rn`, `lsit`): a command; typed with dashes: an option.
  const asWord = rawArgv.includes(name);
  if (asWord) {
    const command = nearest(name, words.commands);
    return command ? `; did you mean the command ${command}?` : `; commands: ${words.commands.join(', ')}`;
  }
  const option = nearest(name, words.options);
  return option ? `; did you mean --${option}?` : '; see --help';
}

/** SIPAPP_* variables no command knows: a warning each (a typo must not silently do nothing, nor abort every command). */
export function unknownEnvVariables(env: NodeJS.ProcessEnv, options: readonly string[]): Array<{ variable: string; option: string; hint?: string }> {
  const known = new Set(options);
  return Object.keys(env)
    .filter((k) => k.startsWith('SIPAPP_') && !known.has(optionOfEnv(k)))
    .map((variable) => {
      const hint = nearest(optionOfEnv(variable), options);
      return { variable, option: optionOfEnv(variable), hint: hint ? envName(hint) : undefined };
    });
}
