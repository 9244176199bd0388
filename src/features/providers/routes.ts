// Provider and home pages: /providers (search, kind, grade, paged), /providers/:id and /homes/:id.
import { Router } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { childIdParam as idParam } from '../children/routes.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { OFSTED_GRADE_LABELS, PROVIDER_KIND_LABELS } from '../children/codes.ts';
import { keptParams, pagination } from '../children/paging.ts';
import { listProviders, PROVIDER_PAGE_SIZE, ProviderQuery } from './listService.ts';
import { readHome, readProvider } from './providerService.ts';

export function providerRoutes(db: Db, config: Config): Router {
  const router = Router();
  router.get('/providers', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'placement:read');
    const raw = req.query as Record<string, string | undefined>;
    const parsed = ProviderQuery.safeParse(raw);
    const items = (labels: Record<string, string>, any: string, selected: string | undefined) =>
      [{ value: '', text: any }].concat(
        Object.entries(labels).map(([value, text]) => ({
          value,
          text,
          selected: value === selected,
        })),
      );
    const view = {
      title: 'Providers',
      values: raw,
      kindItems: items(PROVIDER_KIND_LABELS, 'Any kind', raw.kind),
      gradeItems: items({ ...OFSTED_GRADE_LABELS, none: 'None recorded' }, 'Any grade', raw.grade),
    };
    if (!parsed.success) {
      res.status(400).render('providers/views/list.njk', { ...view, ...formErrors(parsed.error) });
      return;
    }
    const result = await listProviders(db, actor, parsed.data, todayInLondon(new Date()));
    res.render('providers/views/list.njk', {
      ...view,
      errors: {},
      result,
      pagination: pagination(
        result.page,
        PROVIDER_PAGE_SIZE,
        result.total,
        keptParams(raw),
        '/providers',
      ),
    });
  });
  router.get('/providers/:id', async (req, res) => {
    const provider = await readProvider(db, actorOf(req), idParam(req.params.id));
    res.render('providers/views/provider.njk', { title: provider.name, provider });
  });
  router.get('/homes/:id', async (req, res) => {
    const home = await readHome(db, actorOf(req), idParam(req.params.id), {
      teamScope: config.teamScope,
    });
    res.render('providers/views/home.njk', { title: home.name, home });
  });
  return router;
}
