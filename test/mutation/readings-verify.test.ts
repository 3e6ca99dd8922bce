process.env.PACT_DO_NOT_TRACK ??= 'true';

import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READINGS, READING_PREFIX } from '../../src/server/index.ts';
import { verifyProvider } from '../../src/session/verify.ts';
import type { RunResult } from '../../src/results/model.ts';

// The contracts' half of "no false alarms": `verify` with defaults passes every reading `run`
// passes (test/mutation/readings.test.ts), and leaves nothing behind. Interactions that pin one
// of several accepted readings are Pact `pending`: a warning by default, a failure under --strict.

const scratch = mkdtempSync(join(tmpdir(), 'sipapp-readings-verify-'));
t.teardown(() => rmSync(scratch, { recursive: true, force: true }));

async function verify(reading: string, strict = false): Promise<RunResult> {
  const out = join(scratch, `${reading}${strict ? '-strict' : ''}`);
  const { result } = await verifyProvider({ fault: `${READING_PREFIX}${reading}`, out, reporters: [], strict });
  return result;
}

const problems = (r: RunResult) => r.cases.filter((c) => c.status !== 'passed')
  .map((c) => `${c.id}: ${c.reason ?? c.checks.filter((o) => o.status === 'failed').map((o) => o.message).join('; ')}`).slice(0, 5).join('\n') || 'none';

// One verifier at a time: Pact's native verifier is not meant to run concurrently in one process.
for (const r of READINGS) {
  t.test(`verify passes the reading ${r.name} (${r.errata.join(', ')})`, async (t) => {
    const result = await verify(r.name);
    t.equal(result.summary.exitCode, 0, `exit 0; not passing: ${problems(result)}`);
    t.equal(result.cases.find((c) => c.id === 'cleanup.run-resources')?.status, 'passed', 'nothing the provider states created is left');
  });
}

t.test('verify --strict fails the pending interaction a reading breaks, naming it', async (t) => {
  const lenient = await verify('remove-releases-leases');
  const pending = lenient.cases.find((c) => c.title === 'a request to remove an app that holds TN leases');
  t.equal(pending?.status, 'passed', 'by default the pinned 409 is not a failure…');
  t.ok(pending?.checks.some((o) => o.status === 'warning' && /pending: ERRATA E19/.test(o.rule)), '…but a warning that names E19');
  const strict = await verify('remove-releases-leases', true);
  t.equal(strict.summary.exitCode, 1, 'verify --strict fails');
  t.equal(strict.cases.find((c) => c.title === 'a request to remove an app that holds TN leases')?.status, 'failed');
});

t.test('verify waits out a rate-limited provider and says so', async (t) => {
  const result = await verify('rate-limited-429');
  t.equal(result.summary.exitCode, 0, `exit 0; not passing: ${problems(result)}`);
  t.ok(result.summary.throttling, 'the summary carries the throttling counts');
  t.comment(`throttling: ${JSON.stringify(result.summary.throttling)}`);
});
