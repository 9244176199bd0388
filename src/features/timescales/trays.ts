// The work trays: which children or households each one covers (a SQL condition, combined with the
// actor's scope before anything is computed), which rules it shows, and who may open it.
//   mine          /work               a social worker's allocated children: every rule
//   reviews       /work/reviews       an IRO's children: looked-after reviews
//   team          /work/team          a team manager's team (all children for a service manager),
//                                     overdue items counted by allocated social worker
//   fostering     /work/fostering     households a fostering worker supervises (all for a
//                                     service manager, or a fostering worker who is also a team
//                                     manager: their team's workers' households)
//   care-leavers  /work/care-leavers  a personal adviser's care leavers: pathway plans and contacts
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AllocationRole } from '../../db/tables/care.ts';
import type { RuleId } from '../../domain/timescales/index.ts';
import { ForbiddenError, can, type Permission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';

export const TRAY_IDS = ['mine', 'reviews', 'team', 'fostering', 'care-leavers'] as const;
export type TrayId = (typeof TRAY_IDS)[number];

export interface TrayDef {
  id: TrayId;
  title: string;
  path: string;
  /** Below /api/v1. */
  apiPath: string;
  permission: Permission;
  /** Null: every rule for children. */
  rules: readonly RuleId[] | null;
  subject: 'child' | 'household';
  emptyText: string;
}

export const TRAYS: Record<TrayId, TrayDef> = {
  mine: {
    id: 'mine',
    title: 'My work',
    path: '/work',
    apiPath: '/work/mine',
    permission: 'child:write',
    rules: null,
    subject: 'child',
    emptyText: 'Nothing is due for the children allocated to you.',
  },
  reviews: {
    id: 'reviews',
    title: 'Reviews due',
    path: '/work/reviews',
    apiPath: '/work/reviews',
    permission: 'review:write',
    rules: ['lac-review'],
    subject: 'child',
    emptyText: 'No reviews are due for the children you are the reviewing officer for.',
  },
  team: {
    id: 'team',
    title: 'Team work',
    path: '/work/team',
    apiPath: '/work/team',
    permission: 'child:read',
    rules: null,
    subject: 'child',
    emptyText: 'Nothing is due for your team’s children.',
  },
  fostering: {
    id: 'fostering',
    title: 'Fostering: reviews and approvals due',
    path: '/work/fostering',
    apiPath: '/work/fostering',
    permission: 'carer:read',
    rules: ['foster-carer-review', 'foster-carer-first-review-panel', 'connected-person-approval'],
    subject: 'household',
    emptyText: 'No carer reviews or connected-person approvals are due for your households.',
  },
  'care-leavers': {
    id: 'care-leavers',
    title: 'Care leavers: plans and contacts due',
    path: '/work/care-leavers',
    apiPath: '/work/care-leavers',
    permission: 'careleaver:write',
    rules: ['pathway-plan-review', 'pa-contact', 'care-leaver-birthday-contact'],
    subject: 'child',
    emptyText: 'No pathway plans or contacts are due for your care leavers.',
  },
};

function allocatedTo(userId: number, role: AllocationRole): Expression<SqlBool> {
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

/** In care now, or with an open allocation (a care leaver): children who can have open items. */
const ACTIVE: Expression<SqlBool> = sql<SqlBool>`(exists (select 1 from period_of_care p where p.child_id = child.id and p.end_date is null) or exists (select 1 from allocation a where a.child_id = child.id and (a.end_date is null or a.end_date >= current_date)))`;

/** The same for the whole authority, as a set (one hashed semi-join rather than a lookup a child). */
const ACTIVE_SET: Expression<SqlBool> = sql<SqlBool>`child.id in (select p.child_id from period_of_care p where p.end_date is null union all select a.child_id from allocation a where a.end_date is null or a.end_date >= current_date)`;

/** Managers of the whole service, or of a team: may open the team tray. */
export function teamTrayScope(actor: Actor): 'all' | number | null {
  if (actor.system || actor.roles.includes('service_manager')) return 'all';
  if (actor.roles.includes('team_manager') && actor.teamId !== null) return actor.teamId;
  return null;
}

/** The children a tray covers for this actor: its relation AND the actor's scope. */
export function trayChildren(tray: TrayId, actor: Actor, opts: ScopeOptions): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'child'>();
  const scope = childScope(actor, opts);
  switch (tray) {
    case 'mine':
      return eb.and([scope, allocatedTo(actor.userId, 'social_worker')]);
    case 'reviews':
      return eb.and([scope, allocatedTo(actor.userId, 'iro'), ACTIVE]);
    case 'care-leavers':
      return eb.and([scope, allocatedTo(actor.userId, 'personal_adviser')]);
    case 'team': {
      const team = teamTrayScope(actor);
      if (team === null) throw new ForbiddenError();
      return team === 'all'
        ? eb.and([scope, ACTIVE_SET])
        : eb.and([scope, eb('child.team_id', '=', team), ACTIVE]);
    }
    case 'fostering':
      throw new Error('the fostering tray covers households, not children');
  }
}

/** The households the fostering tray covers for this actor, or null when it covers none. */
export function trayHouseholds(actor: Actor): Expression<SqlBool> | null {
  const eb = expressionBuilder<Database, 'fostering_household'>();
  if (actor.system || actor.roles.includes('service_manager')) return sql<SqlBool>`true`;
  const manager = actor.roles.includes('fostering_manager');
  if (!actor.roles.includes('fostering_worker') && !manager) return null;
  const own = eb('fostering_household.supervising_worker_id', '=', actor.userId);
  if ((manager || actor.roles.includes('team_manager')) && actor.teamId !== null)
    return eb.or([
      own,
      eb(
        'fostering_household.supervising_worker_id',
        'in',
        eb
          .selectFrom('app_user')
          .select('app_user.id')
          .where('app_user.team_id', '=', actor.teamId),
      ),
    ]);
  return own;
}

/** Refuses (403) an actor who may not open the tray at all. */
export function requireTray(tray: TrayId, actor: Actor): void {
  const def = TRAYS[tray];
  if (!can(actor, def.permission)) throw new ForbiddenError();
  if (tray === 'team' && teamTrayScope(actor) === null) throw new ForbiddenError();
  if (tray === 'fostering' && trayHouseholds(actor) === null) throw new ForbiddenError();
}
