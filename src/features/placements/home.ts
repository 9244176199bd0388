// "Placement requests" on the placement team's home page (replaces the home feature's placeholder):
// open requests counted (these are figures, not children, so no audit), emergencies and those
// needed within a week named as counts, each linking to the filtered queue.
import { sql } from 'kysely';
import type { HomeSection } from '../../platform/http/features.ts';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export const queueSection: HomeSection = {
  id: 'placements',
  title: 'Placement requests',
  permission: 'placement:manage',
  order: 30,
  emptyText:
    'Approved placement requests waiting for a placement will appear here. There are none now.',
  load: async (db) => {
    const row = await db
      .selectFrom('placement_request')
      .select([
        sql<number>`count(*)::int`.as('open'),
        sql<number>`(count(*) filter (where kind = 'emergency'))::int`.as('emergency'),
        sql<number>`(count(*) filter (where date_needed <= current_date + 7))::int`.as('soon'),
      ])
      .where('status', 'in', ['open', 'placing'])
      .executeTakeFirstOrThrow();
    const waiting = await db
      .selectFrom('placement_request')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'awaiting_approval')
      .executeTakeFirstOrThrow();
    const items = [];
    if (row.open > 0)
      items.push({
        text: plural(row.open, 'open request', 'open requests'),
        href: '/placement-requests',
      });
    if (row.emergency > 0)
      items.push({
        text: plural(row.emergency, 'emergency', 'emergencies'),
        href: '/placement-requests?kind=emergency',
      });
    if (row.soon > 0)
      items.push({
        text: `${plural(row.soon, 'request', 'requests')} needed within 7 days`,
        href: '/placement-requests',
      });
    if (waiting.n > 0)
      items.push({
        text: `${plural(waiting.n, 'request', 'requests')} awaiting a manager’s approval`,
        href: '/placement-requests?status=awaiting_approval',
      });
    return items;
  },
};
