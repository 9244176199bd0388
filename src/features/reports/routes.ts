// Report pages: /reports (choose the report and period), /reports/view?kind&from&to (the report as
// an accessible page, with a PDF link or an honest note that no PDF can be made here) and
// /reports/pdf?kind&from&to (the same report printed by Chromium). Dates come either as
// from=YYYY-MM-DD or as the form's from-day, from-month and from-year boxes.
import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { addDays, addMonths, todayInLondon } from '../../domain/dates/index.ts';
import { requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { REPORT_KINDS, REPORT_TITLES } from './build.ts';
import { htmlToPdf, NO_BROWSER_MESSAGE, NoBrowser, pdfAvailable } from './pdf.ts';
import { present } from './present.ts';
import { generateReport, ReportPeriodProblem } from './reportService.ts';
import { ReportQuery } from './schemas.ts';

type Query = Record<string, unknown>;

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function dateOf(q: Query, name: string): string {
  const whole = str(q[name]);
  if (whole) return whole;
  const [d, m, y] = ['day', 'month', 'year'].map((p) => str(q[`${name}-${p}`]));
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? ''))
    return 'invalid';
  return `${y ?? ''}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}

function boxes(q: Query, name: string, error: boolean) {
  const iso = str(q[name]);
  const parts = /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? {
        day: String(Number(iso.slice(8))),
        month: String(Number(iso.slice(5, 7))),
        year: iso.slice(0, 4),
      }
    : undefined;
  return (['day', 'month', 'year'] as const).map((part) => ({
    name: part,
    value: parts ? parts[part] : q[`${name}-${part}`],
    classes: `govuk-input--width-${part === 'year' ? '4' : '2'}${error ? ' govuk-input--error' : ''}`,
  }));
}

function renderForm(
  res: Response,
  status: number,
  q: Query,
  problems: Record<string, string> = {},
) {
  const errors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, { text: v }]));
  res.status(status).render('reports/views/form.njk', {
    title: 'Generate a report',
    kinds: REPORT_KINDS.map((k) => ({
      value: k,
      text: REPORT_TITLES[k],
      checked: str(q.kind) === k,
    })),
    fromItems: boxes(q, 'from', errors.from !== undefined),
    toItems: boxes(q, 'to', errors.to !== undefined),
    errors,
    errorList: Object.keys(problems).length
      ? Object.entries(problems).map(([k, v]) => ({
          text: v,
          href: k === 'kind' ? '#kind' : `#${k}-day`,
        }))
      : undefined,
  });
}

export function reportRoutes(db: Db, config: Config): Router {
  const router = Router();

  router.get('/reports', (req, res) => {
    requirePermission(actorOf(req), 'report:generate');
    const today = todayInLondon(new Date());
    // The last three months by default.
    renderForm(res, 200, { from: addDays(addMonths(today, -3), 1), to: today });
  });

  /** The report for the query, or a re-rendered form (and undefined) when it cannot be made. */
  async function reportFor(req: Request, res: Response) {
    const actor = actorOf(req);
    requirePermission(actor, 'report:generate');
    const q = req.query as Query;
    const parsed = ReportQuery.safeParse({
      kind: str(q.kind),
      from: dateOf(q, 'from'),
      to: dateOf(q, 'to'),
    });
    if (!parsed.success) {
      const { errors } = formErrors(parsed.error);
      renderForm(
        res,
        400,
        q,
        Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.text])),
      );
      return undefined;
    }
    try {
      return {
        query: parsed.data,
        report: await generateReport(db, actor, config, parsed.data, todayInLondon(new Date())),
      };
    } catch (err) {
      if (err instanceof ReportPeriodProblem) {
        renderForm(res, 400, q, { [err.field]: err.message });
        return undefined;
      }
      throw err;
    }
  }

  router.get('/reports/view', async (req, res) => {
    const made = await reportFor(req, res);
    if (!made) return;
    const { query } = made;
    const report = present(made.report);
    res.render('reports/views/report.njk', {
      title: `${report.title}, ${report.period}`,
      report,
      pdfHref: pdfAvailable()
        ? `/reports/pdf?kind=${query.kind}&from=${query.from}&to=${query.to}`
        : undefined,
      noPdf: NO_BROWSER_MESSAGE,
    });
  });

  router.get('/reports/pdf', async (req, res) => {
    const made = await reportFor(req, res);
    if (!made) return;
    const report = present(made.report);
    const html = await new Promise<string>((resolve, reject) => {
      res.render('reports/views/print.njk', { report }, (err: Error | null, out?: string) => {
        if (err) reject(err);
        else resolve(out ?? '');
      });
    });
    try {
      const pdf = await htmlToPdf(html, `${report.title}, ${report.period}`);
      const name = `${made.query.kind === 'panel' ? 'corporate-parenting-panel' : 'improvement-board'}-${made.query.from}-to-${made.query.to}.pdf`;
      res
        .status(200)
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="${name}"`)
        .send(pdf);
    } catch (err) {
      if (!(err instanceof NoBrowser)) throw err;
      res.status(503).render('reports/views/report.njk', {
        title: `${report.title}, ${report.period}`,
        report,
        noPdf: NO_BROWSER_MESSAGE,
      });
    }
  });

  return router;
}
