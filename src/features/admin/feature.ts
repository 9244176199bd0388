// Administration: users, teams and personal access tokens (pages and API).
import type { Feature } from '../../platform/http/features.ts';
import { adminApi } from './api.ts';
import { adminRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'admin',
  nav: [
    { text: 'Users', href: '/admin/users', permission: 'user:manage', order: 900 },
    { text: 'Teams', href: '/admin/teams', permission: 'team:manage', order: 910 },
    { text: 'Tokens', href: '/admin/tokens', permission: 'token:manage', order: 920 },
  ],
  routes: ({ db }) => adminRoutes(db),
  api: adminApi,
};
