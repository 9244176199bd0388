// Pages: /sufficiency (the figures), /sufficiency/children?figure=KEY (the children behind one
// figure, in the viewer's scope), /sufficiency.csv (the figures as CSV) and
// /children/:id/disruption-meetings/new (record a placement disruption meeting).
import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { NotFoundError } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { childIdParam } from '../children/routes.ts';
import { dateItems, joinDate, pageErrors, zodProblems, type Body } from '../homes/form.ts';
import {
  childForDisruption,
  DisruptionInput,
  DisruptionProblems,
  OUTCOME_LABELS,
  recordDisruptionMeeting,
} from './disruption.ts';
import { FigureCsvQuery, FigureQuery } from './schemas.ts';
import {
  DRILL_PAGE_SIZE,
  drillDown,
  drillDownCsv,
  readSufficiency,
  sufficiencyCsv,
} from './service.ts';

export function sufficiencyRoutes(db: Db, config: Config): Router {
  const router = Router();
  const today = () => todayInLondon(new Date());

  router.get('/sufficiency', async (req, res) => {
    const view = await readSufficiency(db, actorOf(req), today());
    res.render('sufficiency/views/sufficiency.njk', { title: 'Sufficiency', view });
  });

  router.get('/sufficiency/children', async (req, res) => {
    const q = FigureQuery.safeParse(req.query);
    if (!q.success) throw new NotFoundError();
    const view = await drillDown(
      db,
      actorOf(req),
      q.data.figure,
      today(),
      { teamScope: config.teamScope },
      q.data.page,
    );
    const href = (page: number) =>
      `/sufficiency/children?figure=${encodeURIComponent(view.figure)}&page=${String(page)}`;
    const pagination = {
      previous: view.page > 1 ? { href: href(view.page - 1) } : undefined,
      next: view.page < view.pages ? { href: href(view.page + 1) } : undefined,
      landmarkLabel: 'Pages of children',
    };
    res.render('sufficiency/views/children.njk', {
      title: view.label,
      view,
      pagination,
      csvHref: `/sufficiency/children.csv?figure=${encodeURIComponent(view.figure)}`,
      from: (view.page - 1) * DRILL_PAGE_SIZE + 1,
      to: (view.page - 1) * DRILL_PAGE_SIZE + view.children.length,
    });
  });

  router.get('/sufficiency/children.csv', async (req, res) => {
    const q = FigureCsvQuery.safeParse(req.query);
    if (!q.success) throw new NotFoundError();
    const csv = await drillDownCsv(db, actorOf(req), q.data.figure, today(), {
      teamScope: config.teamScope,
    });
    const name = q.data.figure.replace(/[^A-Za-z0-9_]/g, '-');
    res.type('text/csv').attachment(`sufficiency-${name}-${today()}.csv`).send(csv);
  });

  router.get('/sufficiency.csv', async (req, res) => {
    const csv = await sufficiencyCsv(db, actorOf(req), today());
    res.type('text/csv').attachment(`sufficiency-${today()}.csv`).send(csv);
  });

  async function renderDisruption(
    req: Request,
    res: Response,
    status: number,
    body: Body,
    problems: Record<string, string> = {},
  ) {
    const child = await childForDisruption(db, actorOf(req), childIdParam(req.params.id), {
      teamScope: config.teamScope,
    });
    const { errors, errorList } = pageErrors(problems, ['meetingDate']);
    res.status(status).render('sufficiency/views/disruption.njk', {
      title: 'Record a placement disruption meeting',
      child,
      errors,
      errorList: errorList.length ? errorList : undefined,
      dates: { meetingDate: dateItems(body, 'meetingDate', errors.meetingDate !== undefined) },
      outcomeItems: Object.entries(OUTCOME_LABELS).map(([value, text]) => ({
        value,
        text,
        checked: body.outcome === value,
      })),
    });
  }

  router.get('/children/:id/disruption-meetings/new', async (req, res) => {
    await renderDisruption(req, res, 200, {});
  });

  router.post('/children/:id/disruption-meetings/new', async (req, res) => {
    const childId = childIdParam(req.params.id);
    const body = req.body as Body;
    const parsed = DisruptionInput.safeParse({
      meetingDate: joinDate(body, 'meetingDate'),
      outcome: body.outcome,
    });
    if (!parsed.success) {
      await renderDisruption(req, res, 400, body, zodProblems(parsed.error));
      return;
    }
    try {
      await recordDisruptionMeeting(db, actorOf(req), childId, parsed.data, today(), {
        teamScope: config.teamScope,
      });
    } catch (err) {
      if (err instanceof DisruptionProblems) {
        await renderDisruption(req, res, 400, body, err.problems);
        return;
      }
      throw err;
    }
    req.session.flash = 'The disruption meeting has been recorded';
    res.redirect(303, `/children/${String(childId)}`);
  });

  return router;
}
