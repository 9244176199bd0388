// Recording facts about a child: a new child, periods of care, legal status, placements, reviews,
// visits, health, missing episodes, adoption milestones, care leaver contacts and allocations
// (pages under /children/:id/... and the same actions under /api/v1).
import { Router } from 'express';
import type { Feature } from '../../platform/http/features.ts';
import { recordingApi } from './api.ts';
import { newChildRoutes, recordingRoutes } from './routes.ts';
import { scopeSetting } from './scope.ts';

export const feature: Feature = {
  name: 'recording',
  publicRoutes: ({ db, config }) => Router().use(scopeSetting(config), newChildRoutes(db, config)),
  routes: ({ db, config }) => recordingRoutes(db, config),
  api: recordingApi,
};
