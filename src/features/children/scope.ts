// Which children an actor may see, as a SQL condition over the `child` table (design.md, principle
// 4: lists filter in SQL; a child outside scope is "not found"). The condition is the union of what
// each of the actor's roles grants:
//   social_worker        children allocated to them; also their team's children when teamScope
//   team_manager         their team's children
//   service_manager      all children
//   iro                  children they are the allocated IRO for
//   personal_adviser     care leavers allocated to them
//   placement_officer    all children (they find placements)
//   fostering_worker     children placed now with households they supervise
//   fostering_manager    the same (the team's households are theirs in the fostering tray)
//   residential_manager  children placed now in a home they manage
//   analyst, panel_member, admin: none (they use aggregate or pseudonymised paths)
// A system actor (CLI, jobs) sees all. Allocations and placements count while open (no end date, or
// an end date today or later).
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Role } from '../../platform/access/roles.ts';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { AllocationRole } from '../../db/tables/care.ts';

export interface ScopeOptions {
  /** Config HEARTH_TEAM_SCOPE: a social worker also sees their team's children. */
  teamScope: boolean;
}

type Condition = Expression<SqlBool>;

const NONE: Condition = sql<SqlBool>`false`;
const ALL: Condition = sql<SqlBool>`true`;

function allocatedTo(userId: number, role: AllocationRole): Condition {
  const eb = expressionBuilder<Database, 'child'>();
  return eb.exists(
    eb
      .selectFrom('allocation')
      .select(sql`1`.as('one'))
      .whereRef('allocation.child_id', '=', 'child.id')
      .where('allocation.user_id', '=', userId)
      .where('allocation.role', '=', role)
      .where((w) =>
        w.or([
          w('allocation.end_date', 'is', null),
          w('allocation.end_date', '>=', sql<string>`current_date`),
        ]),
      ),
  );
}

function inTeam(teamId: number | null): Condition {
  if (teamId === null) return NONE;
  return expressionBuilder<Database, 'child'>()('child.team_id', '=', teamId);
}

function placedWithSupervisedHousehold(userId: number): Condition {
  const eb = expressionBuilder<Database, 'child'>();
  return eb.exists(
    eb
      .selectFrom('placement')
      .innerJoin(
        'fostering_household',
        'fostering_household.id',
        'placement.fostering_household_id',
      )
      .select(sql`1`.as('one'))
      .whereRef('placement.child_id', '=', 'child.id')
      .where('fostering_household.supervising_worker_id', '=', userId)
      .where((w) =>
        w.or([
          w('placement.end_date', 'is', null),
          w('placement.end_date', '>=', sql<string>`current_date`),
        ]),
      ),
  );
}

function placedInManagedHome(userId: number): Condition {
  const eb = expressionBuilder<Database, 'child'>();
  return eb.exists(
    eb
      .selectFrom('placement')
      .innerJoin('home_manager', 'home_manager.home_id', 'placement.home_id')
      .select(sql`1`.as('one'))
      .whereRef('placement.child_id', '=', 'child.id')
      .where('home_manager.user_id', '=', userId)
      .where((w) =>
        w.or([
          w('placement.end_date', 'is', null),
          w('placement.end_date', '>=', sql<string>`current_date`),
        ]),
      ),
  );
}

/** What one role grants, or 'all'. */
function grant(role: Role, actor: Actor, opts: ScopeOptions): Condition | 'all' | null {
  switch (role) {
    case 'service_manager':
    case 'placement_officer':
      return 'all';
    case 'social_worker':
      return opts.teamScope && actor.teamId !== null
        ? expressionBuilder<Database, 'child'>().or([
            allocatedTo(actor.userId, 'social_worker'),
            inTeam(actor.teamId),
          ])
        : allocatedTo(actor.userId, 'social_worker');
    case 'team_manager':
      return actor.teamId === null ? null : inTeam(actor.teamId);
    case 'iro':
      return allocatedTo(actor.userId, 'iro');
    case 'personal_adviser':
      return allocatedTo(actor.userId, 'personal_adviser');
    case 'fostering_worker':
    case 'fostering_manager':
      return placedWithSupervisedHousehold(actor.userId);
    case 'residential_manager':
      return placedInManagedHome(actor.userId);
    case 'analyst':
    case 'panel_member':
    case 'admin':
      return null;
  }
}

/**
 * The children `actor` may see, as a condition for `.where(...)` on a query that selects from the
 * `child` table under that name (not aliased):
 *   db.selectFrom('child').where(childScope(actor, { teamScope: config.teamScope }))
 */
export function childScope(actor: Actor, opts: ScopeOptions): Condition {
  if (actor.system) return ALL;
  const parts: Condition[] = [];
  for (const role of actor.roles) {
    const g = grant(role, actor, opts);
    if (g === 'all') return ALL;
    if (g) parts.push(g);
  }
  if (parts.length === 0) return NONE;
  const [only] = parts;
  return parts.length === 1 && only ? only : expressionBuilder<Database, 'child'>().or(parts);
}

/** Whether `actor` may see child `childId` (for a child's record: outside scope is "not found"). */
export async function childInScope(
  db: Db,
  actor: Actor,
  childId: number,
  opts: ScopeOptions,
): Promise<boolean> {
  const row = await db
    .selectFrom('child')
    .select('child.id')
    .where('child.id', '=', childId)
    .where(childScope(actor, opts))
    .executeTakeFirst();
  return row !== undefined;
}
