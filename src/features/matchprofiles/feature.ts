// Placement options (issue 6, item 1): the languages and religions or cultures of each household,
// home, supported accommodation service and fostering agency that matching scores, kept in
// match_profile (migrations 0060, 0062). Pages, API and nav. Guide: docs/placement-options.md.
import type { Feature } from '../../platform/http/features.ts';
import { matchProfileApi } from './api.ts';
import { matchProfileRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'matchprofiles',
  // Every role with carer:read or home:read also has placement:read (src/platform/access/access.ts).
  nav: [
    {
      text: 'Placement options',
      href: '/placement-options',
      permission: 'placement:read',
      order: 36,
    },
  ],
  routes: ({ db }) => matchProfileRoutes(db),
  api: matchProfileApi,
};
