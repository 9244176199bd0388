// Home page counts from the work trays: a social worker's own work, an IRO's reviews, a manager's
// team, a fostering worker's carers and a personal adviser's care leavers. Each says how many items
// are overdue and due in the next 14 days, linking to the tray; with none, the section's empty text.
import { todayInLondon } from '../../domain/dates/index.ts';
import type { HomeItem, HomeSection } from '../../platform/http/features.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../db/connect.ts';
import { trayCounts } from './trayService.ts';
import { TRAYS, teamTrayScope, trayHouseholds, type TrayId } from './trays.ts';

const n = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

// Every tray narrows to the actor's own allocations, team or households, so the team-scope
// setting never changes these counts.
const OPTS = { teamScope: false };

async function countsItems(db: Db, actor: Actor, tray: TrayId): Promise<HomeItem[]> {
  const c = await trayCounts(db, actor, tray, todayInLondon(new Date()), OPTS);
  const path = TRAYS[tray].path;
  const items: HomeItem[] = [];
  if (c.overdue > 0)
    items.push({
      text: `${n(c.overdue, 'item', 'items')} overdue`,
      href: `${path}?status=overdue`,
    });
  if (c.due > 0)
    items.push({
      text: `${n(c.due, 'item', 'items')} due in the next 14 days`,
      href: `${path}?status=due`,
    });
  if (items.length === 0 && c.upcoming > 0)
    items.push({
      text: `Nothing overdue or due soon; ${n(c.upcoming, 'item', 'items')} upcoming`,
      href: path,
    });
  return items;
}

export const homeSections: HomeSection[] = [
  {
    id: 'work',
    title: 'Your work',
    roles: ['social_worker'],
    permission: 'child:write',
    order: 11,
    emptyText: 'Nothing is due for the children allocated to you.',
    load: (db, actor) => countsItems(db, actor, 'mine'),
  },
  {
    id: 'team-work',
    title: 'Your team’s work',
    roles: ['team_manager', 'service_manager'],
    order: 12,
    emptyText: 'Nothing is overdue or due soon for your team’s children.',
    load: async (db, actor) =>
      teamTrayScope(actor) === null ? [] : countsItems(db, actor, 'team'),
  },
  {
    id: 'reviews',
    title: 'Your reviews',
    permission: 'review:write',
    order: 20,
    emptyText:
      'No looked-after reviews are due for the children you are the independent reviewing officer for.',
    load: (db, actor) => countsItems(db, actor, 'reviews'),
  },
  {
    id: 'carers',
    title: 'Your carers',
    permission: 'carer:write',
    order: 40,
    emptyText:
      'No carer reviews or connected-person approvals are due for the households you supervise.',
    load: async (db, actor) =>
      trayHouseholds(actor) === null ? [] : countsItems(db, actor, 'fostering'),
  },
  {
    id: 'care-leavers',
    title: 'Your care leavers',
    permission: 'careleaver:write',
    order: 60,
    emptyText: 'No pathway plan reviews or contacts are due for the care leavers you advise.',
    load: (db, actor) => countsItems(db, actor, 'care-leavers'),
  },
];
