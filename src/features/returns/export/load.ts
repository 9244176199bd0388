// Reads the part of the care record a year's 903 return needs, in one set-based query per table
// (no per-child queries): children with a period of care overlapping the year or a care leaver
// contact in it, and all of their care history and events.
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { Database } from '../../../db/schema.ts';
import { collectionYearBounds } from '../../../domain/care/index.ts';
import type { ExportRecord } from './record.ts';

type Trx = Pick<Db, 'selectFrom'>;

export async function loadExportRecord(db: Trx, year: string): Promise<ExportRecord> {
  const { start, end } = collectionYearBounds(year);
  // Children in the return: looked after at some point in the year, or a care leaver contacted in it.
  const scope = (eb: ExpressionBuilder<Database, 'child'>) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('period_of_care as p')
          .select('p.id')
          .whereRef('p.child_id', '=', 'child.id')
          .where('p.start_date', '<=', end)
          .where((w) => w.or([w('p.end_date', 'is', null), w('p.end_date', '>=', start)])),
      ),
      eb.exists(
        eb
          .selectFrom('care_leaver_contact as k')
          .select('k.id')
          .whereRef('k.child_id', '=', 'child.id')
          .where('k.contact_date', '>=', start)
          .where('k.contact_date', '<=', end),
      ),
    ]);
  const ids = db.selectFrom('child').select('child.id').where(scope);

  const [
    children,
    periods,
    legalStatuses,
    placements,
    reviews,
    missing,
    sdq,
    convictions,
    health,
    immunisations,
    substance,
    adoptions,
    prevPerm,
    contacts,
    allocations,
    motherhood,
  ] = await Promise.all([
    db
      .selectFrom('child')
      .select([
        'id',
        'local_id',
        'sex',
        'date_of_birth',
        'ethnicity',
        'upn',
        'uasc',
        'uasc_end',
        'home_postcode',
      ])
      .where(scope)
      .execute(),
    db
      .selectFrom('period_of_care')
      .select(['id', 'child_id', 'start_date', 'end_date', 'end_reason'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('legal_status')
      .select(['id', 'child_id', 'period_of_care_id', 'status', 'start_date', 'end_date'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('placement')
      .select([
        'id',
        'child_id',
        'period_of_care_id',
        'place_type',
        'place_provider',
        'postcode',
        'urn',
        'start_date',
        'end_date',
        'reason_for_change',
        'category_of_need',
        'fostering_household_id',
        'home_id',
        'carer_ref',
      ])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('review')
      .select(['child_id', 'held_date', 'participation'])
      .where('child_id', 'in', ids)
      .where('held_date', '>=', start)
      .where('held_date', '<=', end)
      .execute(),
    db
      .selectFrom('missing_episode')
      .select(['child_id', 'kind', 'start_date', 'end_date'])
      .where('child_id', 'in', ids)
      .where('start_date', '>=', start)
      .where('start_date', '<=', end)
      .execute(),
    db
      .selectFrom('sdq')
      .select(['child_id', 'sdq_date', 'score', 'reason'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('conviction')
      .select(['child_id', 'conviction_date'])
      .where('child_id', 'in', ids)
      .where('conviction_date', '>=', start)
      .where('conviction_date', '<=', end)
      .execute(),
    db
      .selectFrom('health_assessment')
      .select(['child_id', 'kind', 'assessment_date'])
      .where('child_id', 'in', ids)
      .where('assessment_date', '>=', start)
      .where('assessment_date', '<=', end)
      .execute(),
    db
      .selectFrom('immunisation_status')
      .select(['child_id', 'as_at', 'up_to_date'])
      .where('child_id', 'in', ids)
      .where('as_at', '<=', end)
      .execute(),
    db
      .selectFrom('substance_misuse')
      .select(['child_id', 'identified_date', 'intervention_offered', 'intervention_received'])
      .where('child_id', 'in', ids)
      .where('identified_date', '>=', start)
      .where('identified_date', '<=', end)
      .execute(),
    db.selectFrom('adoption_plan').selectAll().where('child_id', 'in', ids).execute(),
    db
      .selectFrom('previous_permanence')
      .select(['child_id', 'prev_perm', 'order_date', 'order_date_partial', 'la_code'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('care_leaver_contact')
      .select(['child_id', 'contact_date', 'in_touch', 'activity', 'accommodation'])
      .where('child_id', 'in', ids)
      .where('contact_date', '>=', start)
      .where('contact_date', '<=', end)
      .execute(),
    db
      .selectFrom('allocation')
      .innerJoin('app_user', 'app_user.id', 'allocation.user_id')
      .select([
        'allocation.child_id',
        'app_user.sw_id',
        'allocation.start_date',
        'allocation.end_date',
        'allocation.end_reason',
      ])
      .where('allocation.role', '=', 'social_worker')
      .where('allocation.child_id', 'in', ids)
      .execute(),
    // A mother: a child of hers is recorded as her 'child' relation.
    db
      .selectFrom('child_relation as r')
      .innerJoin('child as baby', 'baby.id', 'r.related_child_id')
      .select(['r.child_id', 'baby.date_of_birth'])
      .where('r.kind', '=', 'child')
      .where('r.child_id', 'in', ids)
      .execute(),
  ]);

  return {
    children: children.map((c) => ({
      id: c.id,
      localId: c.local_id,
      sex: c.sex,
      dateOfBirth: c.date_of_birth,
      ethnicity: c.ethnicity,
      upn: c.upn,
      uasc: c.uasc,
      uascEnd: c.uasc_end,
      homePostcode: c.home_postcode,
    })),
    periods: periods.map((p) => ({
      id: p.id,
      childId: p.child_id,
      start: p.start_date,
      end: p.end_date,
      endReason: p.end_reason,
    })),
    legalStatuses: legalStatuses.map((l) => ({
      id: l.id,
      childId: l.child_id,
      periodId: l.period_of_care_id,
      status: l.status,
      start: l.start_date,
      end: l.end_date,
    })),
    placements: placements.map((p) => ({
      id: p.id,
      childId: p.child_id,
      periodId: p.period_of_care_id,
      placeType: p.place_type,
      provider: p.place_provider,
      postcode: p.postcode,
      urn: p.urn,
      start: p.start_date,
      end: p.end_date,
      reasonForChange: p.reason_for_change,
      categoryOfNeed: p.category_of_need,
      carerRef: carerRef(p),
    })),
    reviews: reviews.flatMap((r) =>
      r.held_date === null
        ? []
        : [{ childId: r.child_id, held: r.held_date, participation: r.participation }],
    ),
    missing: missing.map((m) => ({
      childId: m.child_id,
      kind: m.kind,
      start: m.start_date,
      end: m.end_date,
    })),
    sdq: sdq.map((s) => ({
      childId: s.child_id,
      date: s.sdq_date,
      score: s.score,
      reason: s.reason,
    })),
    convictions: convictions.map((c) => ({ childId: c.child_id, date: c.conviction_date })),
    health: health.map((h) => ({ childId: h.child_id, kind: h.kind, date: h.assessment_date })),
    immunisations: immunisations.map((i) => ({
      childId: i.child_id,
      asAt: i.as_at,
      upToDate: i.up_to_date,
    })),
    substance: substance.map((s) => ({
      childId: s.child_id,
      date: s.identified_date,
      offered: s.intervention_offered,
      received: s.intervention_received,
    })),
    adoptions: adoptions.map((a) => ({
      childId: a.child_id,
      decision: a.decision_date,
      matched: a.matched_date,
      reversed: a.decision_reversed_date,
      reversedReason: a.reversed_reason,
      byFosterCarer: a.adopted_by_foster_carer,
      adopterCount: a.adopter_count,
      adopterSexes: a.adopter_sexes,
      adopterLegalStatus: a.adopter_legal_status,
    })),
    prevPerm: prevPerm.map((p) => ({
      childId: p.child_id,
      prevPerm: p.prev_perm,
      date: p.order_date,
      datePartial: p.order_date_partial,
      laCode: p.la_code,
    })),
    contacts: contacts.map((k) => ({
      childId: k.child_id,
      date: k.contact_date,
      inTouch: k.in_touch,
      activity: k.activity,
      accommodation: k.accommodation,
    })),
    allocations: allocations.map((a) => ({
      childId: a.child_id,
      swId: a.sw_id,
      start: a.start_date,
      end: a.end_date,
      endReason: a.end_reason,
    })),
    motherhood: motherhood.map((m) => ({ childId: m.child_id, childDob: m.date_of_birth })),
  };
}

/** The carer key deriveEpisodes compares (RNE P vs T): the household or home, else a stored key. */
export function carerRef(p: {
  fostering_household_id: number | null;
  home_id: number | null;
  carer_ref: string | null;
}): string | null {
  if (p.fostering_household_id !== null) return `household:${String(p.fostering_household_id)}`;
  if (p.home_id !== null) return `home:${String(p.home_id)}`;
  return p.carer_ref;
}
