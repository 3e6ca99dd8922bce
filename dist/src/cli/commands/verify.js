import { REPORTER_NAMES } from "../../../reporters/names.js";
import { UsageError } from "../../runner/options.js";
/** `verify`: Pact provider verification of contracts/pacts against a provider (default: the embedded server). */
export function verifyCommand(setExitCode) {
    return {
        command: 'verify',
        describe: 'Verify a provider against the Pact contracts in contracts/pacts (default: the embedded reference server)',
        builder: (y) => y
            .option('base-url', { type: 'string', group: 'Target:', describe: 'Provider API root; without it: the embedded reference server' })
            .option('token', { type: 'string', group: 'Target:', describe: 'JWT of the account (X-Auth-Token; or SIPAPP_TOKEN)' })
            .option('tnlease', { type: 'string', array: true, group: 'Fixtures:', describe: 'Lease uuid(s) provider states may assign (released afterwards)' })
            .option('call-uuid', { type: 'string', group: 'Fixtures:', describe: 'A live call for the "a live call exists" state' })
            .option('outbound-voice-profile', { type: 'string', group: 'Fixtures:', describe: 'An existing outbound voice profile uuid' })
            .option('pact-dir', { type: 'string', default: 'contracts/pacts', group: 'Contracts:', describe: 'A pact file or a directory of them' })
            .option('reporter', { type: 'string', array: true, choices: [...REPORTER_NAMES], default: ['console', 'junit'], group: 'Reports:', describe: 'Reports to write (repeatable)' })
            .option('out', { type: 'string', default: 'reports/pact', group: 'Reports:', describe: 'Directory for reports and the ledger' })
            .option('timeout', { type: 'number', default: 10_000, group: 'Limits:', describe: 'Per-request timeout, ms' })
            .option('max-wait', { type: 'number', default: 60, group: 'Limits:', describe: 'Longest wait for a throttled (429/503) state set-up or cleanup request, seconds' })
            .option('strict', { type: 'boolean', default: false, group: 'Verdict:', describe: 'Pending interactions (one of several accepted readings: Remove 409, raw call-flow XML) fail instead of warn' })
            .option('fault', { type: 'string', group: 'Embedded server:', describe: 'Verify the reference server with this named fault' }),
        handler: async (args) => {
            process.env.PACT_DO_NOT_TRACK ??= 'true';
            // Pact is an optional peer dependency (about 20 MB with its native core): only `verify` needs it.
            const { verifyProvider, VerifyUsageError } = await import("../../contracts/verify.js").catch((error) => {
                if (error?.code === 'ERR_MODULE_NOT_FOUND' && /@pact-foundation\/pact/.test(error.message)) {
                    throw new UsageError('verify needs Pact: npm install @pact-foundation/pact@^17 (an optional peer dependency)');
                }
                throw error;
            });
            try {
                const { exitCode } = await verifyProvider({
                    baseUrl: args['base-url'],
                    token: args.token,
                    tnlease: (args.tnlease ?? []).flatMap((v) => String(v).split(',')).filter(Boolean),
                    callUuid: args['call-uuid'],
                    outboundVoiceProfile: args['outbound-voice-profile'],
                    pactDir: String(args['pact-dir']),
                    reporters: args.reporter,
                    out: String(args.out),
                    timeoutMs: Number(args.timeout),
                    maxWaitMs: Number(args['max-wait']) * 1000,
                    fault: args.fault,
                    strict: Boolean(args.strict),
                    stream: process.stdout,
                });
                setExitCode(exitCode);
            }
            catch (error) {
                if (error instanceof VerifyUsageError)
                    throw new UsageError(error.message);
                throw error;
            }
        },
    };
}
//# sourceMappingURL=verify.js.map