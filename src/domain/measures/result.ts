// Turning counts into a MeasureResult with the rounding each unit uses.
import type { MeasureResult } from './types.ts';

function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

/** A plain count: value = numerator, no denominator. */
export function count(n: number, breakdown?: Record<string, number>): MeasureResult {
  return breakdown
    ? { value: n, numerator: n, denominator: null, breakdown }
    : { value: n, numerator: n, denominator: null };
}

function ratio(
  numerator: number,
  denominator: number,
  scale: number,
  places: number,
  breakdown?: Record<string, number>,
): MeasureResult {
  const r: MeasureResult =
    denominator > 0
      ? { value: round((numerator / denominator) * scale, places), numerator, denominator }
      : { value: null, numerator, denominator, reason: 'No one in the cohort' };
  if (breakdown) r.breakdown = breakdown;
  return r;
}

/** Percent to one decimal place; null value (with a reason) for an empty cohort. */
export function percent(n: number, d: number, breakdown?: Record<string, number>): MeasureResult {
  return ratio(n, d, 100, 1, breakdown);
}

/** Mean to one decimal place (numerator is the total). */
export function average(total: number, d: number): MeasureResult {
  return ratio(total, d, 1, 1);
}

/** Mean in whole days (numerator is the total number of days). */
export function meanDays(totalDays: number, d: number): MeasureResult {
  return ratio(totalDays, d, 1, 0);
}

/** Per 10,000 to the nearest whole number, as the DfE publishes rates. */
export function per10k(n: number, population: number): MeasureResult {
  return ratio(n, population, 10_000, 0);
}

/** Adds one to a keyed tally. */
export function tally(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/** Mean in whole pounds (numerator is the total). */
export function meanPounds(
  total: number,
  d: number,
  breakdown?: Record<string, number>,
): MeasureResult {
  return ratio(total, d, 1, 0, breakdown);
}
