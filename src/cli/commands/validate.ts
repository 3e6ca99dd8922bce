import { readFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { isOperationId, OPERATION_IDS } from '../../spec/operations.ts';
import { UsageError } from '../../runner/options.ts';

/** `validate OPERATION STATUS FILE`: one saved response body against the spec, for a vendor debugging one payload. */
export function validateCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'validate <operation> <status> <file>',
    describe: 'Validate a saved response body (JSON file, - for stdin) against the spec',
    builder: (y) => y
      .positional('operation', { type: 'string', describe: `Operation id: ${OPERATION_IDS.join(', ')}` })
      // A string: yargs would turn `abc` into NaN before we could name it.
      .positional('status', { type: 'string', describe: 'HTTP status the body came with (100-599)' })
      .positional('file', { type: 'string', describe: 'File holding the body (- for stdin)' }),
    handler: async (args) => {
      const operation = String(args.operation);
      if (!isOperationId(operation)) throw new UsageError(`unknown operation ${operation}; one of ${OPERATION_IDS.join(', ')}`);
      const status = /^\d{3}$/.test(String(args.status)) ? Number(args.status) : NaN;
      if (!(status >= 100 && status <= 599)) throw new UsageError(`<status> must be an HTTP status code from 100 to 599, got ${JSON.stringify(String(args.status))}`);
      // yargs hands a lone `-` over as an empty string: both mean stdin.
      const file = args.file === '' || args.file === '-' ? '-' : String(args.file);
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        process.stdout.write(`✗ ${file}: not JSON (${(error as Error).message})\n`);
        setExitCode(1);
        return;
      }
      // ajv and the spec load only when a body is validated.
      const { validateResponse, formatSchemaErrors, documentedStatuses } = await import('../../spec/validators.ts');
      const documented = `the spec documents ${documentedStatuses(operation).join(', ')} for ${operation}`;
      const verdict = validateResponse(operation, status, body);
      if (!verdict.documented && status < 400) {
        // No schema to hold it to, and no error envelope either: such an answer is not the API's.
        process.stdout.write(`✗ ${file}: ${operation} never answers ${status} (${documented}); no body is valid for it\n`);
        setExitCode(1);
        return;
      }
      const note = verdict.documented ? '' : ` (${documented}; checked as an error envelope)`;
      if (verdict.errors.length === 0) {
        process.stdout.write(`✓ ${file} is a valid ${operation} ${status} body${note}\n`);
        setExitCode(0);
      } else {
        process.stdout.write(`✗ ${file} is not a valid ${operation} ${status} body${note}:\n${formatSchemaErrors(verdict.errors).split('\n').map((l) => `  ${l}`).join('\n')}\n`);
        setExitCode(1);
      }
    },
  };
}
