import type { OperationId } from '../spec/operations.ts';
import type { ObservedResponse } from './observed.ts';

/**
 * A network that resets a connection after the server handled the request loses the answer,
 * not the change: the request sent again then meets the state the first attempt left. This is
 * the one place that says what such an answer means, for hand-written cases, the model and the
 * ledger alike:
 * - remove: 404, the first attempt removed the app;
 * - lease change: 409, the first attempt already added (E68) or released (E75) the leases.
 * Modify and call flows are answered alike the second time; a create is never sent again
 * blindly (case-context.ts looks the app up by its unique name instead).
 */
const APPLIED_STATUS: Partial<Record<OperationId, number>> = {
  RemoveSIPControlAppByUUID: 404,
  AssignTNLeasesToSIPControlApp: 409,
};

/**
 * True when the answer came to a request sent again after a lost answer and has the status that
 * says the lost attempt was applied. Whether that is how to read it (a status the situation allows
 * anyway keeps its ordinary meaning) is `lostAttemptApplied` in status-code.ts.
 */
export function resendMetAppliedState(res: Pick<ObservedResponse, 'operation' | 'status' | 'lostAnswers'>): boolean {
  return Boolean(res.lostAnswers) && res.operation !== undefined && APPLIED_STATUS[res.operation] === res.status;
}
