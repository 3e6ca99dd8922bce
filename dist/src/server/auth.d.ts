export type AuthFailure = 'missing' | 'malformed' | 'alg-none' | 'wrong-alg' | 'expired' | 'bad-signature' | 'unknown-account';
export type AuthVerdict = {
    ok: true;
    account: string;
} | {
    ok: false;
    reason: AuthFailure; /** `sub` as claimed by an unverified token, if readable. */
    claimed?: string;
};
export declare class TokenAuthority {
    private readonly secret;
    sign(account: string, opts?: {
        expiresInSeconds?: number;
        issuedAt?: number;
    }): Promise<string>;
    /** A token that expired an hour ago (issued 25 hours ago with the usual 24 h lifetime). */
    signExpired(account: string): Promise<string>;
    verify(token: string | undefined, knownAccount: (uuid: string) => boolean): Promise<AuthVerdict>;
}
/** The token of a request: X-Auth-Token everywhere; `Authorization: Bearer` too where allowed (E08). */
export declare function tokenFromHeaders(headers: Record<string, string | string[] | undefined>, allowBearer: boolean): string | undefined;
