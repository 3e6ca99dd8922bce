import type { Argv, CommandModule } from 'yargs';
import { SUITE_NAMES } from '../../../suites/names.ts';
import { OPERATION_IDS } from '../../spec/operations.ts';
import { CHECK_NAMES } from '../../checks/catalogue.ts';
import { DEFAULT_RUN_OPTIONS, UsageError, type RunOptions } from '../../runner/options.ts';
import type { Selection } from '../../runner/select.ts';
import { installSignalHandlers } from '../signals.ts';
import { DEFAULT_SEED, SEED_RANGE, describeBudget, parseBudget, parseSeed, type SeedChoice } from '../../runner/budget.ts';
import { parseHeaders } from '../../runner/dispatcher.ts';
import { envName, flagGiven, givenValue } from '../usage.ts';
import { join } from 'node:path';
import { SHARED_OPTIONS, faultOption, maxWaitOption, headersOption, integerAtLeast, numberAtLeast, outOption, stringOption, timeoutOption, tnleaseOption, uuidOption } from '../options.ts';

const D = DEFAULT_RUN_OPTIONS;

/** Options shared by `run` and `list` (selection) and by `run` alone (target, fixtures, reports, limits). */
export function selectionOptions<T>(y: Argv<T>) {
  return y
    .option('grep', { type: 'string', array: true, group: 'Selection:', describe: 'Run cases whose id or title matches this regular expression (repeatable)' })
    .option('suite', { type: 'string', array: true, group: 'Selection:', describe: `Run these suites only (repeatable): ${SUITE_NAMES.join(', ')}` })
    .option('tag', { type: 'string', array: true, group: 'Selection:', describe: 'Run cases carrying one of these tags (repeatable), e.g. smoke, limits, auth, leases' })
    .option('check', { type: 'string', array: true, group: 'Selection:', choices: CHECK_NAMES, describe: 'Run cases that apply one of these named checks (repeatable; see `checks`)' })
    .option('operation', { type: 'string', array: true, group: 'Selection:', choices: [...OPERATION_IDS, 'workflow'], describe: 'Run cases of these operations only (repeatable)' })
    .option('grep-invert', { type: 'string', array: true, group: 'Selection:', describe: 'Leave out cases whose id or title matches this regular expression (repeatable); reported as skipped, "excluded"' })
    .option('exclude-suite', { type: 'string', array: true, group: 'Selection:', describe: 'Leave out these suites (repeatable); reported as skipped, "excluded"' })
    .option('exclude-check', { type: 'string', array: true, group: 'Selection:', choices: CHECK_NAMES, describe: 'Leave out cases applying this check; a per-answer check is not applied at all (repeatable)' })
    .option('shard', { type: 'string', group: 'Selection:', describe: 'Run a deterministic part i/n of the cases (CI matrices), e.g. 2/4' })
    .option('read-only', { type: 'boolean', default: D.readOnly, group: 'Selection:', describe: 'Send GET requests only: no case that could change state runs' });
}

export function runOptionsBuilder<T>(y: Argv<T>) {
  return selectionOptions(y)
    .option('base-url', SHARED_OPTIONS['base-url'])
    .option('header', SHARED_OPTIONS.header)
    .option('token', SHARED_OPTIONS.token)
    .option('token-command', SHARED_OPTIONS['token-command'])
    .option('token-command-b', { type: 'string', group: 'Target:', describe: 'The same for the second account (--token-b)' })
    .option('token-refresh', { type: 'number', default: 0, group: 'Target:', describe: 'Seconds between scheduled runs of the token commands (0: only at start and after a 401)' })
    .option('token-b', { type: 'string', group: 'Target:', describe: 'JWT of a second account, for isolation checks (skipped without it)' })
    .option('tnlease', SHARED_OPTIONS.tnlease)
    .option('outbound-voice-profile', SHARED_OPTIONS['outbound-voice-profile'])
    .option('call-uuid', SHARED_OPTIONS['call-uuid'])
    .option('expired-token', { type: 'string', group: 'Fixtures:', describe: 'An expired token of the account, to check it is refused' })
    .option('reporter', SHARED_OPTIONS.reporter)
    .option('out', SHARED_OPTIONS.out)
    .option('quiet', { type: 'boolean', default: false, group: 'Reports:', describe: 'Console: print the summary only' })
    .option('color', { type: 'boolean', group: 'Reports:', describe: 'Console colours (default: when stdout is a terminal and NO_COLOR is unset)' })
    .option('min-coverage', { type: 'number', group: 'Verdict:', describe: 'Fail (exit 1) when API coverage (operation × documented status × content type exercised) is below this percentage; on a --shard, enforced by `merge`' })
    .option('strict', { type: 'boolean', default: D.strict, group: 'Verdict:', describe: "Pin the errata's single readings and make advisory findings failures" })
    .option('timeout', SHARED_OPTIONS.timeout)
    .option('deadline', { type: 'number', default: D.deadline, group: 'Limits:', describe: 'Whole-run deadline, seconds (0: none); cases not started by then are errors' })
    .option('max-body', { type: 'number', default: D.maxBody, group: 'Limits:', describe: 'Largest response body read, bytes' })
    .option('retries', { type: 'number', default: D.retries, group: 'Limits:', describe: 'Attempts more after a connection failure before any answer (reads; removes, modifies, lease changes, call flows knowing the first may have been applied; a create is looked up by its name instead)' })
    .option('max-wait', SHARED_OPTIONS['max-wait'])
    .option('concurrency', { type: 'number', default: D.concurrency, group: 'Limits:', describe: 'Cases in flight at once' })
    .option('rate', { type: 'number', default: D.rate, group: 'Limits:', describe: 'At most this many requests per second (0: no limit)' })
    .option('seed', { type: 'string', group: 'Generation:', describe: `Seed of the generated cases: an integer, or random to explore (default: ${DEFAULT_SEED}, fixed, so every run sends the same requests; printed in every report)` })
    .option('examples-file', { type: 'string', group: 'Generation:', describe: 'Failures of generated cases, replayed first by later runs against the same target until they pass (default: <out>/examples.json; none: off)' })
    .option('budget', { type: 'string', default: describeBudget(D.budget).replace(' requests', ''), group: 'Generation:', describe: 'What the generated cases may send: N requests, or Ns seconds (e.g. 2000, 60s)' })
    .option('fault', SHARED_OPTIONS.fault)
    .option('latency', SHARED_OPTIONS.latency);
}

type RunArgs = Awaited<ReturnType<ReturnType<typeof runOptionsBuilder>['parseAsync']>>;

/** Turn parsed arguments into RunOptions, refusing what cannot work with one clear line. */
export function toRunOptions(args: Record<string, unknown>): RunOptions {
  const a = args as Partial<RunArgs> & Record<string, unknown>;
  const positive = numberAtLeast;
  const tnlease = tnleaseOption(a.tnlease);
  return {
    headers: headersOption(a.header),
    // An empty SIPAPP_TOKEN= is "unset", not a token to send.
    baseUrl: stringOption(a['base-url']),
    token: stringOption(a.token),
    tokenB: stringOption(a['token-b']),
    tokenCommand: stringOption(a['token-command']),
    tokenCommandB: stringOption(a['token-command-b']),
    tokenRefresh: positive('token-refresh', a['token-refresh'] ?? 0, 0),
    tnlease,
    outboundVoiceProfile: uuidOption('outbound-voice-profile', a['outbound-voice-profile']),
    callUuid: uuidOption('call-uuid', a['call-uuid']),
    expiredToken: a['expired-token'] as string | undefined,
    reporter: withGitHub([...new Set((a.reporter as string[] | undefined) ?? D.reporter)]),
    out: outOption(a.out),
    strict: Boolean(a.strict),
    readOnly: Boolean(a['read-only']),
    timeout: timeoutOption(a.timeout),
    deadline: positive('deadline', a.deadline ?? D.deadline, 0),
    maxBody: positive('max-body', a['max-body'] ?? D.maxBody, 1024),
    retries: integerAtLeast('retries', a.retries ?? D.retries, 0),
    maxWait: maxWaitOption(a['max-wait']),
    concurrency: integerAtLeast('concurrency', a.concurrency ?? D.concurrency, 1),
    rate: positive('rate', a.rate ?? D.rate, 0),
    minCoverage: a['min-coverage'] === undefined ? undefined : percentage(a['min-coverage']),
    fault: faultOption(a.fault),
    seed: a.seed === undefined ? undefined : seedOption(a.seed),
    examplesFile: examplesFileOption(a['examples-file']),
    budget: budgetOption(a.budget ?? D.budget.requests),
    latency: a.latency === undefined ? undefined : positive('latency', a.latency, 0),
    ...toSelection(a),
    color: (a.color as boolean | undefined) ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR),
    quiet: Boolean(a.quiet),
  };
}

function seedOption(value: unknown): SeedChoice {
  const seed = parseSeed(value);
  if (seed === undefined) throw new UsageError(`--seed must be an integer from ${SEED_RANGE.min} to ${SEED_RANGE.max}, or random, got ${JSON.stringify(givenValue('seed') ?? value)}`);
  return seed;
}

/** `--examples-file`: a path, `none` (or an empty value) for no file, absent for `<out>/examples.json`. */
function examplesFileOption(value: unknown): string | false | undefined {
  if (value === undefined) return undefined;
  const path = String(value).trim();
  return path === '' || /^(none|off|false)$/i.test(path) ? false : path;
}

function budgetOption(value: unknown) {
  const budget = parseBudget(value as string);
  if (!budget) throw new UsageError(`--budget must be a positive number of requests (e.g. 500) or of seconds (e.g. 60s), got ${JSON.stringify(String(value))}`);
  return budget;
}

/**
 * The embedded server has its own accounts: a SIPAPP_TOKEN exported for a real
 * target (as the README suggests) must not be sent to it. From the environment
 * or a config file: ignored with one notice. Typed as a flag: a usage error.
 */
export function embeddedTokens(options: RunOptions): RunOptions {
  if (options.baseUrl) return options;
  const out = { ...options };
  for (const [name, key] of [['token', 'token'], ['token-b', 'tokenB']] as const) {
    if (out[key] === undefined) continue;
    if (flagGiven(name)) throw new UsageError(`--${name} applies to --base-url targets; the embedded reference server uses its own accounts (drop --${name}, or add --base-url)`);
    const source = process.env[envName(name)] ? envName(name) : `${name} from the config file`;
    process.stderr.write(`sipapp-conformance: notice: ${source} is ignored: no --base-url, so the run uses the embedded reference server and its own accounts\n`);
    out[key] = undefined;
  }
  return out;
}

/**
 * On GitHub Actions (GITHUB_ACTIONS=true) the default reporters gain `github`
 * (annotations and the job summary); an explicit --reporter list is kept as given.
 */
function withGitHub(reporters: string[]): string[] {
  const isDefault = reporters.length === D.reporter.length && D.reporter.every((r) => reporters.includes(r));
  return process.env.GITHUB_ACTIONS === 'true' && isDefault ? [...reporters, 'github'] : reporters;
}

/** A --min-coverage value: 0..100. */
export function percentage(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(`--min-coverage must be a percentage 0..100, got ${JSON.stringify(value)}`);
  return value;
}

/** The selection options `run` and `list` share. */
/** The selection `run` and `list` share, each value checked the same way for both. */
export function toSelection(args: Record<string, unknown>): Selection {
  for (const option of ['grep', 'grep-invert']) {
    for (const g of (args[option] as string[] | undefined) ?? []) {
      try { new RegExp(g); } catch { throw new UsageError(`--${option} is not a valid regular expression: ${g}`); }
    }
  }
  for (const option of ['suite', 'exclude-suite']) {
    for (const s of (args[option] as string[] | undefined) ?? []) {
      if (!SUITE_NAMES.includes(s)) throw new UsageError(`unknown --${option} ${s}; suites: ${SUITE_NAMES.join(', ')}`);
    }
  }
  return {
    grep: args.grep as string[] | undefined,
    suite: args.suite as string[] | undefined,
    tag: args.tag as string[] | undefined,
    check: args.check as string[] | undefined,
    operation: args.operation as string[] | undefined,
    shard: parseShard(args.shard as string | undefined),
    grepInvert: args['grep-invert'] as string[] | undefined,
    excludeSuite: args['exclude-suite'] as string[] | undefined,
    excludeCheck: args['exclude-check'] as string[] | undefined,
  };
}

export function parseShard(value: string | undefined): { index: number; total: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, got ${JSON.stringify(value)}`);
  return { index, total };
}

export function runCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: ['run', '$0'],
    describe: 'Run the conformance suite (default: against the embedded reference server)',
    builder: (y) => runOptionsBuilder(y),
    handler: async (args) => {
      const options = embeddedTokens(toRunOptions(args));
      // Loaded on demand: a run pulls in the reporters and the reference server, which `list` or `--help` never need.
      const { runConformance } = await import('../../index.ts');
      const { newRunId } = await import('../../runner/names.ts');
      const { cleanupCommandLine } = await import('../../runner/cleanup.ts');
      const runId = newRunId();
      const signals = installSignalHandlers(options.baseUrl
        ? `finish the cleanup later with: ${cleanupCommandLine(options.baseUrl.replace(/\/+$/, ''), join(options.out, 'ledger', `${runId}.jsonl`), runId)}`
        : 'nothing is left behind: the embedded server goes with the process');
      try {
        const result = await runConformance(options, { interrupted: signals.interrupted, stream: process.stdout, runId });
        // The summary asked about the signal before the reports were written: exit with what they say.
        setExitCode(result.summary.exitCode);
      } finally {
        signals.dispose();
      }
    },
  };
}
