// /api/v1/work/<tray>: the same items as the tray pages (same service, scope and audit).
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute, type AnyApiRoute } from '../../platform/api/registry.ts';
import { scopeOf } from '../children/api.ts';
import { TrayQuery, TrayResponse } from './schemas.ts';
import { readTray } from './trayService.ts';
import { TRAY_IDS, TRAYS } from './trays.ts';

export const trayApi: AnyApiRoute[] = TRAY_IDS.map((id) =>
  defineRoute({
    method: 'get',
    path: `/work/${id}`,
    summary: `${TRAYS[id].title}: open statutory due items (overdue first, then due in the next 14 days, then upcoming), 50 a page, with counts by status.`,
    tags: ['timescales'],
    permission: TRAYS[id].permission,
    query: TrayQuery,
    response: TrayResponse,
    handler: ({ db, actor, query, config }) =>
      readTray(db, actor, id, query, todayInLondon(new Date()), scopeOf(config)),
  }),
);
