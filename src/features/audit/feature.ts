// The audit trail: search (administrators), who has viewed a child (managers), and the API.
import { z } from 'zod';
import { defineRoute } from '../../platform/api/registry.ts';
import type { Feature } from '../../platform/http/features.ts';
import { searchAudit } from './auditService.ts';
import { auditRoutes } from './routes.ts';
import { AuditQuery } from './schemas.ts';

const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  actorDisplayName: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  childId: z.number().int().nullable(),
  address: z.string().nullable(),
  reason: z.string().nullable(),
});

export const feature: Feature = {
  name: 'audit',
  nav: [{ text: 'Audit log', href: '/audit', permission: 'audit:read', order: 930 }],
  routes: ({ db, config }) => auditRoutes(db, config),
  api: [
    defineRoute({
      method: 'get',
      path: '/audit-events',
      summary:
        'Search the audit trail by user, child and date range (UK dates, inclusive), newest first, 50 a page.',
      tags: ['audit'],
      permission: 'audit:read',
      query: AuditQuery,
      response: z.object({
        events: z.array(AuditEvent),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
      }),
      handler: ({ db, actor, query }) => searchAudit(db, actor, query),
    }),
  ],
};
