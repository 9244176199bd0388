// A line chart of a trend as plain SVG geometry for the view (scorecard/views/chart.njk): the view
// draws it with a title and a description, and a data table beside it carries every value. Missing
// or withheld points break the line.
import { formatUkDate } from '../../domain/dates/index.ts';
import type { TrendPoint } from './service.ts';

export interface Chart {
  width: number;
  height: number;
  /** SVG path data, one "M…L…" run per unbroken stretch of points. */
  path: string;
  points: { x: number; y: number }[];
  xLabels: { x: number; text: string }[];
  yTicks: { y: number; text: string }[];
  /** Left edge of the plot and its bottom. */
  left: number;
  bottom: number;
  right: number;
}

const W = 600;
const H = 220;
const LEFT = 56;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 180;

function niceMax(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

function label(at: string, monthly: boolean): string {
  const [, month = '', year = ''] = formatUkDate(at).split(' ');
  return monthly ? `${month.slice(0, 3)} ${year.slice(2)}` : `Mar ${at.slice(0, 4)}`;
}

export function lineChart(points: readonly TrendPoint[], monthly: boolean): Chart {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const min = Math.min(0, ...values);
  const max = niceMax(Math.max(0, ...values));
  const span = max - min || 1;
  const step = points.length > 1 ? (W - LEFT - RIGHT) / (points.length - 1) : 0;
  const xOf = (i: number) =>
    Math.round(LEFT + (points.length > 1 ? i * step : (W - LEFT - RIGHT) / 2));
  const yOf = (v: number) => Math.round(BOTTOM - ((v - min) / span) * (BOTTOM - TOP));
  let path = '';
  let pen = false;
  const drawn: { x: number; y: number }[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    const x = xOf(i);
    const y = yOf(p.value);
    path += `${pen ? 'L' : 'M'}${String(x)} ${String(y)} `;
    pen = true;
    drawn.push({ x, y });
  });
  const every = monthly ? 2 : 1;
  return {
    width: W,
    height: H,
    path: path.trim(),
    points: drawn,
    xLabels: points
      .map((p, i) => ({ x: xOf(i), text: label(p.at, monthly), i }))
      .filter((l) => (points.length - 1 - l.i) % every === 0)
      .map(({ x, text }) => ({ x, text })),
    yTicks: [0, 0.5, 1].map((f) => {
      const v = min + f * span;
      return { y: yOf(v), text: String(Math.round(v * 10) / 10) };
    }),
    left: LEFT,
    bottom: BOTTOM,
    right: W - RIGHT,
  };
}
