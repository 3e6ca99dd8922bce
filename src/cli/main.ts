import { existsSync } from 'node:fs';
import yargs, { type Argv, type CommandModule } from 'yargs';
import { REPORTER_NAMES } from '../../reporters/names.ts';
import { OPERATION_IDS } from '../spec/operations.ts';
import { UsageError } from '../runner/options.ts';
import { readConfigFile } from './config-file.ts';
import { explainFailure, rememberArgv, rememberConfig, unknownEnvVariables } from './usage.ts';
import { runCommand, runOptionsBuilder } from './commands/run.ts';
import { listCommand } from './commands/list.ts';
import { validateCommand } from './commands/validate.ts';
import { serveCommand } from './commands/serve.ts';
import { cleanupCommand } from './commands/cleanup.ts';
import { checksCommand } from './commands/checks.ts';
import { diffCommand, mergeCommand } from './commands/compare.ts';
import { compareOptionsBuilder, compareTargetsCommand } from './commands/compare-targets.ts';
import { verifyCommand } from './commands/verify.ts';
import { packageInfo } from '../package-root.ts';
import { replayCommand } from './commands/replay.ts';
import { asksForHelp, helpWidth } from './help-cache.ts';

const DEFAULT_CONFIG = 'sipapp-conformance.yaml';

const EPILOGUE = `Every option can also be set as an environment variable SIPAPP_<OPTION> (e.g. SIPAPP_BASE_URL,
SIPAPP_TOKEN) or in a YAML/JSON file given with --config (default: ./sipapp-conformance.yaml if present).
Exit codes: 0 every selected check passed, 1 a check failed or could not be evaluated, 2 usage or configuration error,
130 interrupted (Ctrl-C/SIGTERM, after the run cleaned up).`;

/** Entry point: parse, dispatch, map every outcome to an exit code. Never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const cli = buildCli(argv, (code) => { exitCode = code; });
  try {
    await cli.parseAsync();
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || (error as { name?: string })?.name === 'YError') {
    process.stderr.write(`sipapp-conformance: ${message.split('\n')[0]}\n`);
    return 2;
  }
  process.stderr.write(`sipapp-conformance: internal error: ${message.split('\n')[0]}\n(set SIPAPP_DEBUG=1 for details)\n`);
  if (process.env.SIPAPP_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return 2;
}

type OptionsOf = { getOptions(): { key: Record<string, unknown> } };
const optionKeys = (y: Argv) => Object.keys((y as unknown as OptionsOf).getOptions().key);

/** Every option any command takes (plus SIPAPP_DEBUG's `debug`). */
function sharedOptionKeys(): string[] {
  const y = compareOptionsBuilder(yargs([]))
    .option('pact-dir', {}).option('port', {}).option('host', {}).option('run', {}).option('all-runs', {})
    .option('list-faults', {}).option('json', {}).option('debug', {}).option('token-lifetime', {}).option('min-coverage', {}).option('allow-mixed', {});
  return optionKeys(y).filter((k) => k !== 'help' && k !== 'version');
}

/**
 * One SIPAPP_* environment (or config file) serves every command: `list` must
 * not refuse SIPAPP_TOKEN because it sends nothing. So each command also knows,
 * hidden, the options of the others; typos in flags are still refused.
 */
function acceptingSharedOptions(command: CommandModule, shared: string[]): CommandModule {
  const builder = command.builder;
  return {
    ...command,
    builder: (y: Argv) => {
      const built = (typeof builder === 'function' ? builder(y) : y.options(builder ?? {})) as Argv;
      const own = new Set(optionKeys(built));
      return built.options(Object.fromEntries(shared.filter((k) => !own.has(k)).map((k) => [k, { hidden: true }])));
    },
  };
}

export const COMMAND_NAMES = ['run', 'list', 'checks', 'validate', 'serve', 'cleanup', 'diff', 'merge', 'verify', 'replay', 'compare'];

export function buildCli(argv: string[], setExitCode: (code: number) => void): Argv {
  rememberArgv(argv);
  const shared = sharedOptionKeys();
  const vocabulary = { commands: COMMAND_NAMES, options: [...shared, 'config', 'help', 'version'] };
  // An unrelated SIPAPP_BOGUS must not abort every command: warn (with the nearest known name) and ignore it.
  const strays = unknownEnvVariables(process.env, vocabulary.options);
  for (const { variable, hint } of strays) {
    process.stderr.write(`sipapp-conformance: warning: ignoring unknown environment variable ${variable}${hint ? ` (did you mean ${hint}?)` : ''}\n`);
  }
  const commands = [runCommand, listCommand, checksCommand, validateCommand, serveCommand, cleanupCommand, diffCommand, mergeCommand, verifyCommand, replayCommand, compareTargetsCommand]
    .map((make) => acceptingSharedOptions(make(setExitCode), [...shared, ...strays.map((s) => s.option)]));
  return yargs(argv)
    .scriptName('sipapp-conformance')
    // Our texts are English: yargs' own headings follow them, whatever LANG the build or the user has (the help cache depends on it).
    .locale('en')
    .usage('$0 <command> [options]\n\nConformance and contract tests for the OpenTact SIP Control App API.')
    .env('SIPAPP')
    .config('config', 'YAML or JSON file of option values (default: ./sipapp-conformance.yaml when present)', (path: string) => {
      const values = readConfigFile(path);
      rememberConfig(path, Object.keys(values));
      return values;
    })
    .default('config', existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined, DEFAULT_CONFIG)
    .command(commands)
    .demandCommand(1, 'name a command: run, list, checks, validate, serve, cleanup, diff, merge, verify, replay or compare (see --help)')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(packageInfo().version)
    // Laid out only for a help screen: yargs otherwise lays out (and caches) the help of every command it runs.
    .wrap(asksForHelp(argv) ? helpWidth(process.stdout.columns) : null)
    .epilogue(EPILOGUE)
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(explainFailure(message ?? '', vocabulary));
    });
}

export { runOptionsBuilder, OPERATION_IDS, REPORTER_NAMES };
