// Loads recorded facts for the timescales engine (src/domain/timescales) for MANY children at once:
// one set-based query per table (a fixed number, whatever the number of children), grouped by child
// in memory. loadTimescaleInput (one child, by local id) is the same path with a one-child selection.
// Mapping notes: PEP 'initial' → started; care-leaver support is taken to begin when the child's
// last period of care ended on or after the 16th birthday (or at the first pathway plan, if
// earlier); only missing episodes of kind 'M' (whereabouts unknown) need a return home interview;
// extensions come from timescale_extension with the authoriser's display name; the child's
// agreements to 6-monthly visits (reg 28(3A)) from visit_agreement, by placement.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { birthdayAt } from '../../domain/dates/index.ts';
import type {
  ChildTimescaleInput,
  Extension,
  RuleId,
  VisitAgreement,
} from '../../domain/timescales/index.ts';

/** Which children: a condition over the `child` table (e.g. childScope(actor, opts)), or ids. */
export type ChildSelection = Expression<SqlBool> | { ids: readonly number[] };

export interface LoadedChild {
  /** child.id */
  id: number;
  localId: string;
  name: string;
  teamId: number | null;
  input: ChildTimescaleInput;
}

export type LoadTimescaleInput = (
  db: Db,
  childLocalId: string,
) => Promise<ChildTimescaleInput | undefined>;

function condition(sel: ChildSelection): Expression<SqlBool> {
  if (!('ids' in sel)) return sel;
  if (sel.ids.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`child.id in (${sql.join(sel.ids.map((id) => sql.lit(Math.trunc(id))))})`;
}

function groupBy<T extends { child_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.child_id);
    if (list) list.push(r);
    else out.set(r.child_id, [r]);
  }
  return out;
}

const NONE: never[] = [];

/** Extension rows (child or household) as the engine's Extension. */
export function toExtension(r: {
  rule: string;
  item_key: string;
  decision: 'granted' | 'refused';
  new_due_date: string | null;
  reason: string;
  authoriser: string | null;
  authorised_on: string;
}): Extension {
  return {
    rule: r.rule as RuleId,
    item: r.item_key,
    decision: r.decision,
    newDue: r.new_due_date,
    reason: r.reason,
    authorisedBy: r.authoriser ?? '',
    date: r.authorised_on,
  };
}

/** Up to this many children, facts are fetched by id list (index lookups); beyond, by subquery. */
const ID_LIST_LIMIT = 5000;

/** Facts for every selected child, in child.id order. 15 queries, whatever the number of children. */
export async function loadTimescaleInputs(
  db: Db,
  selection: ChildSelection,
): Promise<LoadedChild[]> {
  const where = condition(selection);
  const children = await db
    .selectFrom('child')
    .select(['id', 'local_id', 'first_name', 'last_name', 'date_of_birth', 'team_id'])
    .where(where)
    .orderBy('id')
    .execute();
  if (children.length === 0) return [];
  // A small selection is fetched by its ids, so each table is read through its child_id index; a
  // large one by the same condition as a subquery (the planner then scans once and hashes).
  const ids =
    children.length <= ID_LIST_LIMIT
      ? children.map((c) => c.id)
      : db.selectFrom('child').select('child.id').where(where);
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
    extensions,
    agreements,
  ] = await Promise.all([
    db
      .selectFrom('period_of_care')
      .select(['id', 'child_id', 'start_date', 'end_date', 'end_reason'])
      .where('child_id', 'in', ids)
      .orderBy('start_date')
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
        'intended_to_18',
        'long_term_designated',
        'connected_person_reg24',
      ])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('review')
      .select(['child_id', 'held_date'])
      .where('child_id', 'in', ids)
      .where('held_date', 'is not', null)
      .execute(),
    db
      .selectFrom('visit')
      .select(['child_id', 'visit_date', 'seen', 'seen_alone'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('health_assessment')
      .select(['child_id', 'kind', 'assessment_date'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('sdq')
      .select(['child_id', 'sdq_date'])
      .where('child_id', 'in', ids)
      .where('sdq_date', 'is not', null)
      .execute(),
    db
      .selectFrom('pep')
      .select(['child_id', 'kind', 'pep_date'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('missing_episode')
      .select(['id', 'child_id', 'start_date', 'end_date', 'return_interview_offered'])
      .where('child_id', 'in', ids)
      .where('kind', '=', 'M')
      .execute(),
    db
      .selectFrom('care_proceedings')
      .select(['id', 'child_id', 'issue_date', 'final_order_date'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('pathway_plan')
      .select(['child_id', 'plan_date'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('care_leaver_contact')
      .select(['child_id', 'contact_date'])
      .where('child_id', 'in', ids)
      .execute(),
    db
      .selectFrom('timescale_extension as e')
      .leftJoin('app_user as u', 'u.id', 'e.authorised_by')
      .select([
        'e.child_id',
        'e.rule',
        'e.item_key',
        'e.decision',
        'e.new_due_date',
        'e.reason',
        'u.display_name as authoriser',
        'e.authorised_on',
      ])
      .where('e.child_id', 'in', ids)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('visit_agreement')
      .select(['child_id', 'placement_id', 'agreed_on', 'withdrawn_on'])
      .where('child_id', 'in', ids)
      .execute(),
  ]);
  const by = {
    periods: groupBy(periods),
    legal: groupBy(legal),
    placements: groupBy(placements),
    reviews: groupBy(reviews),
    visits: groupBy(visits),
    health: groupBy(health),
    sdq: groupBy(sdq),
    peps: groupBy(peps),
    missing: groupBy(missing),
    proceedings: groupBy(proceedings),
    plans: groupBy(plans),
    contacts: groupBy(contacts),
    extensions: groupBy(
      extensions.flatMap((e) => (e.child_id === null ? [] : [{ ...e, child_id: e.child_id }])),
    ),
  };
  const agreementsOf = new Map<number, VisitAgreement[]>();
  for (const a of agreements) {
    const v = { agreed: a.agreed_on, withdrawn: a.withdrawn_on };
    const list = agreementsOf.get(a.placement_id);
    if (list) list.push(v);
    else agreementsOf.set(a.placement_id, [v]);
  }
  return children.map((c) => {
    const ps = by.periods.get(c.id) ?? NONE;
    const pl = by.placements.get(c.id) ?? NONE;
    const plansOf = by.plans.get(c.id) ?? NONE;
    const sixteenth = birthdayAt(c.date_of_birth, 16);
    const last = ps.at(-1);
    const leftCareFrom16 =
      last?.end_date != null && last.end_date >= sixteenth ? last.end_date : null;
    let firstPlan: string | null = null;
    for (const p of plansOf)
      if (firstPlan === null || p.plan_date < firstPlan) firstPlan = p.plan_date;
    const since =
      leftCareFrom16 !== null && (firstPlan === null || leftCareFrom16 <= firstPlan)
        ? leftCareFrom16
        : firstPlan;
    const input: ChildTimescaleInput = {
      kind: 'child',
      childId: c.local_id,
      dateOfBirth: c.date_of_birth,
      periods: ps.map((p) => ({
        id: p.id,
        start: p.start_date,
        end: p.end_date,
        endReason: p.end_reason,
      })),
      legalStatuses: (by.legal.get(c.id) ?? NONE).map((l) => ({
        id: l.id,
        periodOfCareId: l.period_of_care_id,
        status: l.status,
        start: l.start_date,
        end: l.end_date,
      })),
      placements: pl.map((p) => ({
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
      placementFlags: pl.map((p) => ({
        placementId: p.id,
        intendedToLastTo18: p.intended_to_18,
        longTermFosterDesignated: p.long_term_designated ? p.start_date : null,
        visitAgreements: agreementsOf.get(p.id) ?? NONE,
        connectedPersonReg24: p.connected_person_reg24,
      })),
      reviews: (by.reviews.get(c.id) ?? NONE).flatMap((r) =>
        r.held_date ? [{ date: r.held_date }] : [],
      ),
      visits: (by.visits.get(c.id) ?? NONE).map((v) => ({
        date: v.visit_date,
        seen: v.seen,
        seenAlone: v.seen_alone,
      })),
      healthAssessments: (by.health.get(c.id) ?? NONE).map((h) => ({
        kind: h.kind,
        date: h.assessment_date,
      })),
      sdqs: (by.sdq.get(c.id) ?? NONE).flatMap((s) => (s.sdq_date ? [{ date: s.sdq_date }] : [])),
      peps: (by.peps.get(c.id) ?? NONE).map((p) => ({
        kind: p.kind === 'initial' ? 'started' : 'reviewed',
        date: p.pep_date,
      })),
      missingEpisodes: (by.missing.get(c.id) ?? NONE).map((m) => ({
        id: m.id,
        start: m.start_date,
        returned: m.end_date,
        interviewOffered: m.return_interview_offered,
      })),
      careLeaver: since
        ? {
            since,
            pathwayPlanReviews: plansOf.map((p) => ({ date: p.plan_date })),
            personalAdviserContacts: (by.contacts.get(c.id) ?? NONE).map((x) => ({
              date: x.contact_date,
            })),
          }
        : null,
      careProceedings: (by.proceedings.get(c.id) ?? NONE).map((p) => ({
        id: p.id,
        issued: p.issue_date,
        concluded: p.final_order_date,
      })),
      extensions: (by.extensions.get(c.id) ?? NONE).map(toExtension),
    };
    return {
      id: c.id,
      localId: c.local_id,
      name: `${c.first_name} ${c.last_name}`,
      teamId: c.team_id,
      input,
    };
  });
}

/** One child's facts by local id (the CLI and the child's record). */
export const loadTimescaleInput: LoadTimescaleInput = async (db, childLocalId) => {
  const [one] = await loadTimescaleInputs(db, sql<SqlBool>`child.local_id = ${childLocalId}`);
  return one?.input;
};
