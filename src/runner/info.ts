import { packageInfo } from '../package-root.ts';
import type { RunInfo } from '../results/model.ts';
import { specSha256, specVersion } from '../spec/load.ts';
import type { Target } from './environment.ts';

/**
 * The tool's name and version (every report's `tool`). package.json is read in one place,
 * packageInfo() in src/package-root.ts, which finds it from the sources and from dist/ alike
 * (the CLI's --version asks it directly, without loading the runner).
 */
export const TOOL: { name: string; version: string } = (() => {
  const pkg = packageInfo();
  return { name: pkg.name, version: pkg.version };
})();

/** What every results bundle says about itself: run id, tool, spec, Node, target, the (redacted) options. */
export function describeRun(runId: string, target: Pick<Target, 'baseUrl' | 'embedded'>, options: Record<string, unknown>, startedAt: Date, shard?: RunInfo['shard']): RunInfo {
  return {
    runId,
    tool: { ...TOOL },
    spec: { version: specVersion(), sha256: specSha256() },
    node: process.version,
    target: { baseUrl: target.baseUrl, embedded: target.embedded },
    options,
    startedAt: startedAt.toISOString(),
    ...(shard ? { shard } : {}),
  };
}
