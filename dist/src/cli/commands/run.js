import { REPORTER_NAMES } from "../../../reporters/names.js";
import { SUITE_NAMES } from "../../../suites/names.js";
import { OPERATION_IDS, UUID_PATTERN } from "../../spec/operations.js";
import { CHECK_NAMES } from "../../checks/catalogue.js";
import { DEFAULT_RUN_OPTIONS, UsageError } from "../../runner/options.js";
import { installSignalHandlers } from "../signals.js";
const D = DEFAULT_RUN_OPTIONS;
/** Options shared by `run` and `list` (selection) and by `run` alone (target, fixtures, reports, limits). */
export function selectionOptions(y) {
    return y
        .option('grep', { type: 'string', array: true, group: 'Selection:', describe: 'Run cases whose id or title matches this regular expression (repeatable)' })
        .option('suite', { type: 'string', array: true, group: 'Selection:', describe: `Run these suites only (repeatable): ${SUITE_NAMES.join(', ')}` })
        .option('tag', { type: 'string', array: true, group: 'Selection:', describe: 'Run cases carrying one of these tags (repeatable), e.g. smoke, limits, auth, leases' })
        .option('check', { type: 'string', array: true, group: 'Selection:', choices: CHECK_NAMES, describe: 'Run cases that apply one of these named checks (repeatable; see `checks`)' })
        .option('operation', { type: 'string', array: true, group: 'Selection:', choices: [...OPERATION_IDS, 'workflow'], describe: 'Run cases of these operations only (repeatable)' })
        .option('shard', { type: 'string', group: 'Selection:', describe: 'Run a deterministic part i/n of the cases (CI matrices), e.g. 2/4' })
        .option('read-only', { type: 'boolean', default: D.readOnly, group: 'Selection:', describe: 'Send GET requests only: no case that could change state runs' });
}
export function runOptionsBuilder(y) {
    return selectionOptions(y)
        .option('base-url', { type: 'string', group: 'Target:', describe: 'API root (paths are <base-url>/rest/sip/app…), e.g. https://api.stage.opentact.org. Without it: the embedded reference server' })
        .option('token', { type: 'string', group: 'Target:', describe: 'JWT of the account under test (X-Auth-Token). Prefer SIPAPP_TOKEN over the flag: flags show up in process lists' })
        .option('token-b', { type: 'string', group: 'Target:', describe: 'JWT of a second account, for isolation checks (skipped without it)' })
        .option('tnlease', { type: 'string', array: true, group: 'Fixtures:', describe: 'TN lease uuid the run may assign and release (repeatable; lease cases skipped without it)' })
        .option('outbound-voice-profile', { type: 'string', group: 'Fixtures:', describe: 'Existing outbound voice profile uuid to create apps with' })
        .option('call-uuid', { type: 'string', group: 'Fixtures:', describe: 'A live call the run may post call-flow XML to (call-flow cases skipped without it)' })
        .option('expired-token', { type: 'string', group: 'Fixtures:', describe: 'An expired token of the account, to check it is refused' })
        .option('reporter', { type: 'string', array: true, choices: [...REPORTER_NAMES], default: D.reporter, group: 'Reports:', describe: 'Reports to write (repeatable)' })
        .option('out', { type: 'string', default: D.out, group: 'Reports:', describe: 'Directory for report files and the run ledger' })
        .option('quiet', { type: 'boolean', default: false, group: 'Reports:', describe: 'Console: print the summary only' })
        .option('color', { type: 'boolean', group: 'Reports:', describe: 'Console colours (default: when stdout is a terminal and NO_COLOR is unset)' })
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
/** Turn parsed arguments into RunOptions, refusing what cannot work with one clear line. */
export function toRunOptions(args) {
    const a = args;
    const uuidOption = (name, value) => {
        if (value !== undefined && (typeof value !== 'string' || !UUID_PATTERN.test(value)))
            throw new UsageError(`--${name} must be a lower-case uuid, got ${JSON.stringify(value)}`);
        return value;
    };
    const positive = (name, value, min) => {
        if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
            throw new UsageError(`--${name} must be a number ≥ ${min}, got ${JSON.stringify(value)}`);
        return value;
    };
    const tnlease = (a.tnlease ?? []).flatMap((v) => String(v).split(',')).filter(Boolean);
    tnlease.forEach((v) => uuidOption('tnlease', v));
    for (const g of a.grep ?? []) {
        try {
            new RegExp(g);
        }
        catch {
            throw new UsageError(`--grep is not a valid regular expression: ${g}`);
        }
    }
    for (const s of a.suite ?? []) {
        if (!SUITE_NAMES.includes(s))
            throw new UsageError(`unknown --suite ${s}; suites: ${SUITE_NAMES.join(', ')}`);
    }
    return {
        // An empty SIPAPP_TOKEN= is "unset", not a token to send.
        baseUrl: a['base-url'] || undefined,
        token: a.token || undefined,
        tokenB: a['token-b'] || undefined,
        tnlease,
        outboundVoiceProfile: uuidOption('outbound-voice-profile', a['outbound-voice-profile']),
        callUuid: uuidOption('call-uuid', a['call-uuid']),
        expiredToken: a['expired-token'],
        reporter: [...new Set(a.reporter ?? D.reporter)],
        out: a.out ?? D.out,
        strict: Boolean(a.strict),
        readOnly: Boolean(a['read-only']),
        timeout: positive('timeout', a.timeout ?? D.timeout, 1),
        deadline: positive('deadline', a.deadline ?? D.deadline, 0),
        maxBody: positive('max-body', a['max-body'] ?? D.maxBody, 1024),
        retries: positive('retries', a.retries ?? D.retries, 0),
        maxWait: positive('max-wait', a['max-wait'] ?? D.maxWait, 0),
        concurrency: Math.floor(positive('concurrency', a.concurrency ?? D.concurrency, 1)),
        rate: positive('rate', a.rate ?? D.rate, 0),
        fault: a.fault,
        latency: a.latency === undefined ? undefined : positive('latency', a.latency, 0),
        ...toSelection(a),
        color: a.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR),
        quiet: Boolean(a.quiet),
    };
}
/** The selection options `run` and `list` share. */
export function toSelection(args) {
    return {
        grep: args.grep,
        suite: args.suite,
        tag: args.tag,
        check: args.check,
        operation: args.operation,
        shard: parseShard(args.shard),
    };
}
export function parseShard(value) {
    if (value === undefined)
        return undefined;
    const match = /^(\d+)\/(\d+)$/.exec(value);
    const index = Number(match?.[1]);
    const total = Number(match?.[2]);
    if (!match || total < 1 || index < 1 || index > total)
        throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, got ${JSON.stringify(value)}`);
    return { index, total };
}
export function runCommand(setExitCode) {
    return {
        command: ['run', '$0'],
        describe: 'Run the conformance suite (default: against the embedded reference server)',
        builder: (y) => runOptionsBuilder(y),
        handler: async (args) => {
            const options = toRunOptions(args);
            // Loaded on demand: the runner pulls in the reporters and the reference server, which `list` or `--help` never need.
            const { executeRun } = await import("../../runner/run.js");
            const signals = installSignalHandlers();
            try {
                const { result } = await executeRun(options, { interrupted: signals.interrupted, stream: process.stdout });
                setExitCode(signals.interrupted() ? 130 : result.summary.exitCode);
            }
            finally {
                signals.dispose();
            }
        },
    };
}
//# sourceMappingURL=run.js.map