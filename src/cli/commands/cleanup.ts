import type { CommandModule } from 'yargs';
import { UsageError } from '../../runner/options.ts';
import { headersOption, maxWaitOption, outOption, sharedOption, stringOption, timeoutOption } from '../options.ts';

/** `cleanup`: remove what earlier (crashed or interrupted) runs left, by their ledgers, and nothing else. */
export function cleanupCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'cleanup',
    describe: 'Remove resources earlier runs created and left behind (read from their ledgers in <out>/ledger)',
    builder: (y) => y
      .option('base-url', sharedOption('base-url', { demandOption: true, describe: 'API root the runs targeted' }))
      .option('token', sharedOption('token'))
      .option('token-command', sharedOption('token-command', { describe: 'Shell command printing the token on stdout (run once), as the run had' }))
      .option('out', sharedOption('out', { describe: 'Directory holding ledger/' }))
      .option('run', { type: 'string', describe: 'Clean up this run id only' })
      .option('all-runs', { type: 'boolean', default: false, describe: 'Clean up every run in the ledger directory' })
      .option('timeout', sharedOption('timeout'))
      .option('max-wait', sharedOption('max-wait', { describe: 'Longest wait for a throttled (429/503) request, seconds' }))
      .option('header', sharedOption('header', { describe: "Extra request header 'Name: value' (repeatable), as the run had" })),
    handler: async (args) => {
      if (!args.run && !args['all-runs']) throw new UsageError('name a run with --run ID, or pass --all-runs');
      const { cleanupRuns } = await import('../../session/cleanup.ts');
      const { runs: outcomes, throttling } = await cleanupRuns({
        baseUrl: String(args['base-url']),
        token: stringOption(args.token),
        tokenCommand: stringOption(args['token-command']),
        out: outOption(args.out),
        run: args.run as string | undefined,
        timeout: timeoutOption(args.timeout),
        maxWait: maxWaitOption(args['max-wait']),
        headers: headersOption(args.header),
      });
      for (const o of outcomes) process.stdout.write(`${o.runId}: ${o.ok ? '✓' : '✗'} ${o.message}\n`);
      if (throttling.answers) process.stdout.write(`throttled: ${throttling.answers} answer(s) 429/503 on ${throttling.requests} request(s), waited ${(throttling.waitedMs / 1000).toFixed(1)} s\n`);
      if (outcomes.length === 0) process.stdout.write('nothing to clean up\n');
      setExitCode(outcomes.some((o) => !o.ok) ? 1 : 0);
    },
  };
}
