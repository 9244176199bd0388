// The scorecard: every measure on a chosen date with its monthly and yearly trend, England's figure,
// comparator authorities, the authority's target and RAG. The facts are loaded once for every date
// the page needs and each date is worked out in memory (pure). People without access to children
// (Corporate Parenting Panel members) see small numbers withheld (suppressSmall).
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/care/index.ts';
import { addDays, addMonths, isIsoDate } from '../../domain/dates/index.ts';
import {
  computeMeasures,
  MEASURES,
  type Measure,
  type MeasureData,
  type MeasureResult,
  type Unit,
} from '../../domain/measures/index.ts';
import { sliceAt } from '../../domain/measures/slice.ts';
import { suppressSmall } from '../../domain/measures/suppression.ts';
import { can } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { earliestCare, loadMeasureFacts } from '../measures/load.ts';
import { recordMiles } from '../measures/miles.ts';
import {
  differenceFromEngland,
  englandFigure,
  ragFor,
  ragRule,
  type EnglandFigure,
  type Rag,
  type Target,
} from './benchmarks.ts';

/** A date the scorecard cannot be worked out on, with the message to show. */
export class ScorecardDateError extends Error {}

/** Checks a chosen date: a real date, not after today, not before the first period of care. */
export async function checkDate(db: Db, at: string, today: IsoDate): Promise<IsoDate> {
  if (!isIsoDate(at)) throw new ScorecardDateError('Enter a real date, for example 31 3 2026');
  if (at > today)
    throw new ScorecardDateError(
      `The date must be today or in the past: the scorecard describes the record up to today (${today})`,
    );
  const first = await earliestCare(db);
  if (first === null)
    throw new ScorecardDateError(
      'There are no periods of care in the record yet, so nothing to measure',
    );
  if (at < first)
    throw new ScorecardDateError(
      `The date must be on or after ${first}, when the first period of care in the record starts`,
    );
  return at;
}

function lastDayOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

/**
 * Trend dates: the last day of each of the 12 months ending with the chosen date's month (the
 * chosen date itself for its own month), and 31 March of the last 5 years on or before it. Dates
 * before the first period of care are left out.
 */
export function trendDates(at: IsoDate, first: IsoDate): { monthly: IsoDate[]; yearly: IsoDate[] } {
  const monthly: IsoDate[] = [at];
  for (let i = 1; i < 12; i++)
    monthly.unshift(lastDayOfMonth(addMonths(`${at.slice(0, 7)}-01`, -i)));
  const year = Number(at.slice(0, 4));
  const lastMarch = `${String(at.slice(5) >= '03-31' ? year : year - 1)}-03-31`;
  const yearly: IsoDate[] = [];
  for (let i = 4; i >= 0; i--) yearly.push(`${String(Number(lastMarch.slice(0, 4)) - i)}-03-31`);
  return { monthly: monthly.filter((d) => d >= first), yearly: yearly.filter((d) => d >= first) };
}

export interface ShownFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason?: string;
  suppressed: boolean;
}

export interface TrendPoint {
  at: IsoDate;
  value: number | null;
  suppressed: boolean;
}

export interface Comparator {
  id: number;
  area: string;
  value: number;
  period: string;
  source: string;
}

export interface ScorecardTarget extends Target {
  note: string;
  version: number;
  rule: string;
}

export interface ScorecardRow {
  id: string;
  title: string;
  definition: string;
  source: string;
  unit: Unit;
  polarity: Measure['polarity'];
  figure: ShownFigure;
  breakdown: Record<string, number | null> | null;
  england: (EnglandFigure & { difference: number | null }) | null;
  comparators: Comparator[];
  target: ScorecardTarget | null;
  rag: Rag | null;
  monthly: TrendPoint[];
  yearly: TrendPoint[];
}

export interface Scorecard {
  at: IsoDate;
  /** Small numbers are withheld for this viewer. */
  suppressed: boolean;
  childPopulation: number | null;
  rows: ScorecardRow[];
}

/** Whether this viewer sees figures with small numbers withheld (no access to children's records). */
export function suppressFor(actor: Actor): boolean {
  return !can(actor, 'child:read') && !can(actor, 'pseudonymised:read');
}

export function unitSuffix(unit: Unit): string {
  return unit === 'percent' ? '%' : unit === 'days' ? ' days' : '';
}

function shown(r: MeasureResult, suppress: boolean): ShownFigure {
  const s = suppress ? suppressSmall(r) : { ...r, suppressed: false };
  const out: ShownFigure = {
    value: s.value,
    numerator: s.numerator,
    denominator: s.denominator,
    suppressed: s.suppressed,
  };
  if (s.reason !== undefined) out.reason = s.reason;
  return out;
}

/** Facts for several dates, loaded once (with distances from the loaded postcode centroids). */
export async function loadFor(db: Db, dates: readonly IsoDate[]): Promise<MeasureData> {
  const miles = await recordMiles(db);
  return loadMeasureFacts(db, dates, miles ? { miles } : {});
}

export async function readTargets(db: Db): Promise<Map<string, ScorecardTarget>> {
  const rows = await db.selectFrom('scorecard_target').selectAll().execute();
  const byId = new Map(MEASURES.map((m) => [m.id, m]));
  const out = new Map<string, ScorecardTarget>();
  for (const r of rows) {
    const t: Target = { value: r.target, direction: r.direction, amberWithin: r.amber_within };
    const unit = byId.get(r.measure_id)?.unit ?? 'count';
    out.set(r.measure_id, {
      ...t,
      note: r.note,
      version: r.version,
      rule: ragRule(t, unitSuffix(unit)),
    });
  }
  return out;
}

export async function readComparators(db: Db): Promise<Map<string, Comparator[]>> {
  const rows = await db
    .selectFrom('scorecard_comparator')
    .select(['id', 'area', 'measure_id', 'value', 'period', 'source'])
    .orderBy('area')
    .orderBy('period', 'desc')
    .execute();
  const out = new Map<string, Comparator[]>();
  for (const r of rows) {
    const list = out.get(r.measure_id) ?? [];
    list.push({ id: r.id, area: r.area, value: r.value, period: r.period, source: r.source });
    out.set(r.measure_id, list);
  }
  return out;
}

export interface BuildOptions {
  /**
   * Which measures get their trends worked out: every one (default; the API and the downloads),
   * none (the overview page), or one measure's id (its page). Trends left out are empty.
   */
  trends?: string;
}

/** The whole scorecard on `at` (already checked with checkDate). */
export async function buildScorecard(
  db: Db,
  actor: Actor,
  at: IsoDate,
  options: BuildOptions = {},
): Promise<Scorecard> {
  const which = options.trends ?? 'all';
  const first = (await earliestCare(db)) ?? at;
  const all = trendDates(at, first);
  const { monthly, yearly } = which === 'none' ? { monthly: [], yearly: [] } : all;
  const dates = [...new Set([at, ...monthly, ...yearly])].sort();
  const [facts, targets, comparators] = await Promise.all([
    loadFor(db, dates),
    readTargets(db),
    readComparators(db),
  ]);
  const byDate = new Map<IsoDate, Map<string, MeasureResult>>();
  const trended = which === 'all' ? MEASURES : MEASURES.filter((m) => m.id === which);
  for (const d of dates) {
    const data = sliceAt(facts, d);
    if (d === at) byDate.set(d, computeMeasures(data, d));
    else byDate.set(d, new Map(trended.map((m) => [m.id, m.compute(data, d)])));
  }
  const suppress = suppressFor(actor);
  const point = (d: IsoDate, id: string): TrendPoint => {
    const r = byDate.get(d)?.get(id);
    const s = r ? shown(r, suppress) : { value: null, suppressed: false };
    return { at: d, value: s.value, suppressed: s.suppressed };
  };
  const now = byDate.get(at);
  const rows = MEASURES.map((m): ScorecardRow => {
    const r = now?.get(m.id) ?? { value: null, numerator: null, denominator: null };
    const figure = shown(r, suppress);
    const breakdown = r.breakdown
      ? suppress
        ? (suppressSmall(r).breakdown ?? null)
        : r.breakdown
      : null;
    const e = englandFigure(m.id);
    const target = targets.get(m.id) ?? null;
    return {
      id: m.id,
      title: m.title,
      definition: m.definition,
      source: m.source,
      unit: m.unit,
      polarity: m.polarity,
      figure,
      breakdown,
      england: e ? { ...e, difference: differenceFromEngland(m.id, figure.value) } : null,
      comparators: comparators.get(m.id) ?? [],
      target,
      rag: target ? ragFor(figure.value, target) : null,
      monthly: which === 'all' || which === m.id ? monthly.map((d) => point(d, m.id)) : [],
      yearly: which === 'all' || which === m.id ? yearly.map((d) => point(d, m.id)) : [],
    };
  });
  return { at, suppressed: suppress, childPopulation: facts.childPopulation, rows };
}
