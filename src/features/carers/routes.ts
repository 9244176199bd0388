// Fostering household pages: /carers (list) and /carers/:id.
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { HOUSEHOLD_STATUS_LABELS } from '../children/codes.ts';
import { keptParams, pagination } from '../children/paging.ts';
import { childIdParam } from '../children/routes.ts';
import { PAGE_SIZE, listHouseholds, readHousehold } from './carerService.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);

export const HouseholdQuery = z.object({
  q: z.preprocess(
    blank,
    z.string().trim().max(100, 'Search must be 100 characters or fewer').optional(),
  ),
  status: z.preprocess(
    blank,
    z
      .enum(Object.keys(HOUSEHOLD_STATUS_LABELS) as [string, ...string[]], {
        error: 'Select a status from the list',
      })
      .optional(),
  ),
  mine: z.preprocess(blank, z.enum(['yes']).optional()).transform((v) => v === 'yes'),
  page: z.preprocess(
    blank,
    z.coerce.number().int().min(1, 'Page must be 1 or more').max(100_000).default(1),
  ),
});

export function carerRoutes(db: Db, config: Config): Router {
  const router = Router();
  router.get('/carers', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:read');
    const raw = req.query as Record<string, string | undefined>;
    const parsed = HouseholdQuery.safeParse(raw);
    const view = {
      title: 'Fostering households',
      values: raw,
      statusItems: [{ value: '', text: 'Any status' }].concat(
        Object.entries(HOUSEHOLD_STATUS_LABELS).map(([value, text]) => ({
          value,
          text,
          selected: value === raw.status,
        })),
      ),
    };
    if (!parsed.success) {
      res.status(400).render('carers/views/list.njk', { ...view, ...formErrors(parsed.error) });
      return;
    }
    const result = await listHouseholds(db, actor, parsed.data);
    res.render('carers/views/list.njk', {
      ...view,
      errors: {},
      result,
      pagination: pagination(result.page, PAGE_SIZE, result.total, keptParams(raw), '/carers'),
    });
  });
  router.get('/carers/:id', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:read');
    const household = await readHousehold(db, actor, childIdParam(req.params.id), {
      teamScope: config.teamScope,
    });
    res.render('carers/views/household.njk', { title: household.name, household });
  });
  return router;
}
