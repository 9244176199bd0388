// "Your children" on the home page (replaces the home feature's 'caseload' placeholder): how many
// children are allocated to the signed-in social worker now, and for a team, the team's children.
import { sql } from 'kysely';
import type { HomeSection } from '../../platform/http/features.ts';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export const caseloadSection: HomeSection = {
  id: 'caseload',
  title: 'Your children',
  permission: 'child:write',
  order: 10,
  emptyText:
    'Children allocated to you or your team will appear here, with visits and reviews that are due. There are none yet.',
  load: async (db, actor) => {
    const open = sql<boolean>`(a.end_date is null or a.end_date >= current_date)`;
    const mine = await db
      .selectFrom('allocation as a')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('a.user_id', '=', actor.userId)
      .where('a.role', '=', 'social_worker')
      .where(open)
      .executeTakeFirstOrThrow();
    const items = [];
    const n = Number(mine.n);
    if (n > 0)
      items.push({
        text: `${plural(n, 'child', 'children')} allocated to you`,
        href: `/children?worker=${String(actor.userId)}`,
      });
    if (actor.teamId !== null) {
      const team = await db
        .selectFrom('child')
        .innerJoin('period_of_care as p', 'p.child_id', 'child.id')
        .select((eb) => eb.fn.count<string | number>('child.id').distinct().as('n'))
        .where('child.team_id', '=', actor.teamId)
        .where('p.end_date', 'is', null)
        .executeTakeFirstOrThrow();
      const t = Number(team.n);
      if (t > 0)
        items.push({
          text: `${plural(t, 'child', 'children')} in care in your team`,
          href: `/children?team=${String(actor.teamId)}`,
        });
    }
    return items;
  },
};
