import { isObject, preview } from './observed.ts';
import { fail, pass, type Verdict } from './verdict.ts';
import { STATUS, statusAllowed } from './status-code.ts';

/** The uuids of a TN lease list payload, or a reason it is not one. */
export function leaseUuids(payload: unknown): string[] | string {
  if (!Array.isArray(payload)) return `payload is not an array: ${preview(payload, 60)}`;
  const uuids: string[] = [];
  for (const lease of payload) {
    if (!isObject(lease) || typeof lease.uuid !== 'string') return `a lease without a uuid: ${preview(lease, 60)}`;
    uuids.push(lease.uuid);
  }
  return uuids;
}

/** The app's lease list holds exactly the expected leases: none missing, none extra, none twice. */
export function leasesExactly(payload: unknown, expected: string[], where: string): Verdict {
  const got = leaseUuids(payload);
  if (typeof got === 'string') return fail(`${where}: not a lease list`, `leases [${expected.join(', ')}]`, got);
  const missing = expected.filter((uuid) => !got.includes(uuid));
  const extra = got.filter((uuid) => !expected.includes(uuid));
  const twice = got.filter((uuid, i) => got.indexOf(uuid) !== i);
  if (missing.length + extra.length + twice.length === 0) return pass();
  const parts = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    extra.length ? `unexpected ${extra.join(', ')}` : '',
    twice.length ? `listed twice ${twice.join(', ')}` : '',
  ].filter(Boolean);
  return fail(`${where}: the lease list is not what was assigned`, expected.length ? `exactly [${expected.join(', ')}]` : 'an empty list', parts.join('; '));
}

/** `lease-assignment` (E20, `STATUS.leaseTaken`): assigning a lease another app holds either moves it (200) or is refused (4xx). */
export function takenLeaseMovedOrRefused(status: number): Verdict {
  return statusAllowed(STATUS.leaseTaken, status, false) ? pass() : fail('assigning a taken lease neither moved nor refused it', '200 (moved) or 4xx (refused)', `${status}`);
}
