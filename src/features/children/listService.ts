// The children list: search, filters, sort and paging, all in SQL with the actor's scope applied in
// the same query (design.md, principle 4). Each search is audited as a 'list' in its transaction.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

import { requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { meaning } from './codes.ts';
import type { ChildListFilters } from './listQuery.ts';
import { childScope, type ScopeOptions } from './scope.ts';
import { searchTerm } from './search.ts';

export const PAGE_SIZE = 50;

export interface ChildListRow {
  id: number;
  localId: string;
  name: string;
  dateOfBirth: string;
  enteredCare: string | null;
  leftCare: string | null;
  legalStatus: { code: string; meaning: string } | null;
  placement: { code: string; meaning: string } | null;
  socialWorker: string | null;
  team: string | null;
}

export interface ChildListPage {
  children: ChildListRow[];
  page: number;
  pageSize: number;
  total: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const openNow = (table: 'legal_status' | 'placement' | 'allocation') =>
  sql<boolean>`${sql.ref(`${table}.end_date`)} is null`;

/**
 * The children in scope that match the filters, with no joins: filters on what is current (legal
 * status, placement, worker) are EXISTS over the open rows, so counting and paging touch only
 * `child` and indexes. Details are joined afterwards for the one page of ids.
 */
function matching(db: Db, actor: Actor, f: ChildListFilters, opts: ScopeOptions) {
  let q = db.selectFrom('child').where(childScope(actor, opts));
  const term = searchTerm(f.q);
  if (term.kind === 'dob') q = q.where('child.date_of_birth', '=', term.date);
  if (term.kind === 'text') {
    const words = term.words;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['child.local_id']), '=', term.text.toLowerCase()),
        eb.and(
          words.map((w) => {
            const pattern = `${escapeLike(w)}%`;
            return eb.or([
              eb(eb.fn('lower', ['child.last_name']), 'like', pattern),
              eb(eb.fn('lower', ['child.first_name']), 'like', pattern),
              eb(eb.fn('lower', ['child.preferred_name']), 'like', pattern),
            ]);
          }),
        ),
      ]),
    );
  }
  if (f.team !== undefined) q = q.where('child.team_id', '=', f.team);
  const worker = f.worker;
  if (worker !== undefined)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('allocation')
          .select(sql`1`.as('one'))
          .whereRef('allocation.child_id', '=', 'child.id')
          .where('allocation.role', '=', 'social_worker')
          .where(openNow('allocation'))
          .where('allocation.user_id', '=', worker),
      ),
    );
  const legal = f.legal;
  if (legal !== undefined)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('legal_status')
          .select(sql`1`.as('one'))
          .whereRef('legal_status.child_id', '=', 'child.id')
          .where(openNow('legal_status'))
          .where('legal_status.status', '=', legal),
      ),
    );
  if (f.place !== undefined || f.area !== undefined) {
    const { place, area } = f;
    const local = sql<boolean>`exists (select 1 from local_postcode lp where lp.postcode = upper(replace(placement.postcode, ' ', '')))`;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('placement')
          .select(sql`1`.as('one'))
          .whereRef('placement.child_id', '=', 'child.id')
          .where(openNow('placement'))
          .$if(place !== undefined, (w) => w.where('placement.place_type', '=', place ?? ''))
          .$if(area !== undefined, (w) =>
            w
              .where('placement.postcode', 'is not', null)
              .where(area === 'in' ? local : sql<boolean>`not ${local}`),
          ),
      ),
    );
  }
  return q;
}

const enteredCare = sql<
  string | null
>`(select max(p.start_date) from period_of_care p where p.child_id = child.id)`;

/** The page's children with what is current: latest period of care, open legal status and placement, SW. */
function details(db: Db, ids: number[]) {
  return db
    .selectFrom('child')
    .where('child.id', 'in', ids)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('period_of_care')
          .select(['period_of_care.start_date', 'period_of_care.end_date'])
          .whereRef('period_of_care.child_id', '=', 'child.id')
          .orderBy('period_of_care.start_date', 'desc')
          .limit(1)
          .as('poc'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('legal_status')
          .select(['legal_status.status'])
          .whereRef('legal_status.child_id', '=', 'child.id')
          .where('legal_status.end_date', 'is', null)
          .orderBy('legal_status.start_date', 'desc')
          .limit(1)
          .as('ls'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('placement')
          .select(['placement.place_type'])
          .whereRef('placement.child_id', '=', 'child.id')
          .where('placement.end_date', 'is', null)
          .orderBy('placement.start_date', 'desc')
          .limit(1)
          .as('pl'),
      (join) => join.onTrue(),
    )
    .leftJoin('allocation as sw', (join) =>
      join
        .onRef('sw.child_id', '=', 'child.id')
        .on('sw.role', '=', 'social_worker')
        .on('sw.end_date', 'is', null),
    )
    .leftJoin('app_user as worker', 'worker.id', 'sw.user_id')
    .leftJoin('team', 'team.id', 'child.team_id')
    .select([
      'child.id',
      'child.local_id',
      'child.first_name',
      'child.last_name',
      'child.preferred_name',
      'child.date_of_birth',
      'poc.start_date as entered',
      'poc.end_date as left',
      'ls.status as legal',
      'pl.place_type as place',
      'worker.display_name as worker',
      'team.name as team',
    ]);
}

/** One page of the children the actor may see, matching the filters. */
export async function listChildren(
  db: Db,
  actor: Actor,
  f: ChildListFilters,
  opts: ScopeOptions,
): Promise<ChildListPage> {
  requirePermission(actor, 'child:read');
  return db.transaction().execute(async (trx) => {
    const q = matching(trx, actor, f, opts);
    const total = await q
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    const dir = f.order;
    // A search matches few children, often far apart in name order; the other filters match many.
    const searching = f.q !== undefined;
    const offset = (f.page - 1) * PAGE_SIZE;
    let ids: number[];
    if (searching) {
      // Sort the matches, not the table: walking the name index until 50 matches turn up reads
      // most of the table when the matches sort late (a search for 'Qui', 37,621 children: 120 ms
      // walking the index, 4 ms sorting the 1,606 matches found through the name indexes). Filters
      // such as legal status match thousands, spread through the order, so the walk stops early.
      const [k1, k2] =
        f.sort === 'dob'
          ? [sql<string>`child.date_of_birth`, sql<string>`''`]
          : f.sort === 'entered'
            ? [enteredCare, sql<string>`''`]
            : [sql<string>`lower(child.last_name)`, sql<string>`lower(child.first_name)`];
      const keyed = q.select(['child.id', k1.as('k1'), k2.as('k2')]);
      ids = (
        await trx
          .with(
            (cte) => cte('m').materialized(),
            () => keyed,
          )
          .selectFrom('m')
          .select('m.id')
          .orderBy(sql`m.k1 ${sql.raw(dir)} nulls last`)
          .orderBy('m.k2', dir)
          .orderBy('m.id', dir)
          .limit(PAGE_SIZE)
          .offset(offset)
          .execute()
      ).map((r) => r.id);
    } else {
      let ordered = q.select('child.id');
      if (f.sort === 'dob') ordered = ordered.orderBy('child.date_of_birth', dir);
      else if (f.sort === 'entered')
        ordered = ordered.orderBy(sql`${enteredCare} ${sql.raw(dir)} nulls last`);
      else
        ordered = ordered
          .orderBy(sql`lower(${sql.ref('child.last_name')})`, dir)
          .orderBy(sql`lower(${sql.ref('child.first_name')})`, dir);
      ids = (await ordered.orderBy('child.id', dir).limit(PAGE_SIZE).offset(offset).execute()).map(
        (r) => r.id,
      );
    }
    const rows = ids.length ? await details(trx, ids).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const page = ids.flatMap((id) => byId.get(id) ?? []);
    await audit(trx, actor, {
      action: 'list',
      recordType: 'child',
      detail: {
        q: f.q,
        team: f.team,
        worker: f.worker,
        legal: f.legal,
        place: f.place,
        area: f.area,
        sort: f.sort,
        order: f.order,
        page: f.page,
      },
    });
    return {
      children: page.map((r) => ({
        id: r.id,
        localId: r.local_id,
        name: `${r.preferred_name ?? r.first_name} ${r.last_name}`,
        dateOfBirth: r.date_of_birth,
        enteredCare: r.entered ?? null,
        leftCare: r.left ?? null,
        legalStatus: r.legal ? { code: r.legal, meaning: meaning('LS', r.legal) ?? '' } : null,
        placement: r.place ? { code: r.place, meaning: meaning('PLACE', r.place) ?? '' } : null,
        socialWorker: r.worker ?? null,
        team: r.team ?? null,
      })),
      page: f.page,
      pageSize: PAGE_SIZE,
      total: Number(total.n),
    };
  });
}

export interface ListOptions {
  teams: { id: number; name: string }[];
  workers: { id: number; name: string }[];
  /**
   * Whose social workers the worker filter offers: the chosen team's, else the actor's own team's
   * (with the worker already chosen, if any). An authority has hundreds of social workers (890 in
   * the scale 10 demo): one select of them all was unusable and took most of the page's time.
   */
  workersOf: 'team' | 'own-team' | 'none';
  /** Whether the authority's postcodes are loaded, so "in or out of area" can be answered. */
  areaKnown: boolean;
}

/** The choices for the filter form. */
export async function listOptions(
  db: Db,
  chosen: { team?: number | undefined; worker?: number | undefined },
  ownTeam: number | null,
): Promise<ListOptions> {
  const { team, worker } = chosen;
  const workersOf = team !== undefined ? 'team' : ownTeam !== null ? 'own-team' : 'none';
  const [teams, workers, local] = await Promise.all([
    db.selectFrom('team').select(['id', 'name']).orderBy('name').execute(),
    workersOf === 'none' && worker === undefined
      ? Promise.resolve([])
      : db
          .selectFrom('app_user')
          .select(['id', 'display_name as name'])
          .where(sql<boolean>`'social_worker' = any(roles)`)
          .where('disabled', '=', false)
          .where((eb) =>
            eb.or([
              eb('team_id', '=', team ?? ownTeam ?? 0),
              ...(worker !== undefined ? [eb('id', '=', worker)] : []),
            ]),
          )
          .orderBy('display_name')
          .execute(),
    db.selectFrom('local_postcode').select('postcode').limit(1).executeTakeFirst(),
  ]);
  return { teams, workers, workersOf, areaKnown: local !== undefined };
}
