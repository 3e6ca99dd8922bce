/**
 * JWT tokens: HS256 with a random per-process secret. `sub` is the account uuid.
 * verifyToken classifies every failure so faults can decide to wave one through.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, decodeJwt, decodeProtectedHeader, errors } from 'jose';
export class TokenAuthority {
    secret = randomBytes(32);
    async sign(account, opts = {}) {
        const iat = opts.issuedAt ?? Math.floor(Date.now() / 1000);
        const exp = iat + (opts.expiresInSeconds ?? 24 * 3600);
        return new SignJWT({})
            .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
            .setSubject(account)
            .setIssuedAt(iat)
            .setExpirationTime(exp)
            .setIssuer('sipapp-reference-server')
            .sign(this.secret);
    }
    /** A token that expired an hour ago (issued 25 hours ago with the usual 24 h lifetime). */
    async signExpired(account) {
        return this.sign(account, { issuedAt: Math.floor(Date.now() / 1000) - 25 * 3600 });
    }
    async verify(token, knownAccount) {
        if (token === undefined || token.trim() === '')
            return { ok: false, reason: 'missing' };
        let claimed;
        let alg;
        try {
            alg = decodeProtectedHeader(token).alg;
            const sub = decodeJwt(token).sub;
            claimed = typeof sub === 'string' && knownAccount(sub) ? sub : undefined;
        }
        catch {
            return { ok: false, reason: 'malformed' };
        }
        if (alg === 'none' || alg === undefined)
            return { ok: false, reason: 'alg-none', claimed };
        if (alg !== 'HS256')
            return { ok: false, reason: 'wrong-alg', claimed };
        try {
            const { payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] });
            if (typeof payload.sub !== 'string' || !knownAccount(payload.sub))
                return { ok: false, reason: 'unknown-account' };
            return { ok: true, account: payload.sub };
        }
        catch (err) {
            if (err instanceof errors.JWTExpired)
                return { ok: false, reason: 'expired', claimed };
            if (err instanceof errors.JWSSignatureVerificationFailed)
                return { ok: false, reason: 'bad-signature', claimed };
            return { ok: false, reason: 'malformed', claimed };
        }
    }
}
/** The token of a request: X-Auth-Token everywhere; `Authorization: Bearer` too where allowed (E08). */
export function tokenFromHeaders(headers, allowBearer) {
    const first = (v) => (Array.isArray(v) ? v[0] : v);
    const x = first(headers['x-auth-token']);
    if (x !== undefined && x !== '')
        return x;
    if (allowBearer) {
        const auth = first(headers['authorization']);
        const m = auth === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(auth);
        if (m)
            return m[1];
    }
    return undefined;
}
//# sourceMappingURL=auth.js.map