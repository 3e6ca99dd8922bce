/**
 * What a refused request may change: nothing. One definition for hand-written cases and the
 * model alike: after an answer, the state to expect is what was applied on a success and what
 * was there before on a refusal (any 4xx) — never half of the request (E21, E20, E19, E75).
 */
export const refused = (status: number): boolean => status >= 400 && status < 500;

export function stateAfter<T>(status: number, before: T, applied: T): T {
  return refused(status) ? before : applied;
}
