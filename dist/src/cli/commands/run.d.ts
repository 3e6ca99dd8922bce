import type { Argv, CommandModule } from 'yargs';
import { type RunOptions } from '../../runner/options.ts';
import type { Selection } from '../../runner/select.ts';
/** Options shared by `run` and `list` (selection) and by `run` alone (target, fixtures, reports, limits). */
export declare function selectionOptions<T>(y: Argv<T>): Argv<T & {
    grep: string[] | undefined;
} & {
    suite: string[] | undefined;
} & {
    tag: string[] | undefined;
} & {
    check: ("no-server-error" | "status-code" | "content-type" | "envelope" | "response-schema" | "uuid-format" | "length-limits" | "input-validation" | "default-values" | "auth-required" | "unknown-uuid-not-found" | "malformed-uuid-rejected" | "unknown-reference-rejected" | "read-after-write" | "listed-after-create" | "not-found-after-remove" | "lease-assignment" | "cross-account-isolation" | "callflow-accepted" | "callflow-rejected" | "app-tnleases-match" | "lease-back-reference" | "modified-on-advances" | "lease-remove-scoped" | "response-time" | "documented-fields" | "error-status-matches" | "no-secrets-exposed" | "error-message-text" | "call-uuid-matches" | "callflow-schema-enforced")[] | undefined;
} & {
    operation: string[] | undefined;
} & {
    shard: string | undefined;
} & {
    "read-only": boolean;
}>;
export declare function runOptionsBuilder<T>(y: Argv<T>): Argv<T & {
    grep: string[] | undefined;
} & {
    suite: string[] | undefined;
} & {
    tag: string[] | undefined;
} & {
    check: ("no-server-error" | "status-code" | "content-type" | "envelope" | "response-schema" | "uuid-format" | "length-limits" | "input-validation" | "default-values" | "auth-required" | "unknown-uuid-not-found" | "malformed-uuid-rejected" | "unknown-reference-rejected" | "read-after-write" | "listed-after-create" | "not-found-after-remove" | "lease-assignment" | "cross-account-isolation" | "callflow-accepted" | "callflow-rejected" | "app-tnleases-match" | "lease-back-reference" | "modified-on-advances" | "lease-remove-scoped" | "response-time" | "documented-fields" | "error-status-matches" | "no-secrets-exposed" | "error-message-text" | "call-uuid-matches" | "callflow-schema-enforced")[] | undefined;
} & {
    operation: string[] | undefined;
} & {
    shard: string | undefined;
} & {
    "read-only": boolean;
} & {
    "base-url": string | undefined;
} & {
    token: string | undefined;
} & {
    "token-b": string | undefined;
} & {
    tnlease: string[] | undefined;
} & {
    "outbound-voice-profile": string | undefined;
} & {
    "call-uuid": string | undefined;
} & {
    "expired-token": string | undefined;
} & {
    reporter: string[] | ("json" | "console" | "junit" | "tap" | "html")[];
} & {
    out: string;
} & {
    quiet: boolean;
} & {
    color: boolean | undefined;
} & {
    strict: boolean;
} & {
    timeout: number;
} & {
    deadline: number;
} & {
    "max-body": number;
} & {
    retries: number;
} & {
    "max-wait": number;
} & {
    concurrency: number;
} & {
    rate: number;
} & {
    fault: string | undefined;
} & {
    latency: number | undefined;
}>;
/** Turn parsed arguments into RunOptions, refusing what cannot work with one clear line. */
export declare function toRunOptions(args: Record<string, unknown>): RunOptions;
/** The selection options `run` and `list` share. */
export declare function toSelection(args: Record<string, unknown>): Selection;
export declare function parseShard(value: string | undefined): {
    index: number;
    total: number;
} | undefined;
export declare function runCommand(setExitCode: (code: number) => void): CommandModule;
