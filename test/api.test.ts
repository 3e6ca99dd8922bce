import t from 'tap';
import { runConformance, UsageError } from 'sipapp-conformance';

// The README's "Programmatic API" example, through the package's own entry point.
t.test('runConformance against the embedded reference server: the results bundle, exit code 0', async (t) => {
  const result = await runConformance({ suite: ['get'], reporter: ['json'], out: t.testdir() });
  t.equal(result.summary.exitCode, 0, 'the verdict');
  t.ok(result.cases.some((c) => c.id.startsWith('get.')), 'the get cases ran');
  t.ok(result.cases.every((c) => c.suite === 'get' || c.id === 'cleanup.run-resources'), 'only the selection (and the cleanup case)');
  t.equal(result.info.target.embedded, true, 'the embedded server was the target');
});

t.test('runConformance with a fault: exit code 1, the check named', async (t) => {
  const result = await runConformance({ suite: ['get'], reporter: [], out: t.testdir(), fault: 'get-unknown-200-null' });
  t.equal(result.summary.exitCode, 1);
  t.ok(result.cases.flatMap((c) => c.checks).some((o) => o.status === 'failed' && o.check === 'unknown-uuid-not-found'), 'unknown-uuid-not-found failed');
});

t.test('usage mistakes reject with UsageError before any request', async (t) => {
  const error = await runConformance({ baseUrl: 'https://api.example.invalid', reporter: [], out: t.testdir() }).then(() => undefined, (e: unknown) => e);
  t.ok(error instanceof UsageError, 'a UsageError (the CLI: one line, exit 2)');
  // No token and no such host: the address is the first thing to fix, and the token is mentioned.
  t.match((error as Error).message, /^cannot reach https:\/\/api\.example\.invalid: .*--token or SIPAPP_TOKEN will be needed too/);
});
