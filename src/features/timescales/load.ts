// Loads one child's recorded facts for the timescales engine (src/domain/timescales).
// Mapping notes: PEP 'initial' → started; care-leaver support is taken to begin when the child's
// last period of care ended on or after the 16th birthday (or at the first pathway plan, if
// earlier); only missing episodes of kind 'M' (whereabouts unknown) need a return home interview.
// There is no extensions table yet, so no extensions are loaded.
import type { Db } from '../../db/connect.ts';
import { birthdayAt } from '../../domain/dates/index.ts';
import type { ChildTimescaleInput } from '../../domain/timescales/index.ts';

export type LoadTimescaleInput = (
  db: Db,
  childLocalId: string,
) => Promise<ChildTimescaleInput | undefined>;

export const loadTimescaleInput: LoadTimescaleInput = async (db, childLocalId) => {
  const c = await db
    .selectFrom('child')
    .select(['id', 'local_id', 'date_of_birth'])
    .where('local_id', '=', childLocalId)
    .executeTakeFirst();
  if (!c) return undefined;
  const byChild = { child: c.id };
  const [
    periods,
    legal,
    placements,
    reviews,
    visits,
    health,
    sdq,
    peps,
    missing,
    proceedings,
    plans,
    contacts,
  ] = await Promise.all([
    db
      .selectFrom('period_of_care')
      .selectAll()
      .where('child_id', '=', byChild.child)
      .orderBy('start_date')
      .execute(),
    db.selectFrom('legal_status').selectAll().where('child_id', '=', byChild.child).execute(),
    db.selectFrom('placement').selectAll().where('child_id', '=', byChild.child).execute(),
    db.selectFrom('review').select('held_date').where('child_id', '=', byChild.child).execute(),
    db.selectFrom('visit').selectAll().where('child_id', '=', byChild.child).execute(),
    db.selectFrom('health_assessment').selectAll().where('child_id', '=', byChild.child).execute(),
    db.selectFrom('sdq').select('sdq_date').where('child_id', '=', byChild.child).execute(),
    db.selectFrom('pep').selectAll().where('child_id', '=', byChild.child).execute(),
    db.selectFrom('missing_episode').selectAll().where('child_id', '=', byChild.child).execute(),
    db.selectFrom('care_proceedings').selectAll().where('child_id', '=', byChild.child).execute(),
    db.selectFrom('pathway_plan').selectAll().where('child_id', '=', byChild.child).execute(),
    db
      .selectFrom('care_leaver_contact')
      .selectAll()
      .where('child_id', '=', byChild.child)
      .execute(),
  ]);
  const sixteenth = birthdayAt(c.date_of_birth, 16);
  const last = periods.at(-1);
  const leftCareFrom16 =
    last?.end_date != null && last.end_date >= sixteenth ? last.end_date : null;
  const firstPlan = plans.map((p) => p.plan_date).sort()[0] ?? null;
  const since = [leftCareFrom16, firstPlan].filter((d): d is string => d !== null).sort()[0];
  return {
    kind: 'child',
    childId: c.local_id,
    dateOfBirth: c.date_of_birth,
    periods: periods.map((p) => ({
      id: p.id,
      start: p.start_date,
      end: p.end_date,
      endReason: p.end_reason,
    })),
    legalStatuses: legal.map((l) => ({
      id: l.id,
      periodOfCareId: l.period_of_care_id,
      status: l.status,
      start: l.start_date,
      end: l.end_date,
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
    })),
    placementFlags: placements.map((p) => ({
      placementId: p.id,
      intendedToLastTo18: p.intended_to_18,
      longTermFosterDesignated: p.long_term_designated ? p.start_date : null,
      // Not recorded yet: without the child's recorded agreement visits stay 3-monthly.
      childAgreesToSixMonthlyVisits: false,
      connectedPersonReg24: p.connected_person_reg24,
    })),
    reviews: reviews.flatMap((r) => (r.held_date ? [{ date: r.held_date }] : [])),
    visits: visits.map((v) => ({ date: v.visit_date, seen: v.seen, seenAlone: v.seen_alone })),
    healthAssessments: health.map((h) => ({ kind: h.kind, date: h.assessment_date })),
    sdqs: sdq.flatMap((s) => (s.sdq_date ? [{ date: s.sdq_date }] : [])),
    peps: peps.map((p) => ({
      kind: p.kind === 'initial' ? 'started' : 'reviewed',
      date: p.pep_date,
    })),
    missingEpisodes: missing
      .filter((m) => m.kind === 'M')
      .map((m) => ({
        id: m.id,
        start: m.start_date,
        returned: m.end_date,
        interviewOffered: m.return_interview_offered,
      })),
    careLeaver: since
      ? {
          since,
          pathwayPlanReviews: plans.map((p) => ({ date: p.plan_date })),
          personalAdviserContacts: contacts.map((x) => ({ date: x.contact_date })),
        }
      : null,
    careProceedings: proceedings.map((p) => ({
      id: p.id,
      issued: p.issue_date,
      concluded: p.final_order_date,
    })),
    extensions: [],
  };
};
