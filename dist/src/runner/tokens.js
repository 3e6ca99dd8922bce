import { SignJWT, decodeJwt } from 'jose';
import { randomBytes } from 'node:crypto';
const b64url = (value) => Buffer.from(value).toString('base64url');
function claimsOf(token) {
    try {
        return decodeJwt(token);
    }
    catch {
        return { sub: 'sipapp-conformance' };
    }
}
export async function forgeCredentials(realToken, expiredToken) {
    const claims = claimsOf(realToken);
    const [header, payload, signature] = realToken.split('.');
    const isJwt = Boolean(header && payload && signature);
    const unsigned = `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.`;
    const tamperedClaims = { ...claims, sub: `${String(claims.sub ?? 'x')}-tampered`, role: 'Admin' };
    // An opaque (non-JWT) token has no claims to tamper with; a near-copy of it would be a secret
    // the redactor cannot recognise, so its stand-in is random bytes of the same length.
    const tampered = isJwt
        ? `${header}.${b64url(JSON.stringify(tamperedClaims))}.${signature}`
        : randomBytes(Math.max(16, realToken.length)).toString('base64url').slice(0, Math.max(16, realToken.length));
    const wrongSecret = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(randomBytes(32));
    const credentials = [
        { kind: 'missing', describe: 'no X-Auth-Token header' },
        { kind: 'garbage', token: 'not-a-jwt', describe: 'a token that is not a JWT' },
        { kind: 'unsigned', token: unsigned, describe: 'the same claims, alg "none", no signature' },
        { kind: 'tampered', token: tampered, describe: 'changed claims under the original signature' },
        { kind: 'wrong-secret', token: wrongSecret, describe: 'the same claims signed with another secret' },
    ];
    if (expiredToken)
        credentials.push({ kind: 'expired', token: expiredToken, describe: 'an expired token' });
    return credentials;
}
//# sourceMappingURL=tokens.js.map