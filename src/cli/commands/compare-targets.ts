import { DEFAULT_SEED } from '../../runner/budget.ts';
import type { Argv, CommandModule } from 'yargs';
import { COMPARE_DEFAULT_REPORTERS, COMPARE_REPORTER_NAMES } from '../../../reporters/compare/names.ts';
import { parseHeaders } from '../../runner/dispatcher.ts';
import { UsageError } from '../../runner/options.ts';
import { FAIL_ON_VALUES, type FailOn } from '../../compare/model.ts';
import type { CompareOptions, ReferenceOptions } from '../../session/compare.ts';
import { installSignalHandlers } from '../signals.ts';
import { stringOption, uuidOption } from '../options.ts';
import { embeddedTokens, runOptionsBuilder, toRunOptions } from './run.ts';

const REFERENCE = 'Reference:';

/** `compare`'s options: `run`'s (for the candidate, the selection, limits and generation), the reference's twins, the verdict. */
export function compareOptionsBuilder<T>(y: Argv<T>) {
  return runOptionsBuilder(y)
    .option('reference', { type: 'string', default: 'embedded', group: REFERENCE, describe: 'The reference: an API root like --base-url, or "embedded" (the reference server, fresh for each of its two runs)' })
    .option('reference-token', { type: 'string', group: REFERENCE, describe: "JWT of the reference's account (SIPAPP_REFERENCE_TOKEN rather than the flag)" })
    .option('reference-token-b', { type: 'string', group: REFERENCE, describe: "JWT of the reference's second account, for isolation cases" })
    .option('reference-tnlease', { type: 'string', array: true, group: REFERENCE, describe: 'TN lease uuid of the reference account the runs may assign (repeatable)' })
    .option('reference-outbound-voice-profile', { type: 'string', group: REFERENCE, describe: "An outbound voice profile uuid of the reference's account" })
    .option('reference-call-uuid', { type: 'string', group: REFERENCE, describe: 'A live call of the reference account the runs may post call-flow XML to' })
    .option('reference-header', { type: 'string', array: true, group: REFERENCE, describe: "Extra request header 'Name: value' for the reference (repeatable)" })
    .option('candidate-fault', { type: 'string', group: 'Embedded server:', describe: 'The same as --fault: the embedded candidate with this named fault or reading:<name>' })
    .option('seed', { type: 'number', group: 'Generation:', describe: `Seed of the generated cases, the same for all three runs (default: ${DEFAULT_SEED}, so every comparison sends the same requests)` })
    .option('fail-on', { type: 'string', choices: [...FAIL_ON_VALUES], default: 'unexplained', group: 'Verdict:', describe: 'Which differences exit 1: spec (break the spec), unexplained (and spec), any (errata-allowed too)' })
    .option('reporter', { type: 'string', array: true, default: COMPARE_DEFAULT_REPORTERS, group: 'Reports:', describe: `Reports to write (repeatable): ${COMPARE_REPORTER_NAMES.join(', ')}` })
    .option('out', { type: 'string', default: 'reports/compare', group: 'Reports:', describe: 'Directory for the reports and the three runs\' ledgers' });
}

/** The candidate's options as `run` parses them (`--base-url embedded` = no base URL), plus the reference and the verdict. */
export function toCompareOptions(args: Record<string, unknown>): CompareOptions {
  const given = { ...args };
  if (given['base-url'] === 'embedded') given['base-url'] = undefined;
  if (given['candidate-fault'] !== undefined) {
    if (given.fault !== undefined && given.fault !== given['candidate-fault']) throw new UsageError('--fault and --candidate-fault name the same thing: give one');
    given.fault = given['candidate-fault'];
  }
  const reporters = [...new Set(((given.reporter as string[] | undefined) ?? COMPARE_DEFAULT_REPORTERS).map(String))];
  for (const r of reporters) {
    if (!(COMPARE_REPORTER_NAMES as readonly string[]).includes(r)) throw new UsageError(`compare writes no ${r} report; --reporter takes ${COMPARE_REPORTER_NAMES.join(', ')}`);
  }
  const run = embeddedTokens(toRunOptions({ ...given, reporter: reporters }));
  const headers = parseHeaders(((given['reference-header'] as unknown[] | undefined) ?? []).map(String));
  if ('error' in headers) throw new UsageError(headers.error.replace('--header', '--reference-header'));
  const reference: ReferenceOptions = {
    url: stringOption(given.reference) ?? 'embedded',
    token: stringOption(given['reference-token']),
    tokenB: stringOption(given['reference-token-b']),
    tnlease: ((given['reference-tnlease'] as string[] | undefined) ?? []).flatMap((v) => String(v).split(',')).filter(Boolean).map((v) => uuidOption('reference-tnlease', v)!),
    outboundVoiceProfile: uuidOption('reference-outbound-voice-profile', given['reference-outbound-voice-profile']),
    callUuid: uuidOption('reference-call-uuid', given['reference-call-uuid']),
    headers: Object.keys(headers.headers).length ? headers.headers : undefined,
  };
  // run's reporters are not compare's: keep the list as validated above (toRunOptions may add `github` on Actions).
  return { ...run, reporter: run.reporter.filter((r) => (COMPARE_REPORTER_NAMES as readonly string[]).includes(r)), reference, failOn: (given['fail-on'] as FailOn | undefined) ?? 'unexplained' };
}

export function compareTargetsCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'compare',
    describe: 'Send the same requests to a candidate and (twice) to a reference, and explain every behavioural difference',
    builder: (y) => compareOptionsBuilder(y),
    handler: async (args) => {
      const options = toCompareOptions(args);
      const { compareTargets } = await import('../../session/compare.ts');
      const signals = installSignalHandlers(`finish the cleanup later with \`sipapp-conformance cleanup\` and each side's ledger under ${options.out}/*/ledger`);
      try {
        const { result } = await compareTargets(options, { interrupted: signals.interrupted, stream: process.stdout });
        setExitCode(signals.interrupted() ? 130 : result.summary.exitCode);
      } finally {
        signals.dispose();
      }
    },
  };
}
