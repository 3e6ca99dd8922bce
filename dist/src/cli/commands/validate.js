import { readFileSync } from 'node:fs';
import { isOperationId, OPERATION_IDS } from "../../spec/operations.js";
import { UsageError } from "../../runner/options.js";
/** `validate OPERATION STATUS FILE`: one saved response body against the spec, for a vendor debugging one payload. */
export function validateCommand(setExitCode) {
    return {
        command: 'validate <operation> <status> <file>',
        describe: 'Validate a saved response body (JSON file, - for stdin) against the spec',
        builder: (y) => y
            .positional('operation', { type: 'string', describe: `Operation id: ${OPERATION_IDS.join(', ')}` })
            .positional('status', { type: 'number', describe: 'HTTP status the body came with' })
            .positional('file', { type: 'string', describe: 'File holding the body' }),
        handler: async (args) => {
            const operation = String(args.operation);
            if (!isOperationId(operation))
                throw new UsageError(`unknown operation ${operation}; one of ${OPERATION_IDS.join(', ')}`);
            const status = Number(args.status);
            if (!Number.isInteger(status) || status < 100 || status > 599)
                throw new UsageError(`status must be an HTTP status code, got ${String(args.status)}`);
            const file = String(args.file);
            let text;
            try {
                text = readFileSync(file === '-' ? 0 : file, 'utf8');
            }
            catch (error) {
                throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
            }
            let body;
            try {
                body = JSON.parse(text);
            }
            catch (error) {
                process.stdout.write(`✗ ${file}: not JSON (${error.message})\n`);
                setExitCode(1);
                return;
            }
            // ajv and the spec load only when a body is validated.
            const { validateResponse, formatSchemaErrors, documentedStatuses } = await import("../../spec/validators.js");
            const verdict = validateResponse(operation, status, body);
            const note = verdict.documented ? '' : ` (the spec documents ${documentedStatuses(operation).join(', ')} for ${operation}; checked as an error envelope)`;
            if (verdict.errors.length === 0) {
                process.stdout.write(`✓ ${file} is a valid ${operation} ${status} body${note}\n`);
                setExitCode(0);
            }
            else {
                process.stdout.write(`✗ ${file} is not a valid ${operation} ${status} body${note}:\n${formatSchemaErrors(verdict.errors).split('\n').map((l) => `  ${l}`).join('\n')}\n`);
                setExitCode(1);
            }
        },
    };
}
//# sourceMappingURL=validate.js.map