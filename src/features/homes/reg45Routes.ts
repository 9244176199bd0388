// Pages to record and change a Regulation 45 review of a home: /homes/:id/reviews/new and
// /homes/:id/reviews/:reviewId. Post/redirect/get; errors re-render with the GOV.UK error summary
// (400) and save nothing; a stale change re-renders with the current values (409).
import type { Request, Response, Router } from 'express';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { childIdParam as idParam } from '../children/routes.ts';
import { dateItems, joinDate, pageErrors, splitDate, zodProblems, type Body } from './form.ts';
import { readHomeVisits, VisitProblems } from './homeService.ts';
import { recordReg45Review, REVIEW_CONFLICT_MESSAGE, updateReg45Review } from './reg45Service.ts';
import { Reg45Input, Reg45Update } from './schemas.ts';

const today = () => todayInLondon(new Date());
const DATES = ['periodStart', 'periodEnd', 'completedOn', 'sentToOfstedOn'] as const;
const FIELDS: readonly string[] = ['form', ...DATES, 'summary', 'actions'];

/** Problems in the order of the form's fields, so the error summary reads down the page. */
function inFormOrder(problems: Record<string, string>): Record<string, string> {
  const rank = (k: string) => (FIELDS.includes(k) ? FIELDS.indexOf(k) : FIELDS.length);
  return Object.fromEntries(Object.entries(problems).sort(([a], [b]) => rank(a) - rank(b)));
}

function fromBody(body: Body) {
  return {
    periodStart: joinDate(body, 'periodStart'),
    periodEnd: joinDate(body, 'periodEnd'),
    completedOn: joinDate(body, 'completedOn'),
    sentToOfstedOn: joinDate(body, 'sentToOfstedOn'),
    summary: body.summary,
    actions: body.actions,
  };
}

export function reg45Routes(router: Router, db: Db): void {
  async function render(
    res: Response,
    req: Request,
    status: number,
    homeId: number,
    reviewId: number | null,
    body: Body | undefined,
    problems: Record<string, string> = {},
    conflict = false,
  ) {
    const actor = actorOf(req);
    const home = await readHomeVisits(db, actor, homeId, today());
    requirePermission(actor, 'home:write');
    const review = reviewId === null ? null : home.reviews.find((r) => r.id === reviewId);
    if (review === undefined) throw new NotFoundError();
    let values: Body = body ?? {};
    if (review && (!body || conflict)) {
      values = {
        summary: review.summary,
        actions: review.actions ?? '',
        version: String(review.version),
      };
      splitDate(values, 'periodStart', review.periodStart);
      splitDate(values, 'periodEnd', review.periodEnd);
      splitDate(values, 'completedOn', review.completedOn);
      splitDate(values, 'sentToOfstedOn', review.sentToOfstedOn);
    }
    const { errors, errorList } = pageErrors(inFormOrder(problems), DATES);
    res.status(status).render('homes/views/reg45-form.njk', {
      title: review ? 'Change a Regulation 45 review' : 'Record a Regulation 45 review',
      home,
      review,
      values,
      errors,
      errorList: errorList.length ? errorList : undefined,
      dates: Object.fromEntries(
        DATES.map((d) => [d, dateItems(values, d, errors[d] !== undefined)]),
      ),
    });
  }

  router.get('/homes/:id/reviews/new', async (req, res) => {
    await render(res, req, 200, idParam(req.params.id), null, undefined);
  });

  router.post('/homes/:id/reviews/new', async (req, res) => {
    const homeId = idParam(req.params.id);
    const body = req.body as Body;
    const parsed = Reg45Input.safeParse(fromBody(body));
    if (!parsed.success) {
      await render(res, req, 400, homeId, null, body, zodProblems(parsed.error));
      return;
    }
    try {
      await recordReg45Review(db, actorOf(req), homeId, parsed.data, today());
    } catch (err) {
      if (err instanceof VisitProblems) {
        await render(res, req, 400, homeId, null, body, err.problems);
        return;
      }
      throw err;
    }
    req.session.flash = 'The Regulation 45 review has been recorded';
    res.redirect(303, `/homes/${String(homeId)}/visits#reviews`);
  });

  router.get('/homes/:id/reviews/:reviewId', async (req, res) => {
    await render(res, req, 200, idParam(req.params.id), idParam(req.params.reviewId), undefined);
  });

  router.post('/homes/:id/reviews/:reviewId', async (req, res) => {
    const homeId = idParam(req.params.id);
    const reviewId = idParam(req.params.reviewId);
    const body = req.body as Body;
    const parsed = Reg45Update.safeParse({ version: body.version, ...fromBody(body) });
    if (!parsed.success) {
      await render(res, req, 400, homeId, reviewId, body, zodProblems(parsed.error));
      return;
    }
    try {
      await updateReg45Review(db, actorOf(req), homeId, reviewId, parsed.data, today());
    } catch (err) {
      if (err instanceof VisitProblems) {
        await render(res, req, 400, homeId, reviewId, body, err.problems);
        return;
      }
      if (err instanceof ProblemError && err.status === 409) {
        const problems = { form: REVIEW_CONFLICT_MESSAGE };
        await render(res, req, 409, homeId, reviewId, body, problems, true);
        return;
      }
      throw err;
    }
    req.session.flash = 'The Regulation 45 review has been changed';
    res.redirect(303, `/homes/${String(homeId)}/visits#reviews`);
  });
}
