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
import { loadCareRows, type Window } from '../carefacts/load.ts';
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

/** Facts for every selected child, in child.id order. 15 queries, whatever the number of children. */
export async function loadTimescaleInputs(
  db: Db,
  selection: ChildSelection,
): Promise<LoadedChild[]> {
  const all: Window[] = [];
  const { children, rows } = await loadCareRows(db, selection, {
    periods: all,
    legalStatuses: all,
    placements: all,
    reviews: all,
    visits: all,
    health: all,
    sdqs: all,
    peps: all,
    missing: all,
    proceedings: all,
    pathwayPlans: all,
    leaverContacts: all,
    extensions: all,
    visitAgreements: all,
  });
  return children.map((c) => {
    const ps = rows.periods.get(c.id) ?? NONE;
    const pl = rows.placements.get(c.id) ?? NONE;
    const plansOf = rows.pathwayPlans.get(c.id) ?? NONE;
    const agreementsOf = new Map<number, VisitAgreement[]>();
    for (const [placementId, agreed, withdrawn] of rows.visitAgreements.get(c.id) ?? NONE) {
      const list = agreementsOf.get(placementId);
      if (list) list.push({ agreed, withdrawn });
      else agreementsOf.set(placementId, [{ agreed, withdrawn }]);
    }
    const sixteenth = birthdayAt(c.date_of_birth, 16);
    const lastEnd = ps.at(-1)?.[2] ?? null;
    const leftCareFrom16 = lastEnd !== null && lastEnd >= sixteenth ? lastEnd : null;
    let firstPlan: string | null = null;
    for (const [date] of plansOf) if (firstPlan === null || date < firstPlan) firstPlan = date;
    const since =
      leftCareFrom16 !== null && (firstPlan === null || leftCareFrom16 <= firstPlan)
        ? leftCareFrom16
        : firstPlan;
    const input: ChildTimescaleInput = {
      kind: 'child',
      childId: c.local_id,
      dateOfBirth: c.date_of_birth,
      periods: ps.map(([id, start, end, endReason]) => ({ id, start, end, endReason })),
      legalStatuses: (rows.legalStatuses.get(c.id) ?? NONE).map(
        ([id, periodOfCareId, status, start, end]) => ({ id, periodOfCareId, status, start, end }),
      ),
      placements: pl.map((p) => ({
        id: p[0],
        periodOfCareId: p[1],
        placeType: p[2],
        provider: p[3],
        postcode: p[4],
        urn: p[5],
        start: p[6],
        end: p[7],
        reasonForChange: p[8],
        categoryOfNeed: p[9],
      })),
      placementFlags: pl.map((p) => ({
        placementId: p[0],
        intendedToLastTo18: p[12],
        longTermFosterDesignated: p[13] ? p[6] : null,
        visitAgreements: agreementsOf.get(p[0]) ?? NONE,
        connectedPersonReg24: p[14],
      })),
      reviews: (rows.reviews.get(c.id) ?? NONE).flatMap(([, held]) =>
        held ? [{ date: held }] : [],
      ),
      visits: (rows.visits.get(c.id) ?? NONE).map(([date, seen, seenAlone]) => ({
        date,
        seen,
        seenAlone,
      })),
      healthAssessments: (rows.health.get(c.id) ?? NONE).map(([kind, date]) => ({ kind, date })),
      sdqs: (rows.sdqs.get(c.id) ?? NONE).flatMap(([date]) => (date ? [{ date }] : [])),
      peps: (rows.peps.get(c.id) ?? NONE).map(([kind, date]) => ({
        kind: kind === 'initial' ? 'started' : 'reviewed',
        date,
      })),
      // Only episodes of kind M (whereabouts unknown) need a return home interview.
      missingEpisodes: (rows.missing.get(c.id) ?? NONE).flatMap(
        ([id, kind, start, returned, interviewOffered]) =>
          kind === 'M' ? [{ id, start, returned, interviewOffered }] : [],
      ),
      careLeaver: since
        ? {
            since,
            pathwayPlanReviews: plansOf.map(([date]) => ({ date })),
            personalAdviserContacts: (rows.leaverContacts.get(c.id) ?? NONE).map(([date]) => ({
              date,
            })),
          }
        : null,
      careProceedings: (rows.proceedings.get(c.id) ?? NONE).map(([id, issued, concluded]) => ({
        id,
        issued,
        concluded,
      })),
      extensions: (rows.extensions.get(c.id) ?? NONE).map(
        ([rule, item_key, decision, new_due_date, reason, authoriser, authorised_on]) =>
          toExtension({
            rule,
            item_key,
            decision,
            new_due_date,
            reason,
            authoriser,
            authorised_on,
          }),
      ),
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
