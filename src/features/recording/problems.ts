// Refusals a service raises after the form's own checks passed: problems tied to form fields (a page
// shows them in the GOV.UK error summary; the API answers 400 with the list), and a stale edit.
import type { FieldProblem } from './fields.ts';

export class RecordProblems extends Error {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.problems = problems;
  }
}

export const CONFLICT_MESSAGE =
  'This record was changed by someone else since you opened it. Nothing you entered has been saved.';

/** Someone else saved the record after `version` was read; `current` is what is stored now. */
export class StaleVersion extends Error {
  readonly current: Record<string, unknown>;
  constructor(current: Record<string, unknown>) {
    super(CONFLICT_MESSAGE);
    this.current = current;
  }
}

/** Dates of an event against the child's birth and today, as GOV.UK messages. */
export function dateProblems(
  dates: readonly { field: string; what: string; value: string | null }[],
  dateOfBirth: string,
  today: string,
  birth: string,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const d of dates) {
    if (d.value === null) continue;
    const What = d.what.charAt(0).toUpperCase() + d.what.slice(1);
    if (d.value < dateOfBirth)
      out.push({
        field: d.field,
        message: `${What} must be on or after the child’s date of birth (${birth})`,
      });
    else if (d.value > today)
      out.push({ field: d.field, message: `${What} must be today or in the past` });
  }
  return out;
}
