import t from 'tap';
import { SignJWT, jwtVerify, decodeProtectedHeader, decodeJwt } from 'jose';
import { randomBytes } from 'node:crypto';
import { forgeCredentials } from '../../src/runner/tokens.ts';
import { NameFactory, newRunId, RUN_ID_PATTERN } from '../../src/runner/names.ts';

const SECRET = randomBytes(32);
const sign = (claims: Record<string, unknown>, exp = '1h') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime(exp).sign(SECRET);
const verifies = async (token: string | undefined, secret: Uint8Array) => {
  if (!token) return false;
  try { await jwtVerify(token, secret); return true; } catch { return false; }
};

t.test('forged credentials: none is the real token, none verifies', async (t) => {
  const real = await sign({ sub: 'acct-a', role: 'User' });
  t.ok(await verifies(real, SECRET), 'sanity: the real token verifies');
  const expired = await sign({ sub: 'acct-a' }, '-1h');
  const forged = await forgeCredentials(real, expired);
  t.same(forged.map((c) => c.kind), ['missing', 'garbage', 'unsigned', 'tampered', 'wrong-secret', 'expired']);
  for (const c of forged) {
    t.not(c.token, real, `${c.kind} is not the real token`);
    t.ok(c.describe.length > 0);
    t.notOk(await verifies(c.token, SECRET), `${c.kind} does not verify against the real secret`);
    t.notOk(await verifies(c.token, randomBytes(32)), `${c.kind} does not verify against another secret`);
  }
  const by = Object.fromEntries(forged.map((c) => [c.kind, c]));
  t.equal(by.missing!.token, undefined, 'missing sends no header');
  t.equal(by.garbage!.token, 'not-a-jwt');

  const unsigned = by.unsigned!.token!;
  t.same(decodeProtectedHeader(unsigned), { alg: 'none', typ: 'JWT' });
  t.ok(unsigned.endsWith('.'), 'empty signature');
  t.equal(decodeJwt(unsigned).sub, 'acct-a', 'the same claims');

  const tampered = by.tampered!.token!;
  t.equal(tampered.split('.')[2], real.split('.')[2], 'the original signature');
  t.equal(decodeJwt(tampered).sub, 'acct-a-tampered');

  const wrong = by['wrong-secret']!.token!;
  t.equal(decodeProtectedHeader(wrong).alg, 'HS256');
  t.same(decodeJwt(wrong), decodeJwt(real), 'the same claims');
  t.equal(by.expired!.token, expired);
  t.ok(decodeJwt(expired).exp! < Date.now() / 1000);
});

t.test('forged credentials: without an expired token, and for a token that is not a JWT', async (t) => {
  const forged = await forgeCredentials('opaque-api-key-XYZ');
  t.notOk(forged.some((c) => c.kind === 'expired'));
  for (const c of forged) t.not(c.token, 'opaque-api-key-XYZ', `${c.kind} differs`);
  const tampered = forged.find((c) => c.kind === 'tampered')!.token!;
  t.equal(tampered.length, 'opaque-api-key-XYZ'.length, 'tampered: a token of the same length');
  // Not a near-copy: the redactor could not recognise one, and it would leak all but a character of the secret.
  for (let i = 0; i + 6 <= 'opaque-api-key-XYZ'.length; i++) t.notOk(tampered.includes('opaque-api-key-XYZ'.slice(i, i + 6)), 'shares no 6 characters with the real token');
  const short = (await forgeCredentials('opaque-key-A')).find((c) => c.kind === 'tampered')!.token!;
  t.ok(short.length >= 16 && short !== 'opaque-key-A', 'a short opaque token gets a stand-in of at least 16 characters');
});

const codePoints = (s: string) => [...s].length;

t.test('run ids', async (t) => {
  const id = newRunId(new Date('2024-05-06T07:08:09Z'));
  t.match(id, RUN_ID_PATTERN);
  t.match(id, /^sct-20240506070809-[0-9a-f]{6}$/);
  t.not(newRunId(), newRunId(), 'random suffix');
});

t.test('NameFactory: names carry the run id and are fresh', async (t) => {
  const names = new NameFactory('sct-20240506070809-abcdef');
  const a = names.name('create');
  const b = names.name('create');
  t.match(a, /^sct-20240506070809-abcdef-create-\d+$/);
  t.not(a, b);
  const s = names.subdomain();
  t.match(s, /^sct-20240506070809-abcdef-s\d+$/);
  t.match(s, /^[a-z0-9-]+$/, 'host-name safe');
});

t.test('NameFactory.nameOfLength counts code points', async (t) => {
  const names = new NameFactory(newRunId());
  for (const [pad, bytes] of [['a', 1], ['é', 2], ['中', 3], ['😀', 4]] as const) {
    for (const length of [1, 10, 255, 256]) {
      const name = names.nameOfLength(length, pad);
      t.equal(codePoints(name), length, `${length} × ${pad}: ${length} code points`);
      if (length > 40) {
        t.ok(name.startsWith(names.runId), 'carries the run id');
        const padCount = [...name].filter((c) => c === pad).length;
        t.equal(Buffer.byteLength(name, 'utf8'), length - padCount + padCount * bytes, `${length} × ${pad}: ASCII prefix + ${bytes}-byte padding`);
      }
    }
  }
  const e255 = names.nameOfLength(255, 'é');
  t.equal(codePoints(e255), 255);
  t.ok(Buffer.byteLength(e255) > 255 * 1.5, `255 × é is well over 255 bytes (${Buffer.byteLength(e255)}), so a byte-counting server is caught`);
});

t.test('NameFactory.subdomainOfLength', async (t) => {
  const names = new NameFactory(newRunId());
  for (const length of [1, 3, 10, 255, 256]) {
    const s = names.subdomainOfLength(length);
    t.equal(codePoints(s), length, `${length}`);
    t.equal(Buffer.byteLength(s), length, 'ASCII only');
    t.match(s, /^[a-z0-9-]+$/);
  }
  t.ok(names.subdomainOfLength(255).startsWith(names.runId), 'long subdomains carry the run id');
  t.not(names.subdomainOfLength(3), names.subdomainOfLength(3), 'short ones are random');
});
