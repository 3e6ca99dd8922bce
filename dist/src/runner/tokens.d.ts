/**
 * Bad credentials derived from the real token, so that a server which checks
 * only the shape, only the claims, or only that a header is present is caught.
 * None of these needs the server's secret.
 */
export type ForgedKind = 'missing' | 'garbage' | 'unsigned' | 'tampered' | 'wrong-secret' | 'expired';
export interface Credential {
    kind: ForgedKind | 'valid';
    /** undefined = send no X-Auth-Token header at all. */
    token?: string;
    describe: string;
}
export declare function forgeCredentials(realToken: string, expiredToken?: string): Promise<Credential[]>;
