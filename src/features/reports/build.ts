// A governance report for a period, worked out from the measures at the period's start and end and
// from the action plans' RAG histories. Pure: the caller loads the figures and actions.
//
// - Scorecard: each measure's value at the period end and the change since its start, with
//   small numbers withheld (suppressSmall) at both ends; a change is shown only when both figures
//   are. "Improving" / "worsening" follow the measure's polarity; measures with no better direction
//   (e.g. children in care) are shown but never called either.
// - Areas of progress: actions whose RAG turned green or complete during the period, and measures
//   improving.
// - Areas of concern: actions red at the period end or overdue on it (past due, not complete), and
//   measures worsening.
// - Actions for the next period: actions due in the period of the same length after this one that
//   were not complete at its end.
// Anonymised by construction: only whole-authority figures and plan actions, never a child.
import { addDays, daysBetween, formatUkDate, type IsoDate } from '../../domain/dates/index.ts';
import type { Measure, MeasureResult, Polarity } from '../../domain/measures/index.ts';
import { suppressSmall, type ShownResult } from '../../domain/measures/suppression.ts';
import { ragOn, type Rag, type RagChange } from '../plans/rag.ts';

export const REPORT_KINDS = ['panel', 'board'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, string> = {
  panel: 'Corporate Parenting Panel report',
  board: 'Improvement Board highlight report',
};

export type Direction =
  'improving' | 'worsening' | 'no change' | 'no better direction' | 'not comparable';

export interface ReportAction {
  id: number;
  strategy: string;
  theme: string;
  title: string;
  owner: string;
  dueDate: IsoDate | null;
  changes: readonly RagChange[];
}

export interface MeasureContext {
  england?: { value: number; period: string } | undefined;
  target?:
    | { value: number; direction: 'at-least' | 'at-most'; rag: 'green' | 'amber' | 'red' | null }
    | undefined;
}

export interface ReportInput {
  kind: ReportKind;
  from: IsoDate;
  to: IsoDate;
  authority: string;
  measures: readonly Pick<Measure, 'id' | 'title' | 'unit' | 'polarity'>[];
  start: ReadonlyMap<string, MeasureResult>;
  end: ReadonlyMap<string, MeasureResult>;
  /** England's figure and the authority's target for a measure, when known. */
  context?: (measureId: string, endValue: number | null) => MeasureContext;
  actions: readonly ReportAction[];
}

export interface ScoreRow {
  id: string;
  title: string;
  unit: string;
  polarity: Polarity;
  start: ShownResult;
  end: ShownResult;
  change: number | null;
  direction: Direction;
  england: { value: number; period: string } | null;
  target: NonNullable<MeasureContext['target']> | null;
}

export interface ActionLine extends Omit<ReportAction, 'changes'> {
  /** RAG at the period end. */
  rag: Rag | null;
  /** Why it is listed: "Turned green on …", "Overdue since …", "Red". */
  why: string;
  /** The date that put it on the list (for sorting). */
  date: IsoDate;
}

export interface Report {
  kind: ReportKind;
  title: string;
  authority: string;
  from: IsoDate;
  to: IsoDate;
  nextFrom: IsoDate;
  nextTo: IsoDate;
  scorecard: ScoreRow[];
  progress: { actions: ActionLine[]; measures: ScoreRow[] };
  concern: { actions: ActionLine[]; measures: ScoreRow[] };
  next: ActionLine[];
  /** Actions by RAG at the period end, by strategy. */
  ragSummary: {
    strategy: string;
    red: number;
    amber: number;
    green: number;
    complete: number;
    overdue: number;
  }[];
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function direction(
  polarity: Polarity,
  start: ShownResult,
  end: ShownResult,
): { change: number | null; direction: Direction } {
  if (start.suppressed || end.suppressed || start.value === null || end.value === null)
    return { change: null, direction: 'not comparable' };
  const change = round1(end.value - start.value);
  if (polarity === 'neither') return { change, direction: 'no better direction' };
  if (change === 0) return { change, direction: 'no change' };
  const better = polarity === 'higher is better' ? change > 0 : change < 0;
  return { change, direction: better ? 'improving' : 'worsening' };
}

const byDate = (a: ActionLine, b: ActionLine) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;

export function buildReport(input: ReportInput): Report {
  const { from, to } = input;
  const length = Math.max(daysBetween(from, to), 1);
  const nextFrom = addDays(to, 1);
  const nextTo = addDays(to, length);

  const scorecard: ScoreRow[] = input.measures.map((m) => {
    const none: MeasureResult = {
      value: null,
      numerator: null,
      denominator: null,
      reason: 'Not worked out',
    };
    const start = suppressSmall(input.start.get(m.id) ?? none);
    const end = suppressSmall(input.end.get(m.id) ?? none);
    const ctx = input.context ? input.context(m.id, end.suppressed ? null : end.value) : {};
    return {
      id: m.id,
      title: m.title,
      unit: m.unit,
      polarity: m.polarity,
      start,
      end,
      ...direction(m.polarity, start, end),
      england: ctx.england ?? null,
      target: ctx.target ?? null,
    };
  });

  const progress: ActionLine[] = [];
  const concern: ActionLine[] = [];
  const next: ActionLine[] = [];
  const summary = new Map<string, Report['ragSummary'][number]>();
  for (const a of input.actions) {
    const ragAtEnd = ragOn(a.changes, to);
    const line = (why: string, date: IsoDate): ActionLine => ({
      id: a.id,
      strategy: a.strategy,
      theme: a.theme,
      title: a.title,
      owner: a.owner,
      dueDate: a.dueDate,
      rag: ragAtEnd,
      why,
      date,
    });
    if (ragAtEnd === null) continue; // did not exist yet at the period end
    const s = summary.get(a.strategy) ?? {
      strategy: a.strategy,
      red: 0,
      amber: 0,
      green: 0,
      complete: 0,
      overdue: 0,
    };
    s[ragAtEnd] += 1;
    const overdue = a.dueDate !== null && a.dueDate < to && ragAtEnd !== 'complete';
    if (overdue) s.overdue += 1;
    summary.set(a.strategy, s);

    const turned = a.changes
      .filter(
        (c) =>
          c.effectiveDate >= from &&
          c.effectiveDate <= to &&
          (c.to === 'green' || c.to === 'complete') &&
          c.from !== c.to &&
          c.from !== 'complete',
      )
      .sort((x, y) =>
        x.effectiveDate < y.effectiveDate
          ? 1
          : x.effectiveDate > y.effectiveDate
            ? -1
            : y.seq - x.seq,
      )[0];
    if (turned)
      progress.push(
        line(
          turned.to === 'complete'
            ? `Completed on ${formatUkDate(turned.effectiveDate)}`
            : `Turned green on ${formatUkDate(turned.effectiveDate)}`,
          turned.effectiveDate,
        ),
      );
    if (ragAtEnd === 'red' || overdue) {
      const why = [
        ragAtEnd === 'red' ? 'Red' : '',
        overdue && a.dueDate ? `Overdue: due ${formatUkDate(a.dueDate)}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      concern.push(line(why, a.dueDate ?? to));
    }
    if (
      a.dueDate !== null &&
      a.dueDate >= nextFrom &&
      a.dueDate <= nextTo &&
      ragAtEnd !== 'complete'
    )
      next.push(line(`Due ${formatUkDate(a.dueDate)}`, a.dueDate));
  }

  return {
    kind: input.kind,
    title: REPORT_TITLES[input.kind],
    authority: input.authority,
    from,
    to,
    nextFrom,
    nextTo,
    scorecard,
    progress: {
      actions: progress.sort(byDate),
      measures: scorecard.filter((r) => r.direction === 'improving'),
    },
    concern: {
      actions: concern.sort(byDate),
      measures: scorecard.filter((r) => r.direction === 'worsening'),
    },
    next: next.sort(byDate),
    ragSummary: [...summary.values()],
  };
}
