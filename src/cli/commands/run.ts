import type { Argv, CommandModule } from 'yargs';
import { REPORTER_NAMES } from '../../../reporters/names.ts';
import { SUITE_NAMES } from '../../../suites/names.ts';
import { OPERATION_IDS, UUID_PATTERN } from '../../spec/operations.ts';
import { CHECK_NAMES } from '../../checks/catalogue.ts';
import { DEFAULT_RUN_OPTIONS, UsageError, type RunOptions } from '../../runner/options.ts';
import type { Selection } from '../../runner/select.ts';
import { installSignalHandlers } from '../signals.ts';

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
    .option('base-url', { type: 'string', group: 'Target:', describe: 'API root (paths are <base-url>/rest/sip/app…), e.g. https://api.stage.opentact.org. Without it: the embedded reference server' })
    .option('token', { type: 'string', group: 'Target:', describe: 'JWT of the account under test (X-Auth-Token). Prefer SIPAPP_TOKEN over the flag: flags show up in process lists' })
    .option('token-command', { type: 'string', group: 'Target:', describe: 'Shell command printing the token on stdout: run at start, every --token-refresh seconds, and after a 401 to a token accepted before (the request is resent once)' })
    .option('token-command-b', { type: 'string', group: 'Target:', describe: 'The same for the second account (--token-b)' })
    .option('token-refresh', { type: 'number', default: 0, group: 'Target:', describe: 'Seconds between scheduled runs of the token commands (0: only at start and after a 401)' })
    .option('token-b', { type: 'string', group: 'Target:', describe: 'JWT of a second account, for isolation checks (skipped without it)' })
    .option('tnlease', { type: 'string', array: true, group: 'Fixtures:', describe: 'TN lease uuid the run may assign and release (repeatable; lease cases skipped without it)' })
    .option('outbound-voice-profile', { type: 'string', group: 'Fixtures:', describe: 'Existing outbound voice profile uuid to create apps with' })
    .option('call-uuid', { type: 'string', group: 'Fixtures:', describe: 'A live call the run may post call-flow XML to (call-flow cases skipped without it)' })
    .option('expired-token', { type: 'string', group: 'Fixtures:', describe: 'An expired token of the account, to check it is refused' })
    .option('reporter', { type: 'string', array: true, choices: [...REPORTER_NAMES], default: D.reporter, group: 'Reports:', describe: 'Reports to write (repeatable)' })
    .option('out', { type: 'string', default: D.out, group: 'Reports:', describe: 'Directory for report files and the run ledger' })
    .option('quiet', { type: 'boolean', default: false, group: 'Reports:', describe: 'Console: print the summary only' })
    .option('color', { type: 'boolean', group: 'Reports:', describe: 'Console colours (default: when stdout is a terminal and NO_COLOR is unset)' })
    .option('min-coverage', { type: 'number', group: 'Verdict:', describe: 'Fail (exit 1) when API coverage (operation × documented status × content type exercised) is below this percentage; on a --shard, enforced by `merge`' })
    .option('strict', { type: 'boolean', default: D.strict, group: 'Verdict:', describe: "Pin the errata's single readings and make advisory findings failures" })
    .option('timeout', { type: 'number', default: D.timeout, group: 'Limits:', describe: 'Per-request timeout, ms' })
    .option('deadline', { type: 'number', default: D.deadline, group: 'Limits:', describe: 'Whole-run deadline, seconds (0: none); cases not started by then are errors' })
    .option('max-body', { type: 'number', default: D.maxBody, group: 'Limits:', describe: 'Largest response body read, bytes' })
    .option('retries', { type: 'number', default: D.retries, group: 'Limits:', describe: 'Retries of idempotent requests after a connection failure' })
    .option('max-wait', { type: 'number', default: D.maxWait, group: 'Limits:', describe: 'Longest wait for a throttled (429/503) request before it is an error, seconds (0: judge such answers as they are)' })
    .option('concurrency', { type: 'number', default: D.concurrency, group: 'Limits:', describe: 'Cases in flight at once' })
    .option('rate', { type: 'number', default: D.rate, group: 'Limits:', describe: 'At most this many requests per second (0: no limit)' })
    .option('fault', { type: 'string', group: 'Embedded server:', describe: 'Run against the reference server with this named fault (see `serve --list-faults`)' })
    .option('latency', { type: 'number', group: 'Embedded server:', describe: 'Milliseconds the reference server adds to every answer' });
}

type RunArgs = Awaited<ReturnType<ReturnType<typeof runOptionsBuilder>['parseAsync']>>;

/** Turn parsed arguments into RunOptions, refusing what cannot work with one clear line. */
export function toRunOptions(args: Record<string, unknown>): RunOptions {
  const a = args as Partial<RunArgs> & Record<string, unknown>;
  const uuidOption = (name: string, value: unknown) => {
    if (value !== undefined && (typeof value !== 'string' || !UUID_PATTERN.test(value))) throw new UsageError(`--${name} must be a lower-case uuid, got ${JSON.stringify(value)}`);
    return value as string | undefined;
  };
  const positive = (name: string, value: unknown, min: number) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw new UsageError(`--${name} must be a number ≥ ${min}, got ${JSON.stringify(value)}`);
    return value;
  };
  const tnlease = ((a.tnlease as string[] | undefined) ?? []).flatMap((v) => String(v).split(',')).filter(Boolean);
  tnlease.forEach((v) => uuidOption('tnlease', v));
  for (const option of ['grep', 'grep-invert']) {
    for (const g of (a[option] as string[] | undefined) ?? []) {
      try { new RegExp(g); } catch { throw new UsageError(`--${option} is not a valid regular expression: ${g}`); }
    }
  }
  for (const option of ['suite', 'exclude-suite']) {
    for (const s of (a[option] as string[] | undefined) ?? []) {
      if (!SUITE_NAMES.includes(s)) throw new UsageError(`unknown --${option} ${s}; suites: ${SUITE_NAMES.join(', ')}`);
    }
  }
  return {
    // An empty SIPAPP_TOKEN= is "unset", not a token to send.
    baseUrl: (a['base-url'] as string | undefined) || undefined,
    token: (a.token as string | undefined) || undefined,
    tokenB: (a['token-b'] as string | undefined) || undefined,
    tokenCommand: (a['token-command'] as string | undefined) || undefined,
    tokenCommandB: (a['token-command-b'] as string | undefined) || undefined,
    tokenRefresh: positive('token-refresh', a['token-refresh'] ?? 0, 0),
    tnlease,
    outboundVoiceProfile: uuidOption('outbound-voice-profile', a['outbound-voice-profile']),
    callUuid: uuidOption('call-uuid', a['call-uuid']),
    expiredToken: a['expired-token'] as string | undefined,
    reporter: withGitHub([...new Set((a.reporter as string[] | undefined) ?? D.reporter)]),
    out: (a.out as string | undefined) ?? D.out,
    strict: Boolean(a.strict),
    readOnly: Boolean(a['read-only']),
    timeout: positive('timeout', a.timeout ?? D.timeout, 1),
    deadline: positive('deadline', a.deadline ?? D.deadline, 0),
    maxBody: positive('max-body', a['max-body'] ?? D.maxBody, 1024),
    retries: positive('retries', a.retries ?? D.retries, 0),
    maxWait: positive('max-wait', a['max-wait'] ?? D.maxWait, 0),
    concurrency: Math.floor(positive('concurrency', a.concurrency ?? D.concurrency, 1)),
    rate: positive('rate', a.rate ?? D.rate, 0),
    minCoverage: a['min-coverage'] === undefined ? undefined : percentage(a['min-coverage']),
    fault: a.fault as string | undefined,
    latency: a.latency === undefined ? undefined : positive('latency', a.latency, 0),
    ...toSelection(a),
    color: (a.color as boolean | undefined) ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR),
    quiet: Boolean(a.quiet),
  };
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
export function toSelection(args: Record<string, unknown>): Selection {
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
      const options = toRunOptions(args);
      // Loaded on demand: the runner pulls in the reporters and the reference server, which `list` or `--help` never need.
      const { executeRun } = await import('../../runner/run.ts');
      const signals = installSignalHandlers();
      try {
        const { result } = await executeRun(options, { interrupted: signals.interrupted, stream: process.stdout });
        setExitCode(signals.interrupted() ? 130 : result.summary.exitCode);
      } finally {
        signals.dispose();
      }
    },
  };
}
