// The fostering service's two period reports, /fostering/recruitment (the funnel) and
// /fostering/retention (carers leaving): one handler shape for both (the period from the query, a
// 400 with the form on a bad one, the page or ?format=csv), and the CSV of each.
import type { Request, RequestHandler, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/connect.ts';
import { addMonths, todayInLondon } from '../../domain/dates/index.ts';
import { requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { formErrors } from '../../platform/http/forms.ts';
import type { Funnel, Retention } from './journey.ts';
import { RangeQuery } from './schemas.ts';
import { recruitment, retentionView } from './service.ts';

type Range = ReturnType<typeof RangeQuery.parse>;

/** The period asked for, or the last `months` months to today. */
export function rangeOf(q: { from?: string | undefined; to?: string | undefined }, months: number) {
  const to = q.to ?? todayInLondon(new Date());
  return { from: q.from ?? addMonths(to, -months), to };
}

/** Where the period's enquiries are now (the page's last table and the CSV's last rows). */
export const OUTCOME_LABELS: Record<keyof Funnel['outcomes'], string> = {
  approved: 'Approved',
  withdrawn: 'Withdrew before approval',
  inAssessment: 'Still being assessed',
};

export function funnelCsv(f: Funnel): string {
  const stageRows = f.stages.map((s) => [
    'stage',
    s.label,
    s.reached,
    s.conversion ?? '',
    s.ofEnquiries ?? '',
    s.medianDaysFromPrevious ?? '',
  ]);
  const monthRows = f.months.map((m) => ['month', m.month, ...m.counts]);
  return stringify([
    [
      'row',
      'stage or month',
      'reached',
      'conversion from previous %',
      'of enquiries %',
      'median days from previous stage',
    ],
    ...stageRows,
    ['row', 'month of enquiry', ...f.stages.map((s) => s.label)],
    ...monthRows,
    ['outcome', OUTCOME_LABELS.approved, f.outcomes.approved],
    ['outcome', OUTCOME_LABELS.withdrawn, f.outcomes.withdrawn],
    ['outcome', OUTCOME_LABELS.inAssessment, f.outcomes.inAssessment],
  ]);
}

export function retentionCsv(r: Retention): string {
  return stringify([
    ['row', 'reason or period', 'resigned', 'deregistered'],
    ...r.byReason.map((x) => ['reason', x.label, x.resigned, x.deregistered]),
    ...r.byPeriod.map((x) => ['period', x.period, x.resigned, x.deregistered]),
  ]);
}

interface PeriodReport<T> {
  /** The page's name, also the CSV file's prefix and the view's file name. */
  name: 'recruitment' | 'retention';
  title: string;
  load: (actor: Actor, from: string, to: string, q: Range) => Promise<T>;
  csv: (report: T) => string;
  /** What the view gets besides the title and errors: the report and the form's values. */
  view: (report: T, from: string, to: string, q: Range) => Record<string, unknown>;
}

/** GET handler of a period report: carer:read, the last 24 months by default. */
function periodReport<T>(r: PeriodReport<T>): RequestHandler {
  const view = `fostering/views/${r.name}.njk`;
  return async (req: Request, res: Response) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:read');
    const q = RangeQuery.safeParse(req.query);
    if (!q.success) {
      res.status(400).render(view, { title: r.title, values: req.query, ...formErrors(q.error) });
      return;
    }
    const { from, to } = rangeOf(q.data, 24);
    const report = await r.load(actor, from, to, q.data);
    if (q.data.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${r.name}-${from}-${to}.csv`)
        .send(r.csv(report));
      return;
    }
    res.render(view, { title: r.title, ...r.view(report, from, to, q.data), errors: {} });
  };
}

export function recruitmentPage(db: Db): RequestHandler {
  return periodReport<Funnel>({
    name: 'recruitment',
    title: 'Recruitment funnel',
    load: (actor, from, to) => recruitment(db, actor, from, to),
    csv: funnelCsv,
    view: (f, from, to) => ({ f, outcomeLabels: OUTCOME_LABELS, values: { from, to } }),
  });
}

export function retentionPage(db: Db): RequestHandler {
  return periodReport<Retention>({
    name: 'retention',
    title: 'Carers leaving',
    load: (actor, from, to, q) => retentionView(db, actor, from, to, q.by),
    csv: retentionCsv,
    view: (r, from, to, q) => ({ r, values: { from, to, by: q.by } }),
  });
}
