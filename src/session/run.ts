import { ALL_CASES } from '../../suites/index.ts';
import { createReporters } from '../../reporters/index.ts';
import { executeRun, type RunHooks, type RunOutcome } from '../runner/run.ts';
import type { RunOptions } from '../runner/options.ts';
import { withTarget } from './target.ts';

/**
 * `run` assembled: every suite's cases, the reporters `--reporter` names, and
 * the target (the embedded reference server when no --base-url), handed to
 * the runner's engine. The CLI and runConformance (src/index.ts) both come here.
 */
export async function runConformanceSuite(options: RunOptions, hooks: RunHooks = {}): Promise<RunOutcome> {
  return withTarget(options, async (target) => {
    const reporters = createReporters(options.reporter, { outDir: options.out, stream: hooks.stream, color: options.color, quiet: options.quiet });
    return executeRun(options, { cases: ALL_CASES, reporters, target }, hooks);
  });
}
