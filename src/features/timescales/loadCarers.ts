// Loads fostering households' facts for the timescales engine, many at once in a fixed number of
// queries. Mapping notes:
// - approved: approval_date for an approved or on-hold household (null while in assessment or
//   only temporarily approved under reg 24); resigned and deregistered households are not loaded;
// - reviews: foster_carer_review rows; when there are none but last_review_date is set, that one
//   review is used and the history is marked incomplete (the next review is due a year after it);
// - connected-person clocks: one per reg 24 placement (placement.connected_person_reg24) with the
//   household, from reg24_start; full approval is approval_date when on or after reg24_start; the
//   clock stops when that placement ends; the extension is the latest granted connected-person
//   extension recorded for the item (with the reg 25 steps).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type {
  CarerTimescaleInput,
  ConnectedPersonApproval,
} from '../../domain/timescales/index.ts';
import { toExtension } from './load.ts';

/** Which households: a condition over the `fostering_household` table. */
export type HouseholdSelection = Expression<SqlBool>;

export interface LoadedHousehold {
  id: number;
  name: string;
  supervisingWorkerId: number | null;
  input: CarerTimescaleInput;
}

function groupBy<K, T>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export const connectedPersonItemKey = (childLocalId: string, reg24Start: string) =>
  `child-${childLocalId}/${reg24Start}`;

export async function loadCarerInputs(
  db: Db,
  selection: HouseholdSelection,
): Promise<LoadedHousehold[]> {
  const where = sql<SqlBool>`(${selection}) and fostering_household.status not in ('resigned','deregistered')`;
  const ids = db.selectFrom('fostering_household').select('fostering_household.id').where(where);
  const [households, reviews, reg24, extensions] = await Promise.all([
    db
      .selectFrom('fostering_household')
      .select([
        'id',
        'name',
        'status',
        'approval_type',
        'approval_date',
        'reg24_start',
        'last_review_date',
        'supervising_worker_id',
      ])
      .where(where)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('foster_carer_review')
      .select(['household_id', 'review_date', 'panel_date'])
      .where('household_id', 'in', ids)
      .orderBy('review_date')
      .execute(),
    db
      .selectFrom('placement as p')
      .innerJoin('child as c', 'c.id', 'p.child_id')
      .select([
        'p.fostering_household_id as household_id',
        'c.local_id',
        'p.start_date',
        'p.end_date',
      ])
      .where('p.fostering_household_id', 'in', ids)
      .where('p.connected_person_reg24', '=', true)
      .orderBy('p.start_date')
      .execute(),
    db
      .selectFrom('timescale_extension as e')
      .leftJoin('app_user as u', 'u.id', 'e.authorised_by')
      .select([
        'e.household_id',
        'e.rule',
        'e.item_key',
        'e.decision',
        'e.new_due_date',
        'e.reason',
        'u.display_name as authoriser',
        'e.authorised_on',
        'e.nominated_officer_approved',
        'e.panel_views_sought',
        'e.iro_informed',
      ])
      .where('e.household_id', 'in', ids)
      .orderBy('e.authorised_on')
      .orderBy('e.id')
      .execute(),
  ]);
  const reviewsOf = groupBy(reviews, (r) => r.household_id);
  const reg24Of = groupBy(reg24, (r) => r.household_id ?? 0);
  const extensionsOf = groupBy(extensions, (e) => e.household_id ?? 0);
  return households.map((h) => {
    const approved =
      (h.status === 'approved' || h.status === 'on_hold') && h.approval_date !== null
        ? h.approval_date
        : null;
    const recorded = (reviewsOf.get(h.id) ?? []).map((r) => ({
      date: r.review_date,
      panelDate: r.panel_date,
    }));
    const incomplete = recorded.length === 0 && h.last_review_date !== null;
    const exts = extensionsOf.get(h.id) ?? [];
    const connectedPerson: ConnectedPersonApproval[] = [];
    if (h.reg24_start !== null) {
      const start = h.reg24_start;
      for (const p of reg24Of.get(h.id) ?? []) {
        if (p.end_date !== null && p.end_date < start) continue;
        const key = connectedPersonItemKey(p.local_id, start);
        let ext: (typeof exts)[number] | undefined;
        for (const e of exts)
          if (
            e.rule === 'connected-person-approval' &&
            e.item_key === key &&
            e.decision === 'granted'
          )
            ext = e;
        connectedPerson.push({
          childId: p.local_id,
          temporaryApproval: start,
          extension:
            ext?.new_due_date != null
              ? {
                  until: ext.new_due_date,
                  nominatedOfficerApproved: ext.nominated_officer_approved,
                  fosteringPanelViewsSought: ext.panel_views_sought,
                  iroInformed: ext.iro_informed,
                  reason: ext.reason,
                  authorisedBy: ext.authoriser ?? '',
                }
              : null,
          fullApproval:
            h.approval_date !== null && h.approval_date >= start && h.status !== 'reg24'
              ? h.approval_date
              : null,
          placementEnded: p.end_date,
        });
      }
    }
    const input: CarerTimescaleInput = {
      kind: 'carer',
      carerId: String(h.id),
      approved,
      deregistered: null,
      reviews:
        incomplete && h.last_review_date
          ? [{ date: h.last_review_date, panelDate: null }]
          : recorded,
      connectedPerson,
      extensions: exts
        .filter((e) => e.rule !== 'connected-person-approval')
        .map((e) => toExtension(e)),
    };
    if (incomplete) input.reviewHistoryIncomplete = true;
    return {
      id: h.id,
      name: h.name,
      supervisingWorkerId: h.supervising_worker_id,
      input,
    };
  });
}
