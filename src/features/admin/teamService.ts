// Teams: list and add. Audited like users.
import type { Db } from '../../db/connect.ts';
import { requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { TeamInput } from './schemas.ts';
import { FieldProblem } from './userService.ts';

export interface TeamView {
  id: number;
  name: string;
  service: string;
  caseloadCap: number;
  members: number;
}

/** Every team (any signed-in user may see the list of teams, e.g. to pick one). */
export async function listTeams(db: Db): Promise<TeamView[]> {
  const rows = await db
    .selectFrom('team as t')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.team_id', '=', 't.id').on('u.disabled', '=', false),
    )
    .select((eb) => [
      't.id',
      't.name',
      't.service',
      't.caseload_cap',
      eb.fn.count<number>('u.id').as('members'),
    ])
    .groupBy(['t.id', 't.name', 't.service', 't.caseload_cap'])
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    service: r.service,
    caseloadCap: r.caseload_cap,
    members: r.members,
  }));
}

export async function createTeam(db: Db, actor: Actor, input: TeamInput): Promise<number> {
  requirePermission(actor, 'team:manage');
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('team')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new FieldProblem('name', 'There is already a team with that name');
    const row = await trx
      .insertInto('team')
      .values({ name: input.name, service: input.service, caseload_cap: input.caseloadCap })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'team',
      recordId: row.id,
      detail: { ...input },
    });
    return row.id;
  });
}
