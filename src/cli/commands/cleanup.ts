import type { CommandModule } from 'yargs';
import { UsageError } from '../../runner/options.ts';

/** `cleanup`: remove what earlier (crashed or interrupted) runs left, by their ledgers, and nothing else. */
export function cleanupCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'cleanup',
    describe: 'Remove resources earlier runs created and left behind (read from their ledgers in <out>/ledger)',
    builder: (y) => y
      .option('base-url', { type: 'string', demandOption: true, describe: 'API root the runs targeted' })
      .option('token', { type: 'string', describe: 'JWT of the account (or SIPAPP_TOKEN)' })
      .option('out', { type: 'string', default: 'reports', describe: 'Directory holding ledger/' })
      .option('run', { type: 'string', describe: 'Clean up this run id only' })
      .option('all-runs', { type: 'boolean', default: false, describe: 'Clean up every run in the ledger directory' })
      .option('timeout', { type: 'number', default: 10_000, describe: 'Per-request timeout, ms' }),
    handler: async (args) => {
      if (!args.run && !args['all-runs']) throw new UsageError('name a run with --run ID, or pass --all-runs');
      const { cleanupRuns } = await import('../../session/cleanup.ts');
      const outcomes = await cleanupRuns({
        baseUrl: String(args['base-url']),
        token: args.token as string | undefined,
        out: String(args.out),
        run: args.run as string | undefined,
        timeout: Number(args.timeout),
      });
      for (const o of outcomes) process.stdout.write(`${o.runId}: ${o.ok ? '✓' : '✗'} ${o.message}\n`);
      if (outcomes.length === 0) process.stdout.write('nothing to clean up\n');
      setExitCode(outcomes.some((o) => !o.ok) ? 1 : 0);
    },
  };
}
