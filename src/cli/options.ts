/**
 * Options more than one command takes, declared once: their yargs definitions
 * and the one validation of each value. `run`, `verify`, `cleanup` and `serve`
 * build from these, so `--timeout` means (and is checked) the same everywhere.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { givenValue } from './usage.ts';
import type { Options } from 'yargs';
import { REPORTER_NAMES } from '../../reporters/names.ts';
import { DEFAULT_RUN_OPTIONS as D, UsageError } from '../runner/options.ts';
import { UUID_PATTERN } from '../spec/operations.ts';
import { isKnownFault, unknownFaultMessage } from '../server/fault-names.ts';
import { parseHeaders } from '../runner/dispatcher.ts';

export const SHARED_OPTIONS = {
  'base-url': { type: 'string', group: 'Target:', describe: 'API root (paths are <base-url>/rest/sip/app…), e.g. https://api.stage.opentact.org. Without it: the embedded reference server' },
  token: { type: 'string', group: 'Target:', describe: 'JWT of the account under test (X-Auth-Token). Prefer SIPAPP_TOKEN over the flag: flags show up in process lists' },
  'token-command': { type: 'string', group: 'Target:', describe: 'Shell command printing the token on stdout: run at start, every --token-refresh seconds, and after a 401 to a token accepted before (the request is resent once)' },
  header: { type: 'string', array: true, group: 'Target:', describe: "Extra request header 'Name: value' (repeatable), e.g. a gateway's key; reports show a secret value as $SIPAPP_HEADER_<NAME> (SIPAPP_HEADER for one)" },
  tnlease: { type: 'string', array: true, group: 'Fixtures:', describe: 'TN lease uuid the run may assign and release (repeatable; lease cases skipped without it)' },
  'outbound-voice-profile': { type: 'string', group: 'Fixtures:', describe: 'Existing outbound voice profile uuid to create apps with' },
  'call-uuid': { type: 'string', group: 'Fixtures:', describe: 'A live call the run may post call-flow XML to (call-flow cases skipped without it)' },
  reporter: { type: 'string', array: true, choices: [...REPORTER_NAMES], default: D.reporter, group: 'Reports:', describe: 'Reports to write (repeatable)' },
  out: { type: 'string', default: D.out, group: 'Reports:', describe: 'Directory for report files and the run ledger' },
  timeout: { type: 'number', default: D.timeout, group: 'Limits:', describe: 'Per-request timeout, ms' },
  'max-wait': { type: 'number', default: D.maxWait, group: 'Limits:', describe: 'Longest wait for a throttled (429/503) request before it is an error, seconds (0: judge such answers as they are)' },
  fault: { type: 'string', group: 'Embedded server:', describe: 'Run against the reference server with this named fault (see `serve --list-faults`)' },
  latency: { type: 'number', group: 'Embedded server:', describe: 'Milliseconds the reference server adds to every answer' },
} as const satisfies Record<string, Options>;

/** A shared option with another default or description for one command (e.g. `verify`'s reporters). */
export function sharedOption<K extends keyof typeof SHARED_OPTIONS>(name: K, override: Options = {}): Options {
  return { ...SHARED_OPTIONS[name], ...override } as Options;
}

/** A number option at least `min`, or one usage line. */
export function numberAtLeast(name: string, value: unknown, min: number): number {
  // yargs turns `--timeout abc` into NaN: quote what was typed, not `null`.
  const given = typeof value === 'number' && Number.isNaN(value) ? JSON.stringify(givenValue(name) ?? 'NaN') : JSON.stringify(value);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw new UsageError(`--${name} must be a number ≥ ${min}, got ${given}`);
  return value;
}

/** A whole-number option at least `min` (cases in flight, retries: 1.5 of them means nothing). */
export function integerAtLeast(name: string, value: unknown, min: number): number {
  const n = numberAtLeast(name, value, min);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got ${n}`);
  return n;
}

/** `--out`: a directory, or a path where one can be made (no file in the way), the same for every command. */
export function outOption(value: unknown, fallback: string = D.out): string {
  const out = value === undefined || value === '' ? fallback : String(value);
  // The nearest part of the path that exists must be a directory: mkdir would fail with ENOTDIR later.
  for (let dir = resolve(out); dirname(dir) !== dir; dir = dirname(dir)) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch {
      continue; // missing (or under a file, which the loop reaches next)
    }
    if (isDirectory) return out;
    const where = dir === resolve(out) ? `--out ${out} is` : `--out ${out}: ${dir} is`;
    throw new UsageError(`${where} a file, not a directory (reports go in a directory, made when missing)`);
  }
  return out;
}

/** `--header` values, parsed and checked the same for every command; undefined when none. */
export function headersOption(value: unknown): Record<string, string> | undefined {
  const parsed = parseHeaders(((value as unknown[] | undefined) ?? []).map(String));
  if ('error' in parsed) throw new UsageError(parsed.error);
  return Object.keys(parsed.headers).length ? parsed.headers : undefined;
}

/** An optional uuid option: absent, or a lower-case uuid. */
export function uuidOption(name: string, value: unknown): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || !UUID_PATTERN.test(value))) throw new UsageError(`--${name} must be a lower-case uuid, got ${JSON.stringify(value)}`);
  return value as string | undefined;
}

/** `--tnlease` values: repeatable and comma-separated, each a lower-case uuid. */
export function tnleaseOption(value: unknown): string[] {
  const leases = ((value as string[] | undefined) ?? []).flatMap((v) => String(v).split(',')).filter(Boolean);
  leases.forEach((v) => uuidOption('tnlease', v));
  return leases;
}

/** `--timeout`, validated the same for every command. */
export function timeoutOption(value: unknown): number {
  return numberAtLeast('timeout', value ?? D.timeout, 1);
}

/** `--max-wait`, validated the same for every command. */
export function maxWaitOption(value: unknown): number {
  return numberAtLeast('max-wait', value ?? D.maxWait, 0);
}

/** `--fault`: absent, or a name of the fault catalogue or `reading:<name>`; `none` is the conforming server (replay: not the bundle's fault). */
export function faultOption(value: unknown): string | undefined {
  if (value === undefined || value === '' || value === 'none') return undefined;
  const name = String(value);
  if (!isKnownFault(name)) throw new UsageError(unknownFaultMessage(name));
  return name;
}

/** An empty SIPAPP_TOKEN= (or any empty string option) is "unset", not a value to send. */
export function stringOption(value: unknown): string | undefined {
  return (value as string | undefined) || undefined;
}
