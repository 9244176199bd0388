// Teams and each worker's caseload against the cap: the count of their current social worker
// allocations, against the team's cap (default 20) scaled by the worker's FTE. Counts only; no child
// is named here.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { ForbiddenError, NotFoundError, can } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';

export function requireTeamRead(actor: Actor): void {
  if (!can(actor, 'child:read') && !can(actor, 'team:manage')) throw new ForbiddenError();
}

const caseload = sql<number>`(select count(*)::int from allocation a where a.user_id = u.id and a.role = 'social_worker' and a.start_date <= current_date and (a.end_date is null or a.end_date >= current_date))`;
const isWorker = sql<boolean>`'social_worker' = any(u.roles)`;

/** The cap for one worker: the team's cap scaled by FTE, rounded down (20 × 0.5 → 10). */
export function capFor(teamCap: number, fte: number): number {
  return Math.floor(teamCap * fte + 1e-9);
}

export interface TeamListItem {
  id: number;
  name: string;
  service: string;
  caseloadCap: number;
  workers: number;
  children: number;
  overCap: number;
}

export async function listTeams(db: Db, actor: Actor): Promise<{ teams: TeamListItem[] }> {
  requireTeamRead(actor);
  const rows = await db
    .selectFrom('team as t')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.team_id', '=', 't.id').on('u.disabled', '=', false).on(isWorker),
    )
    .select(['t.id', 't.name', 't.service', 't.caseload_cap', 'u.id as user_id', 'u.fte'])
    .select(caseload.as('caseload'))
    .orderBy('t.name')
    .execute();
  const byTeam = new Map<number, TeamListItem>();
  for (const r of rows) {
    let t = byTeam.get(r.id);
    if (!t) {
      t = {
        id: r.id,
        name: r.name,
        service: r.service,
        caseloadCap: r.caseload_cap,
        workers: 0,
        children: 0,
        overCap: 0,
      };
      byTeam.set(r.id, t);
    }
    if (r.user_id === null) continue;
    t.workers += 1;
    t.children += r.caseload;
    if (r.caseload > capFor(r.caseload_cap, r.fte ?? 1)) t.overCap += 1;
  }
  return { teams: [...byTeam.values()] };
}

export interface TeamView {
  id: number;
  name: string;
  service: string;
  caseloadCap: number;
  workers: {
    id: number;
    name: string;
    fte: number;
    agency: boolean;
    caseload: number;
    cap: number;
    overCap: boolean;
  }[];
}

export async function readTeam(db: Db, actor: Actor, id: number): Promise<TeamView> {
  requireTeamRead(actor);
  const team = await db.selectFrom('team').selectAll().where('id', '=', id).executeTakeFirst();
  if (!team) throw new NotFoundError();
  const workers = await db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name', 'u.fte', 'u.agency'])
    .select(caseload.as('caseload'))
    .where('u.team_id', '=', id)
    .where('u.disabled', '=', false)
    .where(isWorker)
    .orderBy('u.display_name')
    .execute();
  return {
    id: team.id,
    name: team.name,
    service: team.service,
    caseloadCap: team.caseload_cap,
    workers: workers.map((w) => {
      const cap = capFor(team.caseload_cap, w.fte);
      return {
        id: w.id,
        name: w.display_name,
        fte: w.fte,
        agency: w.agency,
        caseload: w.caseload,
        cap,
        overCap: w.caseload > cap,
      };
    }),
  };
}
