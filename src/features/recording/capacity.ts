// Whether a fostering household can take a child from a date: approved (or under Regulation 24
// temporary approval), the child's age within its approved range, and a free place (placements open
// on that date counted against approved places). The household's row is locked first (SELECT ...
// FOR UPDATE), so two placements into its last free place cannot both pass.
import { ageOn, formatUkDate } from '../../domain/dates/index.ts';
import type { Trx } from './childLock.ts';
import type { FieldProblem } from './fields.ts';

export async function householdProblems(
  trx: Trx,
  householdId: number,
  childId: number,
  dateOfBirth: string,
  from: string,
): Promise<FieldProblem[]> {
  const h = await trx
    .selectFrom('fostering_household')
    .select(['id', 'name', 'status', 'approved_places', 'age_min', 'age_max'])
    .where('id', '=', householdId)
    .forUpdate()
    .executeTakeFirst();
  const field = 'householdId';
  if (!h) return [{ field, message: 'Select a fostering household from the list' }];
  if (h.status !== 'approved' && h.status !== 'reg24')
    return [{ field, message: `${h.name} is not approved to foster` }];
  const age = from >= dateOfBirth ? ageOn(dateOfBirth, from) : 0;
  if (from >= dateOfBirth && (age < h.age_min || age > h.age_max))
    return [
      {
        field,
        message: `${h.name} is approved for children aged ${String(h.age_min)} to ${String(h.age_max)}; the child is ${String(age)} on ${formatUkDate(from)}`,
      },
    ];
  const taken = await trx
    .selectFrom('placement')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('fostering_household_id', '=', householdId)
    .where('child_id', '<>', childId)
    .where('start_date', '<=', from)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', from)]))
    .executeTakeFirstOrThrow();
  if (Number(taken.n) >= h.approved_places)
    return [
      {
        field,
        message: `${h.name} has no free place on ${formatUkDate(from)}: all ${String(h.approved_places)} approved places are taken`,
      },
    ];
  return [];
}
