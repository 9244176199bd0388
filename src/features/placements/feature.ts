// Placement requests and explainable matching (issue 6, parts 1 and 2): pages, API, the placement
// team's home section and the demo authority's open requests.
import type { Feature } from '../../platform/http/features.ts';
import { placementApi } from './api.ts';
import { placementDemo } from './demo.ts';
import { queueSection } from './home.ts';
import { placementRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'placements',
  nav: [
    {
      text: 'Placement requests',
      href: '/placement-requests',
      permission: 'placement:manage',
      order: 25,
    },
  ],
  routes: ({ db, config }) => placementRoutes(db, config),
  api: placementApi,
  home: [queueSection],
  demo: placementDemo,
};
