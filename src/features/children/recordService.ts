// One child's record: every fact recorded about them, the 903 episodes and due items derived from
// those facts, read in one transaction with the 'read' audit event. A child outside the actor's
// scope, or not there at all, is "not found" (never "forbidden").
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/connect.ts';
import { deriveEpisodes, type Episode } from '../../domain/care/index.ts';
import { dueItems, type DueItem } from '../../domain/timescales/index.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { carerRef } from '../returns/export/load.ts';
import { loadTimescaleInput } from '../timescales/load.ts';
import { childScope, type ScopeOptions } from './scope.ts';

/** Every fact recorded about one child, in one query (a JSON array per table, in date order). */
async function loadFacts(db: Db, childId: number) {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('period_of_care')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('start_date'),
      ).as('periods'),
      jsonArrayFrom(
        eb
          .selectFrom('legal_status')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('start_date'),
      ).as('legal'),
      jsonArrayFrom(
        eb
          .selectFrom('placement as p')
          .leftJoin('fostering_household as h', 'h.id', 'p.fostering_household_id')
          .leftJoin('home', 'home.id', 'p.home_id')
          .leftJoin('provider as pr', 'pr.id', 'p.provider_id')
          .selectAll('p')
          .select([
            'h.name as household_name',
            'home.name as home_name',
            'pr.name as provider_name',
          ])
          .where('p.child_id', '=', childId)
          .orderBy('p.start_date'),
      ).as('placements'),
      jsonArrayFrom(
        eb
          .selectFrom('allocation as a')
          .innerJoin('app_user as u', 'u.id', 'a.user_id')
          .leftJoin('team as t', 't.id', 'u.team_id')
          .selectAll('a')
          .select(['u.display_name', 'u.email', 'u.phone', 't.name as team_name'])
          .where('a.child_id', '=', childId)
          .orderBy('a.start_date'),
      ).as('allocations'),
      jsonArrayFrom(
        eb
          .selectFrom('review as r')
          .leftJoin('app_user as u', 'u.id', 'r.iro_id')
          .selectAll('r')
          .select('u.display_name as iro_name')
          .where('r.child_id', '=', childId)
          .orderBy('r.held_date')
          .orderBy('r.due_date'),
      ).as('reviews'),
      jsonArrayFrom(
        eb
          .selectFrom('visit as v')
          .leftJoin('app_user as u', 'u.id', 'v.worker_id')
          .selectAll('v')
          .select('u.display_name as worker_name')
          .where('v.child_id', '=', childId)
          .orderBy('v.visit_date'),
      ).as('visits'),
      jsonArrayFrom(
        eb
          .selectFrom('health_assessment')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('assessment_date'),
      ).as('health'),
      jsonArrayFrom(
        eb
          .selectFrom('immunisation_status')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('as_at'),
      ).as('immunisations'),
      jsonArrayFrom(
        eb.selectFrom('sdq').selectAll().where('child_id', '=', childId).orderBy('sdq_date'),
      ).as('sdqs'),
      jsonArrayFrom(
        eb
          .selectFrom('missing_episode')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('start_date'),
      ).as('missing'),
      jsonArrayFrom(
        eb
          .selectFrom('substance_misuse')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('identified_date'),
      ).as('substance'),
      jsonArrayFrom(
        eb
          .selectFrom('conviction')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('conviction_date'),
      ).as('convictions'),
      jsonArrayFrom(
        eb.selectFrom('pep').selectAll().where('child_id', '=', childId).orderBy('pep_date'),
      ).as('peps'),
      jsonArrayFrom(
        eb
          .selectFrom('care_proceedings')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('issue_date'),
      ).as('proceedings'),
      jsonArrayFrom(
        eb
          .selectFrom('adoption_plan')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('decision_date'),
      ).as('adoption'),
      jsonArrayFrom(
        eb
          .selectFrom('permanence_order')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('order_date'),
      ).as('orders'),
      jsonArrayFrom(
        eb.selectFrom('previous_permanence').selectAll().where('child_id', '=', childId),
      ).as('previous'),
      jsonArrayFrom(
        eb
          .selectFrom('pathway_plan')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('plan_date'),
      ).as('pathwayPlans'),
      jsonArrayFrom(
        eb
          .selectFrom('care_leaver_contact')
          .selectAll()
          .where('child_id', '=', childId)
          .orderBy('contact_date'),
      ).as('contacts'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

export type ChildFacts = Awaited<ReturnType<typeof loadFacts>>;

async function loadChild(db: Db, actor: Actor, childId: number, opts: ScopeOptions) {
  return db
    .selectFrom('child')
    .leftJoin('team', 'team.id', 'child.team_id')
    .selectAll('child')
    .select('team.name as team_name')
    .where('child.id', '=', childId)
    .where(childScope(actor, opts))
    .executeTakeFirst();
}

export type ChildRow = NonNullable<Awaited<ReturnType<typeof loadChild>>>;

export interface ChildRecord {
  child: ChildRow;
  facts: ChildFacts;
  episodes: Episode[];
  due: DueItem[];
  today: string;
}

/** The 903 episodes of a child, derived from the recorded facts (never stored). */
export function episodesOf(child: ChildRow, facts: ChildFacts): Episode[] {
  return deriveEpisodes(
    {
      childId: child.local_id,
      dateOfBirth: child.date_of_birth,
      periods: facts.periods.map((p) => ({
        id: p.id,
        start: p.start_date,
        end: p.end_date,
        endReason: p.end_reason,
      })),
      legalStatuses: facts.legal.map((l) => ({
        id: l.id,
        periodOfCareId: l.period_of_care_id,
        status: l.status,
        start: l.start_date,
        end: l.end_date,
      })),
      placements: facts.placements.map((p) => ({
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
        carerRef: carerRef(p),
      })),
    },
    { homePostcode: child.home_postcode },
  );
}

/**
 * Reads child `childId` for `actor` and audits the read (recordType 'child', with `section` saying
 * which part was viewed) in the same transaction. Throws NotFoundError outside scope.
 */
export async function readChildRecord(
  db: Db,
  actor: Actor,
  childId: number,
  opts: ScopeOptions & { today: string; section: string },
): Promise<ChildRecord> {
  requirePermission(actor, 'child:read');
  return db.transaction().execute(async (trx) => {
    const child = await loadChild(trx, actor, childId, opts);
    if (!child) throw new NotFoundError();
    const [facts, input] = await Promise.all([
      loadFacts(trx, childId),
      loadTimescaleInput(trx, child.local_id),
    ]);
    await audit(trx, actor, {
      action: 'read',
      recordType: 'child',
      recordId: childId,
      childId,
      detail: { section: opts.section },
    });
    return {
      child,
      facts,
      episodes: episodesOf(child, facts),
      due: input ? dueItems(input, opts.today) : [],
      today: opts.today,
    };
  });
}
