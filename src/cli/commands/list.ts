import type { CommandModule } from 'yargs';
import { selectionOptions, toSelection } from './run.ts';
import { EMPTY_SELECTION, UsageError } from '../../runner/options.ts';

/** `list`: the cases a selection would run, with ids, tags and checks — nothing is sent. */
export function listCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'list',
    describe: 'List the cases a selection would run (ids, operation, tags, checks); sends nothing',
    builder: (y) => selectionOptions(y).option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
    handler: async (args) => {
      // The cases (and the checks and validators they import) load only when listed, not for --help.
      const { ALL_CASES } = await import('../../../suites/index.ts');
      const { exclusionReason, selectCases, skipReason } = await import('../../runner/select.ts');
      const selection = toSelection(args);
      const cases = selectCases(ALL_CASES, selection);
      // The same rule as `run`: a selection that matches nothing is a usage mistake, not an empty success.
      if (cases.length === 0) throw new UsageError(EMPTY_SELECTION);
      const readOnly = Boolean(args['read-only']);
      const rows = cases.map((c) => ({
        id: c.id, operation: c.operation, tags: c.tags, checks: c.checks, sideEffects: c.sideEffects, needs: c.needs ?? [],
        excluded: exclusionReason(c, selection),
        readOnlySkip: readOnly ? skipReason(c, { readOnly: true, tokenB: true, fixtures: { tnleases: ['x', 'y'], callUuid: 'x', outboundVoiceProfile: 'x', expiredToken: 'x' } }) : undefined,
      }));
      if (args.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        const width = Math.max(...rows.map((r) => r.id.length), 10);
        for (const r of rows) {
          const note = r.excluded ? `  (${r.excluded})` : r.readOnlySkip ? '  (skipped in --read-only)' : r.needs.length ? `  (needs ${r.needs.join(', ')})` : '';
          process.stdout.write(`${r.id.padEnd(width)}  ${r.operation.padEnd(39)} [${r.tags.join(',')}] checks: ${r.checks.join(', ')}${note}\n`);
        }
        process.stdout.write(`${rows.length} case(s)\n`);
      }
      setExitCode(0);
    },
  };
}
