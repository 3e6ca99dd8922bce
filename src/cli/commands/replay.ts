import type { CommandModule } from 'yargs';
import { UsageError } from '../../runner/options.ts';
import { runOptionsBuilder, toRunOptions } from './run.ts';
import { installSignalHandlers } from '../signals.ts';
import { flagGiven } from '../usage.ts';

/** `replay BUNDLE`: re-run the cases that failed in a results bundle; FIXED / STILL FAILING / ERROR each; exit 0 only if all are fixed. */
export function replayCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'replay <bundle>',
    describe: 'Re-run the cases that failed in a results.json bundle (optionally against another --base-url); FIXED / STILL FAILING / ERROR per case',
    builder: (y) => runOptionsBuilder(y.positional('bundle', { type: 'string', describe: 'results.json of the run whose failures to replay' }))
      .default('reporter', ['json'])
      .default('out', 'reports/replay'),
    handler: async (args) => {
      const options = toRunOptions(args);
      const { readResultsBundle } = await import('../../../reporters/json.ts');
      const { replayFailures, replayOptions } = await import('../../session/replay.ts');
      const { SHAPING_FLAGS } = await import('../../runner/shaping.ts');
      let bundle;
      try {
        bundle = readResultsBundle(String(args.bundle));
      } catch (error) {
        throw new UsageError(`${String(args.bundle)}: ${(error as Error).message.split('\n')[0]}`);
      }
      // Typed on this command line: it overrides what the bundle recorded (SIPAPP_* and the config file do not: the bundle is more specific).
      const overridden = new Set((Object.keys(SHAPING_FLAGS) as Array<keyof typeof SHAPING_FLAGS>).filter((key) => flagGiven(SHAPING_FLAGS[key]) || flagGiven(`no-${SHAPING_FLAGS[key]}`)));
      const { used } = replayOptions(bundle, options, overridden);
      process.stdout.write(`replaying the failed cases of ${String(args.bundle)} with ${used}\n`);
      const signals = installSignalHandlers();
      try {
        const { rows, exitCode } = await replayFailures(bundle, options, { interrupted: signals.interrupted, stream: process.stdout }, overridden);
        const width = Math.max(...rows.map((r) => r.verdict.length));
        for (const r of rows) {
          process.stdout.write(`${r.verdict.padEnd(width)}  ${r.id}  ${r.title}${r.detail ? `\n${' '.repeat(width + 2)}${r.detail.split('\n')[0]}` : ''}\n`);
        }
        const fixed = rows.filter((r) => r.verdict === 'FIXED').length;
        process.stdout.write(`${fixed}/${rows.length} fixed\n`);
        setExitCode(signals.interrupted() ? 130 : exitCode);
      } finally {
        signals.dispose();
      }
    },
  };
}
