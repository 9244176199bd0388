// Pages: /homes (in-house children's homes, filterable by an overdue Regulation 45 review or
// report), /homes/:id/visits (the home: Regulation 44 visits, with the forms to record one and to
// record its report, and Regulation 45 reviews, whose forms are in reg45Routes.ts), /supported-accommodation and
// /supported-accommodation/:id (with the quality visit form). Post/redirect/get; errors re-render
// with the GOV.UK error summary (400); a stale edit re-renders with the current values (409).
import { Router, type Request, type Response } from 'express';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { ForbiddenError, NotFoundError, requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { childIdParam as idParam } from '../children/routes.ts';
import { dateItems, joinDate, pageErrors, splitDate, zodProblems, type Body } from './form.ts';
import {
  CONFLICT_MESSAGE,
  listHomes,
  readHomeVisits,
  recordReg44Visit,
  updateReg44Visit,
  VisitProblems,
} from './homeService.ts';
import { categoryLabel, QUALITY_RATING_LABELS } from './labels.ts';
import { reg45Routes } from './reg45Routes.ts';
import { HomesQuery, QualityVisitInput, Reg44Input, Reg44Update } from './schemas.ts';
import {
  canRecordQuality,
  listSupported,
  readSupported,
  recordQualityVisit,
} from './supportedService.ts';
import { monthEnd } from './visits.ts';

const today = () => todayInLondon(new Date());

export function homesRoutes(db: Db): Router {
  const router = Router();

  router.get('/homes', async (req, res) => {
    // An unknown filter shows every home (the select offers only the known ones).
    const query = HomesQuery.safeParse(req.query);
    const flag = query.success ? query.data.flag : undefined;
    const homes = await listHomes(db, actorOf(req), today(), flag);
    res.render('homes/views/list.njk', {
      title: 'Children’s homes',
      flag: flag ?? '',
      homes: homes.map((h) => ({ ...h, categoryLabels: h.categories.map(categoryLabel) })),
    });
  });

  router.get('/homes/:id/visits', async (req, res) => {
    const home = await readHomeVisits(db, actorOf(req), idParam(req.params.id), today());
    res.render('homes/views/visits.njk', {
      title: `${home.name}: Regulation 44 visits`,
      home: { ...home, categoryLabels: home.categories.map(categoryLabel) },
      months: home.months.map((m) => ({ ...m, end: monthEnd(m.month) })),
    });
  });

  async function renderNew(
    res: Response,
    status: number,
    homeId: number,
    req: Request,
    body: Body,
    problems: Record<string, string> = {},
  ) {
    const home = await readHomeVisits(db, actorOf(req), homeId, today());
    requirePermission(actorOf(req), 'home:write');
    const { errors, errorList } = pageErrors(problems, ['visitDate', 'reportReceived']);
    res.status(status).render('homes/views/reg44-form.njk', {
      title: 'Record a Regulation 44 visit',
      home,
      values: body,
      errors,
      errorList: errorList.length ? errorList : undefined,
      dates: {
        visitDate: dateItems(body, 'visitDate', errors.visitDate !== undefined),
        reportReceived: dateItems(body, 'reportReceived', errors.reportReceived !== undefined),
      },
    });
  }

  router.get('/homes/:id/visits/new', async (req, res) => {
    await renderNew(res, 200, idParam(req.params.id), req, {});
  });

  router.post('/homes/:id/visits/new', async (req, res) => {
    const homeId = idParam(req.params.id);
    const body = req.body as Body;
    const parsed = Reg44Input.safeParse({
      visitDate: joinDate(body, 'visitDate'),
      visitor: body.visitor,
      reportReceived: joinDate(body, 'reportReceived'),
      recommendations: body.recommendations,
    });
    if (!parsed.success) {
      await renderNew(res, 400, homeId, req, body, zodProblems(parsed.error));
      return;
    }
    try {
      await recordReg44Visit(db, actorOf(req), homeId, parsed.data, today());
    } catch (err) {
      if (err instanceof VisitProblems) {
        await renderNew(res, 400, homeId, req, body, err.problems);
        return;
      }
      throw err;
    }
    req.session.flash = 'The Regulation 44 visit has been recorded';
    res.redirect(303, `/homes/${String(homeId)}/visits`);
  });

  async function renderEdit(
    res: Response,
    status: number,
    req: Request,
    homeId: number,
    visitId: number,
    body: Body | undefined,
    problems: Record<string, string> = {},
    conflict = false,
  ) {
    const actor = actorOf(req);
    const home = await readHomeVisits(db, actor, homeId, today());
    requirePermission(actor, 'home:write');
    const visit = home.visits.find((v) => v.id === visitId);
    if (!visit) throw new NotFoundError();
    const values: Body = body ?? {
      recommendations: visit.recommendations ?? '',
      version: String(visit.version),
    };
    if (!body) splitDate(values, 'reportReceived', visit.reportReceived);
    if (conflict) {
      values['reportReceived-day'] = '';
      values['reportReceived-month'] = '';
      values['reportReceived-year'] = '';
      splitDate(values, 'reportReceived', visit.reportReceived);
      values.recommendations = visit.recommendations ?? '';
      values.version = String(visit.version);
    }
    const { errors, errorList } = pageErrors(problems, ['reportReceived']);
    res.status(status).render('homes/views/reg44-edit.njk', {
      title: 'Record the visitor’s report',
      home,
      visit,
      values,
      errors,
      errorList: errorList.length ? errorList : undefined,
      dates: {
        reportReceived: dateItems(values, 'reportReceived', errors.reportReceived !== undefined),
      },
    });
  }

  router.get('/homes/:id/visits/:visitId', async (req, res) => {
    await renderEdit(res, 200, req, idParam(req.params.id), idParam(req.params.visitId), undefined);
  });

  router.post('/homes/:id/visits/:visitId', async (req, res) => {
    const homeId = idParam(req.params.id);
    const visitId = idParam(req.params.visitId);
    const body = req.body as Body;
    const parsed = Reg44Update.safeParse({
      version: body.version,
      reportReceived: joinDate(body, 'reportReceived'),
      recommendations: body.recommendations,
    });
    if (!parsed.success) {
      await renderEdit(res, 400, req, homeId, visitId, body, zodProblems(parsed.error));
      return;
    }
    try {
      await updateReg44Visit(db, actorOf(req), homeId, visitId, parsed.data, today());
    } catch (err) {
      if (err instanceof VisitProblems) {
        await renderEdit(res, 400, req, homeId, visitId, body, err.problems);
        return;
      }
      if (err instanceof ProblemError && err.status === 409) {
        await renderEdit(res, 409, req, homeId, visitId, body, { form: CONFLICT_MESSAGE }, true);
        return;
      }
      throw err;
    }
    req.session.flash = 'The visitor’s report has been recorded';
    res.redirect(303, `/homes/${String(homeId)}/visits`);
  });

  reg45Routes(router, db);

  router.get('/supported-accommodation', async (req, res) => {
    const list = await listSupported(db, actorOf(req), today());
    res.render('homes/views/supported-list.njk', {
      title: '16+ supported accommodation',
      list,
      ratings: QUALITY_RATING_LABELS,
    });
  });

  async function renderSupported(
    res: Response,
    status: number,
    req: Request,
    id: number,
    body: Body,
    problems: Record<string, string> = {},
  ) {
    const s = await readSupported(db, actorOf(req), id, today());
    const { errors, errorList } = pageErrors(problems, ['visitDate']);
    res.status(status).render('homes/views/supported.njk', {
      title: s.name,
      s,
      ratings: QUALITY_RATING_LABELS,
      values: body,
      errors,
      errorList: errorList.length ? errorList : undefined,
      dates: { visitDate: dateItems(body, 'visitDate', errors.visitDate !== undefined) },
    });
  }

  router.get('/supported-accommodation/:id', async (req, res) => {
    await renderSupported(res, 200, req, idParam(req.params.id), {});
  });

  router.post('/supported-accommodation/:id', async (req, res) => {
    const id = idParam(req.params.id);
    if (!canRecordQuality(actorOf(req))) throw new ForbiddenError();
    const body = req.body as Body;
    const parsed = QualityVisitInput.safeParse({
      visitDate: joinDate(body, 'visitDate'),
      visitor: body.visitor,
      rating: body.rating,
      notes: body.notes,
    });
    if (!parsed.success) {
      await renderSupported(res, 400, req, id, body, zodProblems(parsed.error));
      return;
    }
    try {
      await recordQualityVisit(db, actorOf(req), id, parsed.data, today());
    } catch (err) {
      if (err instanceof VisitProblems) {
        await renderSupported(res, 400, req, id, body, err.problems);
        return;
      }
      throw err;
    }
    req.session.flash = 'The quality visit has been recorded';
    res.redirect(303, `/supported-accommodation/${String(id)}`);
  });

  return router;
}
