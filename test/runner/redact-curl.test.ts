import t from 'tap';
import { execFileSync } from 'node:child_process';
import { Redactor } from '../../src/runner/redact.ts';
import { toCurl } from '../../src/runner/curl.ts';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'acct-a' })}.c2lnbmF0dXJlLWE`;
const TOKEN_B = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'acct-b' })}.c2lnbmF0dXJlLWI`;
const OTHER_JWT = `${b64({ alg: 'none' })}.${b64({ sub: 'x' })}.`;

t.test('Redactor: known tokens become their shell variables', async (t) => {
  const r = new Redactor().add(TOKEN, '$SIPAPP_TOKEN').add(TOKEN_B, '$SIPAPP_TOKEN_B');
  t.equal(r.text(`token=${TOKEN} and ${TOKEN_B}`), 'token=$SIPAPP_TOKEN and $SIPAPP_TOKEN_B');
  t.equal(r.text('nothing secret'), 'nothing secret');
  const opaque = new Redactor().add('opaque-secret-123', '$SIPAPP_TOKEN');
  t.equal(opaque.text('x opaque-secret-123 y opaque-secret-123'), 'x $SIPAPP_TOKEN y $SIPAPP_TOKEN', 'non-JWT tokens too, every occurrence');
  t.equal(new Redactor().add(undefined, '$X').add('', '$Y').text('a'), 'a', 'missing secrets are ignored');
});

t.test('Redactor: any JWT-shaped string becomes <redacted-jwt>', async (t) => {
  const r = new Redactor().add(TOKEN, '$SIPAPP_TOKEN');
  t.equal(r.text(`forged ${OTHER_JWT} end`), 'forged <redacted-jwt> end', 'unsigned (empty signature) too');
  t.equal(r.text(`{"token":"${b64({ a: 1 })}.${b64({ b: 2 })}.sig"}`), '{"token":"<redacted-jwt>"}');
  const tampered = `${TOKEN.split('.')[0]}.${b64({ sub: 'acct-a-tampered' })}.${TOKEN.split('.')[2]}`;
  t.equal(r.text(tampered), '<redacted-jwt>', 'the real signature under other claims');
  t.notMatch(r.text(`a ${TOKEN} b ${OTHER_JWT}`), /eyJ/);
});

t.test('Redactor: secret headers', async (t) => {
  const r = new Redactor().add(TOKEN, '$SIPAPP_TOKEN');
  t.same(r.headers({
    'X-Auth-Token': TOKEN,
    authorization: `Bearer ${OTHER_JWT}`,
    cookie: 'session=abc123',
    'proxy-authorization': 'Basic dXNlcjpwdw==',
    'content-type': 'application/json',
    'x-debug': `echo ${TOKEN}`,
    'x-auth-token-empty': '',
  }), {
    'X-Auth-Token': '$SIPAPP_TOKEN',
    authorization: 'Bearer <redacted-jwt>',
    cookie: '<redacted 14 chars>',
    'proxy-authorization': '<redacted 18 chars>',
    'content-type': 'application/json',
    'x-debug': 'echo $SIPAPP_TOKEN',
    'x-auth-token-empty': '',
  });
  t.same(r.headers({ 'x-auth-token': 'not-a-jwt' }), { 'x-auth-token': '<redacted 9 chars>' }, 'an unknown value says only its length');
  t.same(r.headers({ 'x-auth-token': '' }), { 'x-auth-token': '' }, 'an empty secret header stays empty');
});

t.test('Redactor.deep', async (t) => {
  const r = new Redactor().add(TOKEN, '$SIPAPP_TOKEN');
  t.same(r.deep({ token: TOKEN, nested: [{ forged: OTHER_JWT }], n: 1 }), { token: '$SIPAPP_TOKEN', nested: [{ forged: '<redacted-jwt>' }], n: 1 });
  t.equal(r.deep(undefined), null);
});

/** Run a curl command line through bash with `curl` replaced by a function printing its arguments, one per NUL. */
function shellArgs(command: string, env: Record<string, string> = {}): string[] {
  const out = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

t.test('toCurl: the shell sees exactly the request', async (t) => {
  const body = `{"name":"it's a 'quoted' name","note":"$HOME \`id\` \\\\ \\"x\\""}`;
  const cmd = toCurl('POST', "https://api.example/rest/sip/app?q='1'", { 'x-auth-token': '$SIPAPP_TOKEN', 'content-type': 'application/json' }, body);
  t.match(cmd, /^curl -sS -X POST 'https:\/\/api\.example\/rest\/sip\/app\?q='\\''1'\\'''/);
  t.match(cmd, /-H "x-auth-token: \$SIPAPP_TOKEN"/, '$SIPAPP_TOKEN is left expandable');
  t.match(cmd, /--data-binary '/);
  const args = shellArgs(cmd, { SIPAPP_TOKEN: 'the-real-token', HOME: '/should/not/expand' });
  t.same(args, [
    '-sS', '-X', 'POST', "https://api.example/rest/sip/app?q='1'",
    '-H', 'x-auth-token: the-real-token',
    '-H', 'content-type: application/json',
    '--data-binary', body,
  ], 'single quotes in the body survive; $HOME and backticks in the body are not expanded; the token variable is');
});

t.test('toCurl: header values other than $SIPAPP_TOKEN are literal', async (t) => {
  const cmd = toCurl('GET', 'http://h/x', { 'x-note': 'cost $5 "quoted" `id` back\\slash', 'x-auth-token': '$SIPAPP_TOKEN_B' });
  t.notMatch(cmd, /--data-binary/, 'no body, no --data-binary');
  const args = shellArgs(cmd, { SIPAPP_TOKEN_B: 'tok-b' });
  t.same(args, ['-sS', '-X', 'GET', 'http://h/x', '-H', 'x-note: cost $5 "quoted" `id` back\\slash', '-H', 'x-auth-token: tok-b']);
  t.same(shellArgs(toCurl('DELETE', 'http://h/x', {}, '')), ['-sS', '-X', 'DELETE', 'http://h/x', '--data-binary', ''], 'an empty body is still sent');
});
