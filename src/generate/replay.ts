/**
 * A shrunk failure as something a person can run: numbered steps and one shell
 * script of `curl`s. Uuids the server minted during the sequence become shell
 * variables captured from the answers (with jq), so the script replays against
 * a fresh account, not only against the objects of the failed run.
 */
import type { Exchange } from '../results/model.ts';

export interface ReplayStep {
  /** What the step meant, e.g. `2. assign [lease 1] to app 1 (as A)`. */
  label: string;
  exchanges: Exchange[];
}

function mintedUuid(ex: Exchange): string | undefined {
  if (ex.request.method !== 'POST' || !/\/rest\/sip\/app$/.test(ex.request.url) || !ex.response || ex.response.status >= 300) return undefined;
  try {
    const uuid = (JSON.parse(ex.response.bodyExcerpt) as { payload?: { uuid?: unknown } }).payload?.uuid;
    return typeof uuid === 'string' ? uuid : undefined;
  } catch {
    return undefined;
  }
}

export function replayScript(title: string, steps: ReplayStep[], header: string[] = []): string {
  const vars = new Map<string, string>();
  const lines = [
    '#!/usr/bin/env bash',
    `# ${title}`,
    ...header.map((h) => `# ${h}`),
    '# Needs curl and jq; reads $SIPAPP_TOKEN (and $SIPAPP_TOKEN_B for the second account).',
    'set -u',
  ];
  for (const step of steps) {
    lines.push('', `# ${step.label}`);
    for (const ex of step.exchanges) {
      let curl = ex.curl;
      for (const [uuid, name] of vars) curl = curl.split(uuid).join(`'"\${${name}}"'`);
      const outcome = ex.response ? `answered ${ex.response.status}` : `no answer (${ex.transportError ?? 'transport error'})`;
      lines.push(`#   ${ex.purpose}: ${outcome}`);
      const minted = mintedUuid(ex);
      if (minted) {
        const name = `APP${vars.size + 1}`;
        vars.set(minted, name);
        lines.push(`${name}=$(${curl} | tee /dev/stderr | jq -r '.payload.uuid'); echo`);
      } else {
        lines.push(`${curl}; echo`);
      }
    }
  }
  return lines.join('\n');
}

/** The steps as numbered lines, for a failure message. */
export function numberedSteps(steps: ReplayStep[]): string {
  return steps.map((s) => s.label).join('\n');
}
