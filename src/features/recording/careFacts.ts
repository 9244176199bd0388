// A child's periods of care, legal statuses and placements as the domain's CareFacts (read inside
// the writing transaction, after the child's row is locked), and the check a change must pass:
// checkFacts on the facts WITH the change applied. Only problems the change introduces refuse it,
// so a record that already had a problem (for example from an import) can still be corrected.
import { checkFacts, type CareFacts, type FactProblem } from '../../domain/care/index.ts';
import type { FieldProblem } from './fields.ts';
import type { Trx } from './childLock.ts';

export async function loadCareFacts(
  trx: Trx,
  childId: number,
  dateOfBirth: string,
): Promise<CareFacts> {
  const [periods, statuses, placements] = await Promise.all([
    trx.selectFrom('period_of_care').selectAll().where('child_id', '=', childId).execute(),
    trx.selectFrom('legal_status').selectAll().where('child_id', '=', childId).execute(),
    trx.selectFrom('placement').selectAll().where('child_id', '=', childId).execute(),
  ]);
  return {
    childId: String(childId),
    dateOfBirth,
    periods: periods.map((p) => ({
      id: p.id,
      start: p.start_date,
      end: p.end_date,
      endReason: p.end_reason,
    })),
    legalStatuses: statuses.map((s) => ({
      id: s.id,
      periodOfCareId: s.period_of_care_id,
      status: s.status,
      start: s.start_date,
      end: s.end_date,
    })),
    placements: placements.map((p) => ({
      id: p.id,
      periodOfCareId: p.period_of_care_id,
      placeType: p.place_type,
      provider: p.place_provider,
      postcode: p.postcode,
      urn: p.urn,
      start: p.start_date,
      end: p.end_date,
      reasonForChange: p.reason_for_change,
      categoryOfNeed: p.category_of_need,
      carerRef:
        p.fostering_household_id !== null
          ? `household:${String(p.fostering_household_id)}`
          : p.home_id !== null
            ? `home:${String(p.home_id)}`
            : p.supported_accommodation_id !== null
              ? `supported:${String(p.supported_accommodation_id)}`
              : null,
    })),
  };
}

const key = (p: FactProblem) => `${p.record}:${String(p.id)}:${p.field}:${p.message}`;

/**
 * The problems `after` has that `before` did not, each put on a form field by `fieldOf` (which gets
 * the problem and answers a field name, falling back to `fallback`).
 */
export function newProblems(
  before: CareFacts,
  after: CareFacts,
  today: string,
  fieldOf: (p: FactProblem) => string | undefined,
  fallback: string,
): FieldProblem[] {
  const old = new Set(checkFacts(before, { today }).map(key));
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const p of checkFacts(after, { today })) {
    if (old.has(key(p)) || seen.has(p.message)) continue;
    seen.add(p.message);
    out.push({ field: fieldOf(p) ?? fallback, message: p.message });
  }
  return out;
}
