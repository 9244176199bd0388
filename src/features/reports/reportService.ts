// Generating a report: the measures for the whole authority at the period's start and end (small
// numbers withheld), England's figures and the authority's targets (src/features/scorecard), and
// every plan action with its RAG history. Needs report:generate. Generating is audited (an export
// of figures), with no child named.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/dates/index.ts';
import { computeMeasures, MEASURES, measureById } from '../../domain/measures/index.ts';
import { requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { sliceAt } from '../../domain/measures/slice.ts';
import { earliestCare, loadMeasureFacts } from '../measures/load.ts';
import { recordMiles } from '../measures/miles.ts';
import type { RagChange } from '../plans/rag.ts';
import { englandFigure, ragFor } from '../scorecard/benchmarks.ts';
import { buildReport, type Report, type ReportAction } from './build.ts';
import type { ReportQuery } from './schemas.ts';

/** The period cannot be reported on: the message names the field and why. */
export class ReportPeriodProblem extends Error {
  readonly field: 'from' | 'to';
  constructor(field: 'from' | 'to', message: string) {
    super(message);
    this.field = field;
  }
}

async function loadActions(db: Db): Promise<ReportAction[]> {
  const [actions, changes] = await Promise.all([
    db
      .selectFrom('plan_action as a')
      .innerJoin('plan_strategy as s', 's.id', 'a.strategy_id')
      .innerJoin('app_user as u', 'u.id', 'a.owner_id')
      .select([
        'a.id',
        's.name as strategy',
        'a.theme',
        'a.title',
        'u.display_name as owner',
        'a.due_date',
      ])
      .orderBy('s.id')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('plan_rag_change')
      .select(['id', 'action_id', 'effective_date', 'from_rag', 'to_rag'])
      .orderBy('id')
      .execute(),
  ]);
  const byAction = new Map<number, RagChange[]>();
  for (const c of changes) {
    const list = byAction.get(c.action_id) ?? [];
    list.push({ effectiveDate: c.effective_date, from: c.from_rag, to: c.to_rag, seq: c.id });
    byAction.set(c.action_id, list);
  }
  return actions.map((a) => ({
    id: a.id,
    strategy: a.strategy,
    theme: a.theme,
    title: a.title,
    owner: a.owner,
    dueDate: a.due_date,
    changes: byAction.get(a.id) ?? [],
  }));
}

export async function generateReport(
  db: Db,
  actor: Actor,
  config: Config,
  q: ReportQuery,
  today: IsoDate,
): Promise<Report> {
  requirePermission(actor, 'report:generate');
  if (q.to > today)
    throw new ReportPeriodProblem('to', 'The end of the period must be today or in the past');
  const first = await earliestCare(db);
  if (first === null)
    throw new ReportPeriodProblem(
      'from',
      'The record has no periods of care yet, so there are no figures to report',
    );
  if (q.from < first)
    throw new ReportPeriodProblem(
      'from',
      `The start of the period must be on or after the earliest period of care in the record (${first})`,
    );
  // Distances from the loaded postcode centroids (`hearth postcodes`), as the scorecard's.
  const miles = await recordMiles(db);
  // The facts are loaded once for both dates and cut for each (as the loader would for one date).
  const [facts, actions, targets] = await Promise.all([
    loadMeasureFacts(db, [q.from, q.to], miles ? { miles } : {}),
    loadActions(db),
    db.selectFrom('scorecard_target').selectAll().execute(),
  ]);
  const targetBy = new Map(targets.map((t) => [t.measure_id, t]));
  const report = buildReport({
    kind: q.kind,
    from: q.from,
    to: q.to,
    authority: config.authority.name,
    measures: MEASURES,
    start: computeMeasures(sliceAt(facts, q.from), q.from),
    end: computeMeasures(sliceAt(facts, q.to), q.to),
    actions,
    context: (id, value) => {
      const e = englandFigure(id);
      const t = targetBy.get(id);
      return {
        england: e && measureById(id) ? { value: e.value, period: e.period } : undefined,
        target: t
          ? {
              value: t.target,
              direction: t.direction,
              rag: ragFor(value, {
                value: t.target,
                direction: t.direction,
                amberWithin: t.amber_within,
              }),
            }
          : undefined,
      };
    },
  });
  await db.transaction().execute((trx) =>
    audit(trx, actor, {
      action: 'export',
      recordType: 'report',
      recordId: q.kind,
      detail: { kind: q.kind, from: q.from, to: q.to },
    }),
  );
  return report;
}
