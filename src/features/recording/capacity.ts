// Whether a fostering household, a children's home or a 16+ supported accommodation service can
// take a child from a date. Each locks the carer's row first (SELECT ... FOR UPDATE) and then counts
// the placements open on that date (end_date is exclusive), so two placements into its last free
// place, bed or place cannot both pass: the second waits for the first to commit and then counts it.
// A household must be approved (or under Regulation 24 temporary approval) with the child's age in
// its range; a home or service must be open on the date.
import { ageOn, formatUkDate } from '../../domain/dates/index.ts';
import type { Trx } from './childLock.ts';
import type { FieldProblem } from './fields.ts';

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * Placements open on `from` with the household, home or service, other than the child's own (for a
 * service, the count of homes/occupancy.ts placedInService, less the child).
 */
async function othersPlaced(
  trx: Trx,
  column: 'fostering_household_id' | 'home_id' | 'supported_accommodation_id',
  id: number,
  childId: number,
  from: string,
): Promise<number> {
  const taken = await trx
    .selectFrom('placement')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(column, '=', id)
    .where('child_id', '<>', childId)
    .where('start_date', '<=', from)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', from)]))
    .executeTakeFirstOrThrow();
  return Number(taken.n);
}

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
  if (
    (await othersPlaced(trx, 'fostering_household_id', householdId, childId, from)) >=
    h.approved_places
  )
    return [
      {
        field,
        message: `${h.name} has no free place on ${formatUkDate(from)}: all ${String(h.approved_places)} approved places are taken`,
      },
    ];
  return [];
}

/** A children's home: open on `from`, and a bed free (its beds against placements open that day). */
export async function homeProblems(
  trx: Trx,
  homeId: number,
  childId: number,
  from: string,
): Promise<FieldProblem[]> {
  const home = await trx
    .selectFrom('home')
    .select(['id', 'name', 'beds', 'closed_on'])
    .where('id', '=', homeId)
    .forUpdate()
    .executeTakeFirst();
  const field = 'homeId';
  if (!home) return [{ field, message: 'Select a home from the list' }];
  if (home.closed_on !== null && home.closed_on <= from)
    return [{ field, message: `${home.name} closed on ${formatUkDate(home.closed_on)}` }];
  if ((await othersPlaced(trx, 'home_id', homeId, childId, from)) >= home.beds)
    return [
      {
        field,
        message: `${home.name} has no free bed on ${formatUkDate(from)}: all ${plural(home.beds, 'bed is', 'beds are')} taken`,
      },
    ];
  return [];
}

/**
 * A 16+ supported accommodation service: open on `from`, and a place free (its places against the
 * placements linked to it open that day, less the child's own).
 */
export async function supportedProblems(
  trx: Trx,
  serviceId: number,
  childId: number,
  from: string,
): Promise<FieldProblem[]> {
  const field = 'supportedAccommodationId';
  const locked = await trx
    .selectFrom('supported_accommodation')
    .select(['id', 'name', 'places', 'closed_on'])
    .where('id', '=', serviceId)
    .forUpdate()
    .executeTakeFirst();
  if (!locked)
    return [{ field, message: 'Select a supported accommodation service from the list' }];
  if (locked.closed_on !== null && locked.closed_on <= from)
    return [{ field, message: `${locked.name} closed on ${formatUkDate(locked.closed_on)}` }];
  // Counted after the lock is held, so a placement committed while this one waited is counted.
  const others = await othersPlaced(trx, 'supported_accommodation_id', serviceId, childId, from);
  if (others >= locked.places)
    return [
      {
        field,
        message: `${locked.name} has no free place on ${formatUkDate(from)}: all ${plural(locked.places, 'place is', 'places are')} taken`,
      },
    ];
  return [];
}
