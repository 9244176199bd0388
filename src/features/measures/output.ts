// `hearth measures` output: JSON {"at","measures":{"<id>":{"value","numerator","denominator"}}}
// (plus "reason" when the value is null and there is one), or a text table with titles.
import type { IsoDate } from '../../domain/care/index.ts';
import { MEASURES, type Measure, type MeasureResult } from '../../domain/measures/index.ts';

export interface JsonMeasure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason?: string;
}

export function asJson(at: IsoDate, results: ReadonlyMap<string, MeasureResult>): string {
  const measures: Record<string, JsonMeasure> = {};
  for (const [id, r] of results) {
    const m: JsonMeasure = { value: r.value, numerator: r.numerator, denominator: r.denominator };
    if (r.value === null && r.reason) m.reason = r.reason;
    measures[id] = m;
  }
  return JSON.stringify({ at, measures });
}

function shown(m: Measure, r: MeasureResult): string {
  if (r.value === null) return '–';
  switch (m.unit) {
    case 'percent':
      return `${String(r.value)}%`;
    case 'days':
      return `${String(r.value)} days`;
    case '£':
      return `£${String(r.value)}`;
    case 'count':
    case 'average':
    case 'rate per 10,000':
      return String(r.value);
  }
}

/** One line per measure: title, value, numerator / denominator, and why when there is no value. */
export function asText(at: IsoDate, results: ReadonlyMap<string, MeasureResult>): string[] {
  const width = Math.max(...MEASURES.map((m) => m.title.length));
  const lines = [`Measures at ${at} (twelve-month measures: the year ending on ${at})`, ''];
  for (const m of MEASURES) {
    const r = results.get(m.id);
    if (!r) continue;
    const basis =
      r.denominator === null ? '' : `  (${String(r.numerator ?? '–')} / ${String(r.denominator)})`;
    const why = r.value === null && r.reason ? `  ${r.reason}` : '';
    lines.push(`${m.title.padEnd(width)}  ${shown(m, r).padStart(9)}${basis}${why}`);
  }
  return lines;
}
