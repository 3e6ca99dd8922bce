import { removeStaleReports } from '../../reporters/stale.ts';
import { executeRun, type RunHooks, type RunOutcome } from '../runner/run.ts';
import type { RunOptions } from '../runner/options.ts';
import { openRunTokens } from '../runner/token-source.ts';
import { withTarget } from './target.ts';

/**
 * `run` assembled: every suite's cases, the reporters `--reporter` names, and
 * the target (the embedded reference server when no --base-url), handed to
 * the runner's engine. Tokens from --token-command come first: they are the
 * target's tokens. The CLI and runConformance (src/index.ts) both come here.
 */
export async function runConformanceSuite(options: RunOptions, hooks: RunHooks = {}): Promise<RunOutcome> {
  const tokens = await openRunTokens(options);
  try {
    return await withTarget({ ...options, token: tokens.commanded.a ?? options.token, tokenB: tokens.commanded.b ?? options.tokenB }, async (target) => {
      // A report file this run does not write must not pass for its result (a CI job would upload a stale junit.xml).
      removeStaleReports(options.out, options.reporter);
      // The cases and the reporters load while the preflight's request is on its way (the engine awaits them after it).
      const cases = import('../../suites/index.ts').then((m) => m.ALL_CASES);
      const reporters = import('../../reporters/index.ts').then((m) => m.createReporters(options.reporter, { outDir: options.out, stream: hooks.stream, color: options.color, quiet: options.quiet }));
      return executeRun(options, { cases, reporters, target, tokens }, hooks);
    });
  } finally {
    tokens.stop();
  }
}
