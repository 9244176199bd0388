// The administrator's home section: counts read from the database, with links.
import type { HomeSection } from '../../platform/http/features.ts';

export const ADMIN_SECTION: HomeSection = {
  id: 'administration',
  title: 'Administration',
  permission: 'user:manage',
  order: 90,
  emptyText: 'There are no user accounts yet.',
  load: async (db) => {
    const users = await db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('disabled', '=', false)
      .executeTakeFirstOrThrow();
    const teams = await db
      .selectFrom('team')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const n = users.n;
    const t = teams.n;
    return [
      { text: `${n} active user ${n === 1 ? 'account' : 'accounts'}`, href: '/admin/users' },
      {
        text: t === 0 ? 'No teams yet' : `${t} ${t === 1 ? 'team' : 'teams'}`,
        href: '/admin/teams',
      },
      { text: 'Personal access tokens', href: '/admin/tokens' },
      { text: 'Search the audit log', href: '/audit' },
    ];
  },
};
