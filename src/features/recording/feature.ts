// Recording facts about a child: a new child and their details, periods of care, legal status,
// placements, reviews, visits, health, missing episodes, substance misuse and convictions, adoption
// and permanence, care leaver contacts and allocations (pages under /children/..., the same actions
// under /api/v1).
import type { Feature } from '../../platform/http/features.ts';
import { recordingApi } from './api.ts';
import { recordingRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'recording',
  routes: ({ db, config }) => recordingRoutes(db, config),
  api: recordingApi,
};
