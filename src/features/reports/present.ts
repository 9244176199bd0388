// The report as the pages and the PDF show it: every figure as text ("12.5%", "Withheld"), dates in
// GOV.UK style. Pure.
import { formatUkDate } from '../../domain/dates/index.ts';
import type { ShownResult } from '../../domain/measures/suppression.ts';
import { RAG_LABELS } from '../plans/rag.ts';
import type { ActionLine, Report, ScoreRow } from './build.ts';

export const WITHHELD = 'Withheld (fewer than 5)';

function number(x: number): string {
  return x.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

export function figure(unit: string, r: Pick<ShownResult, 'value' | 'suppressed'>): string {
  if (r.suppressed) return WITHHELD;
  if (r.value === null) return 'Not available';
  return withUnit(unit, r.value);
}

function withUnit(unit: string, v: number): string {
  if (unit === 'percent') return `${number(v)}%`;
  if (unit === '£') return `£${number(v)}`;
  if (unit === 'days') return `${number(v)} days`;
  return number(v);
}

function change(row: ScoreRow): string {
  if (row.change === null) return 'Not comparable';
  const sign = row.change > 0 ? '+' : row.change < 0 ? '−' : '';
  const abs = Math.abs(row.change);
  return `${sign}${row.unit === 'percent' ? `${number(abs)} points` : withUnit(row.unit, abs)}`;
}

const DIRECTION_TEXT: Record<ScoreRow['direction'], string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  'no change': 'No change',
  'no better direction': 'Not judged',
  'not comparable': 'Not comparable',
};

function row(r: ScoreRow) {
  return {
    id: r.id,
    title: r.title,
    start: figure(r.unit, r.start),
    end: figure(r.unit, r.end),
    change: change(r),
    direction: DIRECTION_TEXT[r.direction],
    england: r.england ? `${withUnit(r.unit, r.england.value)} (${r.england.period})` : '–',
    target: r.target
      ? `${r.target.direction === 'at-least' ? 'At least' : 'At most'} ${withUnit(r.unit, r.target.value)}${r.target.rag ? `: ${RAG_LABELS[r.target.rag]}` : ''}`
      : '–',
  };
}

function action(a: ActionLine) {
  return {
    id: a.id,
    strategy: a.strategy,
    title: a.title,
    theme: a.theme,
    owner: a.owner,
    due: a.dueDate ? formatUkDate(a.dueDate) : 'Ongoing',
    rag: a.rag ? RAG_LABELS[a.rag] : '',
    why: a.why,
  };
}

export function present(r: Report) {
  return {
    kind: r.kind,
    title: r.title,
    authority: r.authority,
    period: `${formatUkDate(r.from)} to ${formatUkDate(r.to)}`,
    nextPeriod: `${formatUkDate(r.nextFrom)} to ${formatUkDate(r.nextTo)}`,
    from: r.from,
    to: r.to,
    scorecard: r.scorecard.map(row),
    progress: { actions: r.progress.actions.map(action), measures: r.progress.measures.map(row) },
    concern: { actions: r.concern.actions.map(action), measures: r.concern.measures.map(row) },
    next: r.next.map(action),
    ragSummary: r.ragSummary,
    hasEngland: r.scorecard.some((s) => s.england !== null),
    hasTargets: r.scorecard.some((s) => s.target !== null),
  };
}
export type PresentedReport = ReturnType<typeof present>;
