import type { CommandModule } from 'yargs';
import { faultOption, maxWaitOption, sharedOption, stringOption, timeoutOption, tnleaseOption, uuidOption } from '../options.ts';

/** `verify`: Pact provider verification of contracts/pacts against a provider (default: the embedded server). */
export function verifyCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'verify',
    describe: 'Verify a provider against the Pact contracts in contracts/pacts (default: the embedded reference server)',
    builder: (y) => y
      .option('base-url', sharedOption('base-url', { describe: 'Provider API root; without it: the embedded reference server' }))
      .option('token', sharedOption('token'))
      .option('tnlease', sharedOption('tnlease', { describe: 'Lease uuid(s) provider states may assign (released afterwards)' }))
      .option('call-uuid', sharedOption('call-uuid', { describe: 'A live call for the "a live call exists" state' }))
      .option('outbound-voice-profile', sharedOption('outbound-voice-profile'))
      .option('pact-dir', { type: 'string', default: 'contracts/pacts', group: 'Contracts:', describe: 'A pact file or a directory of them' })
      .option('reporter', sharedOption('reporter', { default: ['console', 'junit'] }))
      .option('out', sharedOption('out', { default: 'reports/pact', describe: 'Directory for reports and the ledger' }))
      .option('timeout', sharedOption('timeout'))
      .option('max-wait', sharedOption('max-wait', { describe: 'Longest wait for a throttled (429/503) state set-up or cleanup request, seconds' }))
      .option('strict', { type: 'boolean', default: false, group: 'Verdict:', describe: 'Pending interactions (one of several accepted readings: Remove 409, raw call-flow XML) fail instead of warn' })
      .option('fault', sharedOption('fault', { describe: 'Verify the reference server with this named fault' })),
    handler: async (args) => {
      process.env.PACT_DO_NOT_TRACK ??= 'true';
      const options = {
        baseUrl: stringOption(args['base-url']),
        token: stringOption(args.token),
        tnlease: tnleaseOption(args.tnlease),
        callUuid: uuidOption('call-uuid', args['call-uuid']),
        outboundVoiceProfile: uuidOption('outbound-voice-profile', args['outbound-voice-profile']),
        pactDir: String(args['pact-dir']),
        reporters: args.reporter as string[],
        out: String(args.out),
        timeout: timeoutOption(args.timeout),
        maxWait: maxWaitOption(args['max-wait']),
        strict: Boolean(args.strict),
        fault: faultOption(args.fault),
        stream: process.stdout,
      };
      const { verifyProvider } = await import('../../session/verify.ts');
      const { exitCode } = await verifyProvider(options);
      setExitCode(exitCode);
    },
  };
}
