process.env.PACT_DO_NOT_TRACK ??= 'true';

import { createReporters } from '../../reporters/index.ts';
import { runVerification, type VerifyOptions, type VerifyOutcome } from '../contracts/verify.ts';
import { DEFAULT_RUN_OPTIONS } from '../runner/options.ts';
import { withTarget } from './target.ts';

export { VerifyUsageError, type VerifyOptions, type VerifyOutcome } from '../contracts/verify.ts';

/**
 * `verify` assembled: the same target resolution as `run` (its usage errors are
 * UsageErrors, exit 2), the reporters named, and the contracts' verification.
 */
export async function verifyProvider(options: VerifyOptions = {}): Promise<VerifyOutcome> {
  const timeout = options.timeout ?? DEFAULT_RUN_OPTIONS.timeout;
  return withTarget({ ...options, tnlease: options.tnlease ?? [], timeout }, async (target) => {
    const reporters = createReporters(options.reporters ?? ['console'], { outDir: options.out ?? 'sipapp-results', stream: options.stream });
    return runVerification({ ...options, timeout }, { target, reporters });
  });
}
