import { REPORTER_NAMES } from "../../../reporters/names.js";
import { UsageError } from "../../runner/options.js";
async function read(path) {
    const { readResultsBundle } = await import("../../../reporters/json.js");
    try {
        return readResultsBundle(path);
    }
    catch (error) {
        throw new UsageError(`${path}: ${error.message.split('\n')[0]}`);
    }
}
/** `diff OLD NEW`: checks that newly fail, newly pass, newly skip. Exit 1 when something newly fails. */
export function diffCommand(setExitCode) {
    return {
        command: 'diff <old> <new>',
        describe: 'Compare two results.json bundles: what newly fails, passes, skips',
        builder: (y) => y
            .positional('old', { type: 'string', describe: 'results.json of the earlier run' })
            .positional('new', { type: 'string', describe: 'results.json of the later run' })
            .option('json', { type: 'boolean', default: false, describe: 'Print the diff as JSON' }),
        handler: async (args) => {
            const { diffRuns, formatDiff } = await import("../../results/diff.js");
            const diff = diffRuns(await read(String(args.old)), await read(String(args.new)));
            process.stdout.write(args.json ? `${JSON.stringify(diff, null, 2)}\n` : `${formatDiff(diff)}\n`);
            setExitCode(diff.newlyFailing.length ? 1 : 0);
        },
    };
}
/** `merge FILES…`: one report from the JSON bundles of several shards. */
export function mergeCommand(setExitCode) {
    return {
        command: 'merge <files..>',
        describe: 'Merge the results.json bundles of CI shards into one set of reports',
        builder: (y) => y
            .positional('files', { type: 'string', array: true, describe: 'results.json bundles' })
            .option('reporter', { type: 'string', array: true, choices: [...REPORTER_NAMES], default: ['junit', 'html', 'json'], describe: 'Reports to write' })
            .option('out', { type: 'string', default: 'reports/merged', describe: 'Output directory' }),
        handler: async (args) => {
            const runs = await Promise.all(args.files.map(read));
            const { createReporters } = await import("../../../reporters/index.js");
            const { mergeRuns } = await import("../../results/merge.js");
            const merged = mergeRuns(runs);
            const reporters = createReporters(args.reporter, { outDir: String(args.out), stream: process.stdout, quiet: true });
            const files = await reporters.onEnd(merged);
            process.stdout.write(`merged ${runs.length} runs, ${merged.summary.total} cases → ${files.join(', ')}\n`);
            setExitCode(merged.summary.exitCode);
        },
    };
}
//# sourceMappingURL=compare.js.map