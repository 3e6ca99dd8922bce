import type { CommandModule } from 'yargs';
import { REPORTER_NAMES } from '../../../reporters/names.ts';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../runner/options.ts';
import { flagGiven } from '../usage.ts';

/** The package's own contracts, wherever it is installed (not ./contracts/pacts of the working directory). */
export const PACKAGE_PACTS = fileURLToPath(new URL('../../../contracts/pacts', import.meta.url));

/** `verify`: Pact provider verification of contracts/pacts against a provider (default: the embedded server). */
export function verifyCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'verify',
    describe: 'Verify a provider against the Pact contracts in contracts/pacts (default: the embedded reference server)',
    builder: (y) => y
      .option('base-url', { type: 'string', group: 'Target:', describe: 'Provider API root; without it: the embedded reference server' })
      .option('token', { type: 'string', group: 'Target:', describe: 'JWT of the account (X-Auth-Token; or SIPAPP_TOKEN)' })
      .option('tnlease', { type: 'string', array: true, group: 'Fixtures:', describe: 'Lease uuid(s) provider states may assign (released afterwards)' })
      .option('call-uuid', { type: 'string', group: 'Fixtures:', describe: 'A live call for the "a live call exists" state' })
      .option('outbound-voice-profile', { type: 'string', group: 'Fixtures:', describe: 'An existing outbound voice profile uuid' })
      .option('pact-dir', { type: 'string', group: 'Contracts:', describe: "A pact file or a directory of them (default: this package's contracts/pacts)" })
      .option('reporter', { type: 'string', array: true, choices: [...REPORTER_NAMES], default: ['console', 'junit'], group: 'Reports:', describe: 'Reports to write (repeatable)' })
      .option('out', { type: 'string', default: 'reports/pact', group: 'Reports:', describe: 'Directory for reports and the ledger' })
      .option('timeout', { type: 'number', default: 10_000, group: 'Limits:', describe: 'Per-request timeout, ms' })
      .option('max-wait', { type: 'number', default: 60, group: 'Limits:', describe: 'Longest wait for a throttled (429/503) state set-up or cleanup request, seconds' })
      .option('strict', { type: 'boolean', default: false, group: 'Verdict:', describe: 'Pending interactions (one of several accepted readings: Remove 409, raw call-flow XML) fail instead of warn' })
      .option('fault', { type: 'string', group: 'Embedded server:', describe: 'Verify the reference server with this named fault' }),
    handler: async (args) => {
      process.env.PACT_DO_NOT_TRACK ??= 'true';
      const { verifyProvider, VerifyUsageError } = await import('../../contracts/verify.ts');
      let token = args.token as string | undefined;
      // As for `run`: a SIPAPP_TOKEN exported for a real target is not sent to the embedded server.
      if (!args['base-url'] && token) {
        if (flagGiven('token')) throw new UsageError('--token applies to --base-url providers; the embedded reference server uses its own accounts (drop --token, or add --base-url)');
        process.stderr.write('sipapp-conformance: notice: SIPAPP_TOKEN is ignored: no --base-url, so verify uses the embedded reference server and its own accounts\n');
        token = undefined;
      }
      try {
        const { exitCode } = await verifyProvider({
          baseUrl: args['base-url'] as string | undefined,
          token,
          tnlease: ((args.tnlease as string[] | undefined) ?? []).flatMap((v) => String(v).split(',')).filter(Boolean),
          callUuid: args['call-uuid'] as string | undefined,
          outboundVoiceProfile: args['outbound-voice-profile'] as string | undefined,
          pactDir: (args['pact-dir'] as string | undefined) || PACKAGE_PACTS,
          reporters: args.reporter as string[],
          out: String(args.out),
          timeoutMs: Number(args.timeout),
          maxWaitMs: Number(args['max-wait']) * 1000,
          fault: args.fault as string | undefined,
          strict: Boolean(args.strict),
          stream: process.stdout,
        });
        setExitCode(exitCode);
      } catch (error) {
        if (error instanceof VerifyUsageError) throw new UsageError(error.message);
        throw error;
      }
    },
  };
}
