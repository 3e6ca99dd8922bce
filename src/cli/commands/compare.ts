import type { CommandModule } from 'yargs';
import { REPORTER_NAMES } from '../../../reporters/names.ts';
import type { RunResult } from '../../results/model.ts';
import { UsageError } from '../../runner/options.ts';

async function read(path: string): Promise<RunResult> {
  const { readResultsBundle } = await import('../../../reporters/json.ts');
  try {
    return readResultsBundle(path);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** `diff OLD NEW`: checks that newly fail, newly pass, newly skip. Exit 1 when something newly fails. */
export function diffCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'diff <old> <new>',
    describe: 'Compare two results.json bundles: what newly fails, passes, skips',
    builder: (y) => y
      .positional('old', { type: 'string', describe: 'results.json of the earlier run' })
      .positional('new', { type: 'string', describe: 'results.json of the later run' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the diff as JSON' }),
    handler: async (args) => {
      const { diffRuns, formatDiff } = await import('../../results/diff.ts');
      const diff = diffRuns(await read(String(args.old)), await read(String(args.new)));
      process.stdout.write(args.json ? `${JSON.stringify(diff, null, 2)}\n` : `${formatDiff(diff)}\n`);
      setExitCode(diff.newlyFailing.length ? 1 : 0);
    },
  };
}

/** `merge FILES…`: one report from the JSON bundles of several shards. */
export function mergeCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'merge <files..>',
    describe: 'Merge the results.json bundles of CI shards into one set of reports',
    builder: (y) => y
      .positional('files', { type: 'string', array: true, describe: 'results.json bundles' })
      .option('reporter', { type: 'string', array: true, choices: [...REPORTER_NAMES], default: ['junit', 'html', 'json'], describe: 'Reports to write' })
      .option('out', { type: 'string', default: 'reports/merged', describe: 'Output directory' })
      .option('allow-mixed', { type: 'boolean', default: false, describe: 'Merge bundles of different targets, tool versions or spec hashes (with a warning) instead of refusing' })
      .option('min-coverage', { type: 'number', describe: 'Fail (exit 1) when the merged API coverage is below this percentage (default: the one the shards were run with)' }),
    handler: async (args) => {
      const files = args.files as string[];
      const runs = await Promise.all(files.map(read));
      const { mergeConcerns, mergeRuns, WORST_FIRST } = await import('../../results/merge.ts');
      const { duplicates, mismatches } = mergeConcerns(runs, files);
      // Runs of different targets or suites are not one verdict: refuse unless told, then warn on every line that matters.
      if (mismatches.length && !args['allow-mixed']) throw new UsageError(`refusing to merge: ${mismatches.join('; ')} (--allow-mixed merges them anyway)`);
      for (const m of mismatches) process.stderr.write(`sipapp-conformance: WARNING: merged anyway (--allow-mixed): ${m}\n`);
      if (duplicates.length) {
        const sample = duplicates.slice(0, 3).join(', ') + (duplicates.length > 3 ? ', …' : '');
        process.stderr.write(`sipapp-conformance: WARNING: ${duplicates.length} case id(s) appear in more than one bundle (${sample}); kept the worst result of each (${WORST_FIRST.join(' > ')})\n`);
      }
      const { createReporters } = await import('../../../reporters/index.ts');
      const { percentage } = await import('./run.ts');
      const merged = mergeRuns(runs, args['min-coverage'] === undefined ? undefined : percentage(args['min-coverage']));
      const reporters = createReporters(args.reporter as string[], { outDir: String(args.out), stream: process.stdout, quiet: true });
      const { removeStaleReports } = await import('../../../reporters/stale.ts');
      removeStaleReports(String(args.out), args.reporter as string[]);
      const written = await reporters.onEnd(merged);
      process.stdout.write(`merged ${runs.length} runs, ${merged.summary.total} cases → ${written.join(', ')}\n`);
      const { coverageShortfall } = await import('../../results/coverage.ts');
      const shortfall = coverageShortfall(merged.coverage);
      if (shortfall) process.stdout.write(`FAILED: ${shortfall}\n`);
      setExitCode(merged.summary.exitCode);
    },
  };
}
