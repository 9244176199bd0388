// Scorecard pages: /scorecard (every measure on a date, CSV and XLSX), /scorecard/measures/:id (one
// measure: definition, source, trends, England, comparators, target and RAG), its children
// (drill-down, child:read), its target and comparator forms (plan:write), and /scorecard/costs
// (placement officers record a placement's agreed weekly cost).
import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { formatUkDate, todayInLondon, type IsoDate } from '../../domain/dates/index.ts';
import { PLACEMENT_GROUPS } from '../../domain/measures/index.ts';
import { can, NotFoundError, requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { formError, formErrors } from '../../platform/http/forms.ts';
import { lineChart } from './chart.ts';
import { listCosts, readCost, saveCost, StaleCost } from './costs.ts';
import { drillDown, measureOr404 } from './drill.ts';
import { scorecardCsv, scorecardXlsx } from './export.ts';
import { ComparatorInput, CostInput, TargetInput } from './schemas.ts';
import {
  buildScorecard,
  checkDate,
  ScorecardDateError,
  unitSuffix,
  type ScorecardRow,
} from './service.ts';
import {
  addComparator,
  deleteComparator,
  DuplicateComparator,
  readTarget,
  saveTarget,
  StaleTarget,
} from './targets.ts';

type Query = Record<string, string | undefined>;
type Body = Record<string, string | undefined>;

/** The date asked for: ?at=YYYY-MM-DD, or day/month/year boxes; today when none is given. */
export function requestedDate(q: Query, today: IsoDate): string {
  const [d, m, y] = ['day', 'month', 'year'].map((k) => (q[k] ?? '').trim());
  if (d || m || y) {
    if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? ''))
      return 'invalid';
    return `${y ?? ''}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  }
  return q.at?.trim() || today;
}

function dateBoxes(q: Query, at: string | null, error: boolean) {
  const [y, m, d] = at ? at.split('-') : [];
  return (['day', 'month', 'year'] as const).map((part) => ({
    name: part,
    value: q[part] ?? (part === 'day' ? d : part === 'month' ? m : y)?.replace(/^0/, ''),
    classes: `govuk-input--width-${part === 'year' ? '4' : '2'}${error ? ' govuk-input--error' : ''}`,
  }));
}

export function formatValue(value: number | null, unit: ScorecardRow['unit']): string {
  if (value === null) return '';
  if (unit === '£') return `£${value.toLocaleString('en-GB')}`;
  return `${value.toLocaleString('en-GB')}${unitSuffix(unit)}`;
}

function formatDifference(d: number | null, unit: ScorecardRow['unit']): string {
  if (d === null) return '';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const abs = Math.abs(d);
  return `${sign}${unit === 'percent' ? `${String(abs)} points` : formatValue(abs, unit)}`;
}

const RAG_TEXT = { green: 'Green', amber: 'Amber', red: 'Red' } as const;
const RAG_CLASS = { green: 'govuk-tag--green', amber: 'govuk-tag--yellow', red: 'govuk-tag--red' };

function rowView(r: ScorecardRow) {
  return {
    ...r,
    valueText: r.figure.suppressed
      ? 'Withheld (fewer than 5)'
      : r.figure.value === null
        ? `No figure${r.figure.reason ? `: ${r.figure.reason}` : ''}`
        : formatValue(r.figure.value, r.unit),
    englandText: r.england
      ? `${formatValue(r.england.value, r.unit)} (${r.england.period}${r.england.approximate ? ', approximate' : ''})`
      : '',
    differenceText: r.england ? formatDifference(r.england.difference, r.unit) : '',
    targetText: r.target
      ? `${r.target.direction === 'at-least' ? 'At least' : 'At most'} ${formatValue(r.target.value, r.unit)}`
      : '',
    ragText: r.rag ? RAG_TEXT[r.rag] : '',
    ragClass: r.rag ? RAG_CLASS[r.rag] : '',
    countsText:
      r.figure.denominator !== null && r.figure.numerator !== null
        ? `${r.figure.numerator.toLocaleString('en-GB')} of ${r.figure.denominator.toLocaleString('en-GB')}`
        : '',
  };
}

function trendView(points: ScorecardRow['monthly'], unit: ScorecardRow['unit'], monthly: boolean) {
  return {
    chart: lineChart(points, monthly),
    rows: points.map((p) => ({
      at: p.at,
      text: formatUkDate(p.at),
      value: p.suppressed
        ? 'Withheld (fewer than 5)'
        : p.value === null
          ? 'No figure'
          : formatValue(p.value, unit),
    })),
  };
}

export function scorecardRoutes(db: Db, config: Config): Router {
  const router = Router();
  const opts = { teamScope: config.teamScope };

  /** Checks the requested date; on a bad one renders `view` with the message (400) and returns null. */
  async function dateOr400(
    req: Request,
    res: Response,
    view: string,
    extra: Record<string, unknown>,
  ): Promise<IsoDate | null> {
    const today = todayInLondon(new Date());
    const q = req.query as Query;
    const raw = requestedDate(q, today);
    try {
      return await checkDate(db, raw, today);
    } catch (e) {
      if (!(e instanceof ScorecardDateError)) throw e;
      res.status(400).render(view, {
        ...extra,
        ...formError(e.message, 'at-day'),
        errors: { at: { text: e.message } },
        dateItems: dateBoxes(q, null, true),
      });
      return null;
    }
  }

  router.get('/scorecard', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'figures:read');
    const view = 'scorecard/views/scorecard.njk';
    const at = await dateOr400(req, res, view, { title: 'Corporate parenting scorecard' });
    if (at === null) return;
    const format = (req.query as Query).format;
    const download = format === 'csv' || format === 'xlsx';
    const card = await buildScorecard(db, actor, at, { trends: download ? 'all' : 'none' });
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`hearth-scorecard-${at}.csv`)
        .send(scorecardCsv(card));
      return;
    }
    if (format === 'xlsx') {
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`hearth-scorecard-${at}.xlsx`)
        .send(await scorecardXlsx(card));
      return;
    }
    res.render(view, {
      title: 'Corporate parenting scorecard',
      card,
      atText: formatUkDate(at),
      rows: card.rows.map(rowView),
      dateItems: dateBoxes(req.query as Query, at, false),
      canDrill: can(actor, 'child:read'),
      errors: {},
    });
  });

  router.get('/scorecard/measures/:id', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'figures:read');
    const measure = measureOr404(req.params.id);
    const view = 'scorecard/views/measure.njk';
    const at = await dateOr400(req, res, view, {
      title: measure.title,
      measure: { id: measure.id, title: measure.title },
    });
    if (at === null) return;
    const card = await buildScorecard(db, actor, at, { trends: measure.id });
    const row = card.rows.find((r) => r.id === measure.id);
    if (!row) throw new NotFoundError();
    res.render(view, {
      title: measure.title,
      measure: rowView(row),
      at,
      atText: formatUkDate(at),
      suppressed: card.suppressed,
      monthly: trendView(row.monthly, row.unit, true),
      yearly: trendView(row.yearly, row.unit, false),
      breakdown: row.breakdown
        ? Object.entries(row.breakdown).map(([k, v]) => ({ key: k, value: v }))
        : [],
      comparators: row.comparators.map((c) => ({
        ...c,
        valueText: formatValue(c.value, row.unit),
      })),
      dateItems: dateBoxes(req.query as Query, at, false),
      canDrill: can(actor, 'child:read'),
      canEdit: can(actor, 'plan:write'),
      isCost: row.id.startsWith('cost-'),
      canCost: can(actor, 'placement:manage'),
      errors: {},
    });
  });

  router.get('/scorecard/measures/:id/children', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'child:read');
    const measure = measureOr404(req.params.id);
    const view = 'scorecard/views/children.njk';
    const at = await dateOr400(req, res, view, {
      title: `Children behind: ${measure.title}`,
      measure,
    });
    if (at === null) return;
    const drill = await drillDown(db, actor, measure.id, at, opts);
    res.render(view, {
      title: `Children behind: ${measure.title}`,
      drill,
      measure,
      at,
      atText: formatUkDate(at),
      dateItems: dateBoxes(req.query as Query, at, false),
      errors: {},
    });
  });

  // Targets and comparators (plan:write).
  async function renderTarget(
    res: Response,
    status: number,
    id: string,
    body: Body | null,
    extra: object,
  ) {
    const measure = measureOr404(id);
    const stored = await readTarget(db, measure.id);
    const values: Body = body ?? {
      target: stored ? String(stored.target) : '',
      direction:
        stored?.direction ?? (measure.polarity === 'lower is better' ? 'at-most' : 'at-least'),
      amberWithin: stored ? String(stored.amberWithin) : '',
      note: stored?.note ?? '',
      version: String(stored?.version ?? 0),
    };
    const comparators = await db
      .selectFrom('scorecard_comparator')
      .select(['id', 'area', 'value', 'period', 'source'])
      .where('measure_id', '=', measure.id)
      .orderBy('area')
      .execute();
    res.status(status).render('scorecard/views/target.njk', {
      title: `Target: ${measure.title}`,
      measure,
      values,
      unitText: unitSuffix(measure.unit).trim() || (measure.unit === '£' ? '£' : measure.unit),
      comparators,
      errors: {},
      ...extra,
    });
  }

  router.get('/scorecard/measures/:id/target', async (req, res) => {
    requirePermission(actorOf(req), 'plan:write');
    await renderTarget(res, 200, req.params.id, null, {});
  });

  router.post('/scorecard/measures/:id/target', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    const measure = measureOr404(req.params.id);
    const body = req.body as Body;
    const parsed = TargetInput.safeParse(body);
    if (!parsed.success) {
      await renderTarget(res, 400, measure.id, body, formErrors(parsed.error));
      return;
    }
    try {
      await saveTarget(db, actor, measure.id, parsed.data);
    } catch (e) {
      if (!(e instanceof StaleTarget)) throw e;
      const c = e.current;
      await renderTarget(
        res,
        409,
        measure.id,
        c
          ? {
              target: String(c.target),
              direction: c.direction,
              amberWithin: String(c.amberWithin),
              note: c.note,
              version: String(c.version),
            }
          : null,
        formError(
          'Someone else changed this target while you were editing it. The form now shows what is saved: check it and save your change again.',
          'target',
        ),
      );
      return;
    }
    res.redirect(303, `/scorecard/measures/${measure.id}`);
  });

  router.post('/scorecard/measures/:id/comparators', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    const measure = measureOr404(req.params.id);
    const body = req.body as Body;
    const parsed = ComparatorInput.safeParse(body);
    if (!parsed.success) {
      const e = formErrors(parsed.error);
      await renderTarget(res, 400, measure.id, null, {
        comparatorValues: body,
        comparatorErrors: e.errors,
        errorList: e.errorList,
      });
      return;
    }
    try {
      await addComparator(db, actor, measure.id, parsed.data);
    } catch (e) {
      if (!(e instanceof DuplicateComparator)) throw e;
      await renderTarget(res, 400, measure.id, null, {
        comparatorValues: body,
        comparatorErrors: {
          area: { text: 'This authority already has a figure for that period: remove it first' },
        },
        errorList: [
          {
            text: 'This authority already has a figure for that period: remove it first',
            href: '#area',
          },
        ],
      });
      return;
    }
    res.redirect(303, `/scorecard/measures/${measure.id}/target`);
  });

  router.post('/scorecard/measures/:id/comparators/:cid/delete', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    const measure = measureOr404(req.params.id);
    const cid = Number(req.params.cid);
    if (!Number.isInteger(cid) || !(await deleteComparator(db, actor, measure.id, cid)))
      throw new NotFoundError();
    res.redirect(303, `/scorecard/measures/${measure.id}/target`);
  });

  // Placement costs (placement:manage).
  router.get('/scorecard/costs', async (req, res) => {
    const actor = actorOf(req);
    const today = todayInLondon(new Date());
    const onlyMissing = (req.query as Query).missing === 'yes';
    const list = await listCosts(db, actor, today, opts, onlyMissing);
    res.render('scorecard/views/costs.njk', {
      title: 'Placement costs',
      list,
      onlyMissing,
      todayText: formatUkDate(today),
      groups: PLACEMENT_GROUPS,
    });
  });

  async function renderCost(
    req: Request,
    res: Response,
    status: number,
    id: number,
    body: Body | null,
    extra: object,
  ) {
    const p = await readCost(db, actorOf(req), id, opts);
    res.status(status).render('scorecard/views/cost.njk', {
      title: 'Agreed weekly cost',
      placement: { ...p, startText: formatUkDate(p.start) },
      values: body ?? {
        weeklyCost: p.weeklyCost === null ? '' : String(p.weeklyCost),
        version: String(p.version),
      },
      errors: {},
      ...extra,
    });
  }

  function placementId(req: Request): number {
    const id = Number(req.params.placementId);
    if (!Number.isInteger(id) || id <= 0) throw new NotFoundError();
    return id;
  }

  router.get('/scorecard/costs/:placementId', async (req, res) => {
    await renderCost(req, res, 200, placementId(req), null, {});
  });

  router.post('/scorecard/costs/:placementId', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'placement:manage');
    const id = placementId(req);
    const body = req.body as Body;
    const parsed = CostInput.safeParse(body);
    if (!parsed.success) {
      await renderCost(req, res, 400, id, body, formErrors(parsed.error));
      return;
    }
    try {
      await saveCost(db, actor, id, parsed.data, opts);
    } catch (e) {
      if (!(e instanceof StaleCost)) throw e;
      await renderCost(
        req,
        res,
        409,
        id,
        null,
        formError(
          'Someone else changed this placement while you were editing it. The form now shows the cost that is saved: check it and save your change again.',
          'weeklyCost',
        ),
      );
      return;
    }
    res.redirect(303, '/scorecard/costs');
  });

  return router;
}
