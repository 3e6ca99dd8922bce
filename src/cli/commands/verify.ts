import type { CommandModule } from 'yargs';
import { UsageError } from '../../runner/options.ts';
import { packagePath } from '../../package-root.ts';
import { flagGiven } from '../usage.ts';
import { faultOption, headersOption, maxWaitOption, outOption, sharedOption, stringOption, timeoutOption, tnleaseOption, uuidOption } from '../options.ts';

/** The package's own contracts, wherever it is installed (not ./contracts/pacts of the working directory). */
export const PACKAGE_PACTS = packagePath('contracts/pacts');

/** `verify`: Pact provider verification of contracts/pacts against a provider (default: the embedded server). */
export function verifyCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'verify',
    describe: 'Verify a provider against the Pact contracts in contracts/pacts (default: the embedded reference server)',
    builder: (y) => y
      .option('base-url', sharedOption('base-url', { describe: 'Provider API root; without it: the embedded reference server' }))
      .option('token', sharedOption('token'))
      .option('header', sharedOption('header'))
      .option('tnlease', sharedOption('tnlease', { describe: 'Lease uuid(s) provider states may assign (released afterwards)' }))
      .option('call-uuid', sharedOption('call-uuid', { describe: 'A live call for the "a live call exists" state' }))
      .option('outbound-voice-profile', sharedOption('outbound-voice-profile'))
      .option('pact-dir', { type: 'string', group: 'Contracts:', describe: "A pact file or a directory of them (default: this package's contracts/pacts)" })
      .option('reporter', sharedOption('reporter', { default: ['console', 'junit'] }))
      .option('out', sharedOption('out', { default: 'reports/pact', describe: 'Directory for reports and the ledger' }))
      .option('timeout', sharedOption('timeout'))
      .option('max-wait', sharedOption('max-wait', { describe: 'Longest wait for a throttled (429/503) state set-up or cleanup request, seconds' }))
      .option('strict', { type: 'boolean', default: false, group: 'Verdict:', describe: 'Pending interactions (one of several accepted readings: Remove 409, raw call-flow XML) fail instead of warn' })
      .option('fault', sharedOption('fault', { describe: 'Verify the reference server with this named fault' })),
    handler: async (args) => {
      process.env.PACT_DO_NOT_TRACK ??= 'true';
      let token = stringOption(args.token);
      // As for `run`: a SIPAPP_TOKEN exported for a real target is not sent to the embedded server.
      if (!args['base-url'] && token) {
        if (flagGiven('token')) throw new UsageError('--token applies to --base-url providers; the embedded reference server uses its own accounts (drop --token, or add --base-url)');
        process.stderr.write('sipapp-conformance: notice: SIPAPP_TOKEN is ignored: no --base-url, so verify uses the embedded reference server and its own accounts\n');
        token = undefined;
      }
      const options = {
        baseUrl: stringOption(args['base-url']),
        token,
        tnlease: tnleaseOption(args.tnlease),
        callUuid: uuidOption('call-uuid', args['call-uuid']),
        outboundVoiceProfile: uuidOption('outbound-voice-profile', args['outbound-voice-profile']),
        pactDir: stringOption(args['pact-dir']) ?? PACKAGE_PACTS,
        reporters: args.reporter as string[],
        out: outOption(args.out, 'reports/pact'),
        timeout: timeoutOption(args.timeout),
        maxWait: maxWaitOption(args['max-wait']),
        strict: Boolean(args.strict),
        fault: faultOption(args.fault),
        headers: headersOption(args.header),
        stream: process.stdout,
      };
      // Pact is an optional peer dependency (about 20 MB with its native core): only `verify` needs it.
      const { verifyProvider } = await import('../../session/verify.ts').catch((error: NodeJS.ErrnoException) => {
        if (error?.code === 'ERR_MODULE_NOT_FOUND' && /@pact-foundation\/pact/.test(error.message)) {
          throw new UsageError('verify needs Pact: npm install @pact-foundation/pact@^17 (an optional peer dependency)');
        }
        throw error;
      });
      const { exitCode } = await verifyProvider(options);
      setExitCode(exitCode);
    },
  };
}
