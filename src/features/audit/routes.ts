// Audit pages: /audit (administrators search the trail) and /children/:id/viewers (managers see
// who has viewed a child's record).
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { childViewers, searchAudit } from './auditService.ts';
import { AuditQuery } from './schemas.ts';

function pageLinks(
  page: number,
  pageSize: number,
  total: number,
  base: URLSearchParams,
  path: string,
) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams(base);
    q.set('page', String(p));
    return `${path}?${q.toString()}`;
  };
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < last ? { href: href(page + 1) } : undefined,
    page,
    last,
  };
}

export function auditRoutes(db: Db, config: Config): Router {
  const router = Router();

  router.get('/audit', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'audit:read');
    const raw = req.query as Record<string, string | undefined>;
    const parsed = AuditQuery.safeParse(raw);
    if (!parsed.success) {
      res.status(400).render('audit/views/search.njk', {
        title: 'Audit log',
        values: raw,
        ...formErrors(parsed.error),
      });
      return;
    }
    const result = await searchAudit(db, actor, parsed.data);
    const base = new URLSearchParams(
      Object.entries(raw).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'page' && e[1] !== '',
      ),
    );
    res.render('audit/views/search.njk', {
      title: 'Audit log',
      values: raw,
      errors: {},
      result,
      pagination: pageLinks(result.page, result.pageSize, result.total, base, '/audit'),
    });
  });

  router.get('/children/:id/viewers', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'audit:child-viewers');
    const id = z.coerce.number().int().positive().safeParse(req.params.id);
    if (!id.success) throw new NotFoundError();
    const page = z.coerce
      .number()
      .int()
      .min(1)
      .catch(1)
      .parse(req.query.page ?? 1);
    const result = await childViewers(db, actor, id.data, page, { teamScope: config.teamScope });
    res.render('audit/views/viewers.njk', {
      title: 'Who has viewed this child’s record',
      childId: id.data,
      result,
      pagination: pageLinks(
        page,
        result.pageSize,
        result.total,
        new URLSearchParams(),
        `/children/${String(id.data)}/viewers`,
      ),
    });
  });

  return router;
}
