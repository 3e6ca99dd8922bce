import t from 'tap';
import { runCli } from '../cli/helpers.ts';

// `compare`'s usage mistakes: one line, exit 2, before any request is sent.
const cases: Array<[string, string[], RegExp, Record<string, string>?]> = [
  ['a reference that is no URL', ['compare', '--reference', 'ftp://example.org'], /--reference must be http\(s\) or "embedded"/],
  ['a reference URL without its token', ['compare', '--reference', 'http://127.0.0.1:9'], /--reference-token \(or SIPAPP_REFERENCE_TOKEN\) is required/],
  ['reference fixtures for the embedded reference', ['compare', '--reference-token', 'x'], /--reference embedded uses the reference server's own accounts/],
  ['a malformed reference lease', ['compare', '--reference', 'http://127.0.0.1:9', '--reference-token', 'x', '--reference-tnlease', 'nope'], /--reference-tnlease must be a lower-case uuid/],
  ['a report compare does not write', ['compare', '--reporter', 'tap'], /compare writes no tap report/],
  ['an unknown --fail-on', ['compare', '--fail-on', 'sometimes'], /fail-on/],
  ['a time budget', ['compare', '--budget', '30s'], /compare needs a --budget in requests/],
  ['an unknown candidate fault', ['compare', '--candidate-fault', 'no-such-fault'], /no-such-fault/],
  ['a malformed reference header', ['compare', '--reference-header', 'no colon'], /--reference-header/],
];

for (const [title, args, message, env] of cases) {
  t.test(title, async (t) => {
    const { code, err, out } = await runCli([...args, '--out', '/tmp/sipapp-compare-cli-test'], env);
    t.equal(code, 2, err);
    t.match(err, message);
    t.equal(err.trim().split('\n').length, 1, 'one line');
    t.equal(out, '');
  });
}

t.test('the reference twins have environment forms every command accepts', async (t) => {
  const { code, err } = await runCli(['list', '--suite', 'list'], { SIPAPP_REFERENCE_TOKEN: 'x', SIPAPP_REFERENCE: 'http://127.0.0.1:9', SIPAPP_FAIL_ON: 'spec' });
  t.equal(code, 0);
  t.notMatch(err, /unknown environment variable/);
});
