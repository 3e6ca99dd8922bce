/** A reproducing command for one request. Headers are already redacted, so `$SIPAPP_TOKEN` stays a shell variable. */
export declare function toCurl(method: string, url: string, headers: Record<string, string>, body?: string): string;
