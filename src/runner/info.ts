import { readFileSync } from 'node:fs';
import type { RunInfo } from '../results/model.ts';
import { specSha256, specVersion } from '../spec/load.ts';
import type { Target } from './environment.ts';

/** The tool's name and version, read from package.json once (the CLI's --version, every report's `tool`). */
export const TOOL: { name: string; version: string } = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
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
