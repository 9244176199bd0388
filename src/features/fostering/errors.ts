// Refusals raised by the fostering and Mockingbird services after the form's own checks passed. A
// page shows them in the GOV.UK error summary; the API answers 400 (with the field) or 409.
import { ProblemError } from '../../platform/http/problem.ts';

export class Refused extends Error {
  readonly field: string;
  constructor(message: string, field: string) {
    super(message);
    this.field = field;
  }
}

export const CONFLICT =
  'This record was changed by someone else since you opened it. Nothing you entered has been saved.';

export class Stale extends Error {
  readonly current: Record<string, unknown>;
  constructor(current: Record<string, unknown>) {
    super(CONFLICT);
    this.current = current;
  }
}

/** For API handlers: a refusal as 400 with the field, a stale version as 409 with current values. */
export async function asProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Refused)
      throw new ProblemError(400, 'Refused', err.message, [
        { field: err.field, message: err.message },
      ]);
    if (err instanceof Stale)
      throw new ProblemError(409, 'Conflict', err.message, undefined, { current: err.current });
    throw err;
  }
}

/** For pages: the GOV.UK error summary and field message of a refusal. */
export function refusalErrors(err: Refused | Stale) {
  const field = err instanceof Refused ? err.field : 'form';
  return {
    errorList: [{ text: err.message, href: `#${field}` }],
    errors: { [field]: { text: err.message } },
  };
}
