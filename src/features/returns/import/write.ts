// Writes a planned import into the record in ONE transaction, with one audit event. Idempotent by
// natural keys: a child by local id; a period of care by (child, start date), replaced with its legal
// statuses and placements when what the files say of it differs; every other fact by (child, its
// date and kind). What is already there is counted as unchanged and not written again.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import type { PlannedChild } from './plan.ts';

type Trx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}
export type ImportSummary = Record<string, Counts>;

const TABLES = [
  'child',
  'period_of_care',
  'legal_status',
  'placement',
  'review',
  'missing_episode',
  'sdq',
  'immunisation_status',
  'health_assessment',
  'conviction',
  'substance_misuse',
  'care_leaver_contact',
  'adoption_plan',
  'previous_permanence',
  'allocation',
] as const;

function chunks<T>(rows: readonly T[], n = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += n) out.push(rows.slice(i, i + n));
  return out;
}

export async function writeImport(
  db: Db,
  actor: Actor,
  plan: readonly PlannedChild[],
  detail: Record<string, unknown>,
): Promise<ImportSummary> {
  return db.transaction().execute(async (trx) => {
    const summary: ImportSummary = Object.fromEntries(
      TABLES.map((t) => [t, { created: 0, updated: 0, unchanged: 0, skipped: 0 }]),
    );
    const count = (t: (typeof TABLES)[number]): Counts => summary[t] as Counts;

    // Children
    const ids = new Map<string, number>();
    for (const part of chunks(
      plan.map((c) => c.localId),
      2000,
    )) {
      const rows = await trx
        .selectFrom('child')
        .select(['id', 'local_id'])
        .where('local_id', 'in', part)
        .execute();
      for (const r of rows) ids.set(r.local_id, r.id);
    }
    const newChildren = plan.filter((c) => !ids.has(c.localId));
    count('child').unchanged = plan.length - newChildren.length;
    for (const part of chunks(newChildren)) {
      const rows = await trx
        .insertInto('child')
        .values(
          part.map((c) => ({
            local_id: c.localId,
            upn: c.upn,
            first_name: '',
            last_name: c.localId,
            date_of_birth: c.dateOfBirth,
            sex: c.sex,
            ethnicity: c.ethnicity,
            uasc: c.uasc,
            uasc_start: c.uascStart,
            uasc_end: c.uascEnd,
            home_postcode: c.homePostcode,
          })),
        )
        .returning(['id', 'local_id'])
        .execute();
      for (const r of rows) ids.set(r.local_id, r.id);
      count('child').created += rows.length;
    }
    const childIds = [...ids.values()];
    const idOf = (c: PlannedChild): number => ids.get(c.localId) ?? -1;

    // Existing facts of these children, by natural key.
    const existing = await loadExisting(trx, childIds);

    // Periods of care, legal statuses, placements: new periods get ids from the sequence up front,
    // so all rows go in as a few multi-row inserts.
    type LegalRow = Insertable<Database['legal_status']>;
    type PlacementRow = Insertable<Database['placement']>;
    const newPeriods: Insertable<Database['period_of_care']>[] = [];
    const legalRows: LegalRow[] = [];
    const placementRows: PlacementRow[] = [];
    const replaced: number[] = [];
    const wanted: {
      childId: number;
      p: PlannedChild['facts']['periods'][number];
      legal: PlannedChild['facts']['legalStatuses'];
      places: PlannedChild['facts']['placements'];
      old: { id: number } | undefined;
    }[] = [];
    for (const c of plan) {
      const childId = idOf(c);
      for (const p of c.facts.periods) {
        const legal = c.facts.legalStatuses.filter((l) => l.periodOfCareId === p.id);
        const places = c.facts.placements.filter((l) => l.periodOfCareId === p.id);
        const sig = signature(
          p,
          legal,
          places.map((x) => ({ ...x, carerRef: x.carerRef ?? null })),
        );
        const old = existing.periods.get(`${String(childId)}|${p.start}`);
        if (old && old.sig === sig) {
          count('period_of_care').unchanged++;
          count('legal_status').unchanged += legal.length;
          count('placement').unchanged += places.length;
        } else wanted.push({ childId, p, legal, places, old });
      }
    }
    const fresh = wanted.filter((w) => !w.old).length;
    const seq =
      fresh === 0
        ? []
        : (
            await sql<{
              id: number;
            }>`select nextval('period_of_care_id_seq')::int as id from generate_series(1, ${fresh})`.execute(
              trx,
            )
          ).rows.map((r) => r.id);
    let next = 0;
    for (const { childId, p, legal, places, old } of wanted) {
      const cin = places[0]?.categoryOfNeed ?? 'N1';
      let periodId: number;
      if (old) {
        periodId = old.id;
        replaced.push(periodId);
        await trx
          .updateTable('period_of_care')
          .set((eb) => ({
            end_date: p.end,
            end_reason: p.endReason,
            category_of_need: cin,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', periodId)
          .execute();
        count('period_of_care').updated++;
      } else {
        periodId = seq[next++] ?? -1;
        newPeriods.push({
          id: periodId,
          child_id: childId,
          start_date: p.start,
          end_date: p.end,
          end_reason: p.endReason,
          category_of_need: cin,
        });
        count('period_of_care').created++;
      }
      for (const l of legal)
        legalRows.push({
          period_of_care_id: periodId,
          child_id: childId,
          status: l.status,
          start_date: l.start,
          end_date: l.end,
        });
      for (const x of places)
        placementRows.push({
          period_of_care_id: periodId,
          child_id: childId,
          place_type: x.placeType,
          place_provider: x.provider,
          category_of_need: x.categoryOfNeed,
          postcode: x.postcode,
          urn: x.urn,
          start_date: x.start,
          end_date: x.end,
          reason_for_change: x.reasonForChange,
          carer_ref: x.carerRef ?? null,
        });
      count('legal_status')[old ? 'updated' : 'created'] += legal.length;
      count('placement')[old ? 'updated' : 'created'] += places.length;
    }
    for (const part of chunks(replaced, 2000)) {
      await trx.deleteFrom('legal_status').where('period_of_care_id', 'in', part).execute();
      await trx.deleteFrom('placement').where('period_of_care_id', 'in', part).execute();
    }
    for (const part of chunks(newPeriods))
      await trx.insertInto('period_of_care').values(part).execute();
    for (const part of chunks(legalRows))
      await trx.insertInto('legal_status').values(part).execute();
    for (const part of chunks(placementRows))
      await trx.insertInto('placement').values(part).execute();

    // Everything else: insert what is not there yet.
    const add = async <R>(
      table: (typeof TABLES)[number],
      keys: Set<string>,
      items: { childId: number; key: string; row: R }[],
      insert: (rows: R[]) => Promise<unknown>,
    ): Promise<void> => {
      const todo: R[] = [];
      for (const it of items) {
        const k = `${String(it.childId)}|${it.key}`;
        if (keys.has(k)) count(table).unchanged++;
        else {
          keys.add(k);
          todo.push(it.row);
        }
      }
      for (const part of chunks(todo)) await insert(part);
      count(table).created += todo.length;
    };
    const each = <R>(f: (c: PlannedChild, id: number) => { key: string; row: R }[]) =>
      plan.flatMap((c) => f(c, idOf(c)).map((x) => ({ ...x, childId: idOf(c) })));

    await add(
      'review',
      existing.keys.review,
      each((c, id) =>
        c.reviews.map((r) => ({
          key: r.held,
          row: { child_id: id, held_date: r.held, participation: r.participation },
        })),
      ),
      (rows) => trx.insertInto('review').values(rows).execute(),
    );
    await add(
      'missing_episode',
      existing.keys.missing_episode,
      each((c, id) =>
        c.missing.map((m) => ({
          key: `${m.kind}|${m.start}`,
          row: { child_id: id, kind: m.kind, start_date: m.start, end_date: m.end },
        })),
      ),
      (rows) => trx.insertInto('missing_episode').values(rows).execute(),
    );
    await add(
      'sdq',
      existing.keys.sdq,
      each((c, id) =>
        c.sdq.map((s) => ({
          key: s.date,
          row: { child_id: id, sdq_date: s.date, score: s.score, reason: s.reason },
        })),
      ),
      (rows) => trx.insertInto('sdq').values(rows).execute(),
    );
    await add(
      'immunisation_status',
      existing.keys.immunisation_status,
      each((c, id) =>
        c.immunisations.map((s) => ({
          key: s.asAt,
          row: { child_id: id, as_at: s.asAt, up_to_date: s.upToDate },
        })),
      ),
      (rows) => trx.insertInto('immunisation_status').values(rows).execute(),
    );
    await add(
      'health_assessment',
      existing.keys.health_assessment,
      each((c, id) =>
        c.health.map((h) => ({
          key: `${h.kind}|${h.date}`,
          row: { child_id: id, kind: h.kind, assessment_date: h.date },
        })),
      ),
      (rows) => trx.insertInto('health_assessment').values(rows).execute(),
    );
    await add(
      'conviction',
      existing.keys.conviction,
      each((c, id) =>
        c.convictions.map((d) => ({ key: d, row: { child_id: id, conviction_date: d } })),
      ),
      (rows) => trx.insertInto('conviction').values(rows).execute(),
    );
    await add(
      'substance_misuse',
      existing.keys.substance_misuse,
      each((c, id) =>
        c.substance.map((s) => ({
          key: s.date,
          row: {
            child_id: id,
            identified_date: s.date,
            intervention_offered: s.offered,
            intervention_received: s.received,
          },
        })),
      ),
      (rows) => trx.insertInto('substance_misuse').values(rows).execute(),
    );
    await add(
      'care_leaver_contact',
      existing.keys.care_leaver_contact,
      each((c, id) =>
        c.contacts.map((k) => ({
          key: k.date,
          row: {
            child_id: id,
            contact_date: k.date,
            in_touch: k.inTouch,
            activity: k.activity,
            accommodation: k.accommodation,
          },
        })),
      ),
      (rows) => trx.insertInto('care_leaver_contact').values(rows).execute(),
    );
    await add(
      'adoption_plan',
      existing.keys.adoption_plan,
      each((c, id) =>
        c.adoptions.map((a) => ({
          key: a.decision,
          row: {
            child_id: id,
            decision_date: a.decision,
            matched_date: a.matched,
            decision_reversed_date: a.reversed,
            reversed_reason: a.reversedReason,
            adopted_by_foster_carer: a.byFosterCarer,
            adopter_count: a.adopterCount,
            adopter_sexes: a.adopterSexes,
            adopter_legal_status: a.adopterLegalStatus,
          },
        })),
      ),
      (rows) => trx.insertInto('adoption_plan').values(rows).execute(),
    );
    await add(
      'previous_permanence',
      existing.keys.previous_permanence,
      each((c, id) =>
        c.prevPerm.map((p) => ({
          key: p.prevPerm,
          row: {
            child_id: id,
            prev_perm: p.prevPerm,
            order_date: p.date,
            order_date_partial: p.partial,
            la_code: p.laCode,
          },
        })),
      ),
      (rows) => trx.insertInto('previous_permanence').values(rows).execute(),
    );

    // Social worker episodes → allocations, where a user has that SW_ID.
    const swIds = [...new Set(plan.flatMap((c) => c.allocations.map((a) => a.swId)))];
    const users = new Map<string, number>();
    for (const part of chunks(swIds, 2000)) {
      const rows = await trx
        .selectFrom('app_user')
        .select(['id', 'sw_id'])
        .where('sw_id', 'in', part)
        .execute();
      for (const r of rows) if (r.sw_id) users.set(r.sw_id, r.id);
    }
    const allocations = each((c, id) =>
      c.allocations.flatMap((a) => {
        const user = users.get(a.swId);
        if (user === undefined) {
          count('allocation').skipped++;
          return [];
        }
        return [
          {
            key: `${String(user)}|${a.start}`,
            row: {
              child_id: id,
              user_id: user,
              role: 'social_worker' as const,
              start_date: a.start,
              end_date: a.end,
              end_reason: a.reason,
            },
          },
        ];
      }),
    );
    await add('allocation', existing.keys.allocation, allocations, (rows) =>
      trx.insertInto('allocation').values(rows).execute(),
    );

    await audit(trx, actor, {
      action: 'import',
      recordType: '903-return',
      detail: { ...detail, summary },
    });
    return summary;
  });
}

function signature(
  p: { end: string | null; endReason: string | null },
  legal: readonly { status: string; start: string; end: string | null }[],
  places: readonly {
    placeType: string;
    provider: string | null;
    postcode: string | null;
    urn: string | null;
    start: string;
    end: string | null;
    reasonForChange: string | null;
    categoryOfNeed: string;
    carerRef: string | null;
  }[],
): string {
  const l = [...legal]
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .map((x) => [x.status, x.start, x.end].join(','));
  const pl = [...places]
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .map((x) =>
      [
        x.placeType,
        x.provider,
        x.postcode,
        x.urn,
        x.start,
        x.end,
        x.reasonForChange,
        x.categoryOfNeed,
        x.carerRef,
      ].join(','),
    );
  return [p.end, p.endReason, ...l, '#', ...pl].join(';');
}

async function loadExisting(trx: Trx, childIds: readonly number[]) {
  const periods = new Map<string, { id: number; sig: string }>();
  const keys = {
    review: new Set<string>(),
    missing_episode: new Set<string>(),
    sdq: new Set<string>(),
    immunisation_status: new Set<string>(),
    health_assessment: new Set<string>(),
    conviction: new Set<string>(),
    substance_misuse: new Set<string>(),
    care_leaver_contact: new Set<string>(),
    adoption_plan: new Set<string>(),
    previous_permanence: new Set<string>(),
    allocation: new Set<string>(),
  };
  for (const part of chunks(childIds, 2000)) {
    const [ps, ls, pls, rv, ms, sq, im, ha, cv, sm, cl, ap, pp, al] = await Promise.all([
      trx.selectFrom('period_of_care').selectAll().where('child_id', 'in', part).execute(),
      trx.selectFrom('legal_status').selectAll().where('child_id', 'in', part).execute(),
      trx.selectFrom('placement').selectAll().where('child_id', 'in', part).execute(),
      trx
        .selectFrom('review')
        .select(['child_id', 'held_date'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('missing_episode')
        .select(['child_id', 'kind', 'start_date'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('sdq')
        .select(['child_id', 'sdq_date'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('immunisation_status')
        .select(['child_id', 'as_at'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('health_assessment')
        .select(['child_id', 'kind', 'assessment_date'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('conviction')
        .select(['child_id', 'conviction_date'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('substance_misuse')
        .select(['child_id', 'identified_date'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('care_leaver_contact')
        .select(['child_id', 'contact_date'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('adoption_plan')
        .select(['child_id', 'decision_date'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('previous_permanence')
        .select(['child_id', 'prev_perm'])
        .where('child_id', 'in', part)
        .execute(),
      trx
        .selectFrom('allocation')
        .select(['child_id', 'user_id', 'start_date'])
        .where('role', '=', 'social_worker')
        .where('child_id', 'in', part)
        .execute(),
    ]);
    for (const p of ps) {
      const legal = ls
        .filter((l) => l.period_of_care_id === p.id)
        .map((l) => ({ status: l.status, start: l.start_date, end: l.end_date }));
      const places = pls
        .filter((x) => x.period_of_care_id === p.id)
        .map((x) => ({
          placeType: x.place_type,
          provider: x.place_provider,
          postcode: x.postcode,
          urn: x.urn,
          start: x.start_date,
          end: x.end_date,
          reasonForChange: x.reason_for_change,
          categoryOfNeed: x.category_of_need,
          carerRef: x.carer_ref,
        }));
      periods.set(`${String(p.child_id)}|${p.start_date}`, {
        id: p.id,
        sig: signature({ end: p.end_date, endReason: p.end_reason }, legal, places),
      });
    }
    const put = (set: Set<string>, child: number, key: string) =>
      set.add(`${String(child)}|${key}`);
    for (const r of rv) if (r.held_date) put(keys.review, r.child_id, r.held_date);
    for (const r of ms) put(keys.missing_episode, r.child_id, `${r.kind}|${r.start_date}`);
    for (const r of sq) if (r.sdq_date) put(keys.sdq, r.child_id, r.sdq_date);
    for (const r of im) put(keys.immunisation_status, r.child_id, r.as_at);
    for (const r of ha) put(keys.health_assessment, r.child_id, `${r.kind}|${r.assessment_date}`);
    for (const r of cv) put(keys.conviction, r.child_id, r.conviction_date);
    for (const r of sm) put(keys.substance_misuse, r.child_id, r.identified_date);
    for (const r of cl) put(keys.care_leaver_contact, r.child_id, r.contact_date);
    for (const r of ap) put(keys.adoption_plan, r.child_id, r.decision_date);
    for (const r of pp) put(keys.previous_permanence, r.child_id, r.prev_perm);
    for (const r of al) put(keys.allocation, r.child_id, `${String(r.user_id)}|${r.start_date}`);
  }
  return { periods, keys };
}
