import { describe, expect, it } from 'vitest';
import { measureById } from './index.ts';
import { child, data } from './testData.ts';
import type { MeasureChild } from './types.ts';

const AT = '2025-03-31';

function run(id: string, children: MeasureChild[], population: number | null = 10_000): unknown {
  const m = measureById(id);
  if (!m) throw new Error(id);
  return m.compute(data(children, population), AT);
}

describe('cla-at', () => {
  it.each([
    ['in care since last year', [{ start: '2024-01-01' }], 1],
    ['entered on the date', [{ start: AT }], 1],
    ['left on the date', [{ start: '2024-01-01', end: AT }], 0],
    ['left the day after', [{ start: '2024-01-01', end: '2025-04-01' }], 1],
    ['enters the day after', [{ start: '2025-04-01' }], 0],
    ['series of short breaks (V4)', [{ start: '2024-01-01', status: 'V4' }], 0],
    [
      'single short break (V3) over the date',
      [{ start: '2025-03-30', end: '2025-04-02', status: 'V3' }],
      0,
    ],
    [
      'left and came back on the date',
      [{ start: '2024-01-01', end: '2025-02-01' }, { start: AT }],
      1,
    ],
  ])('%s', (_name, stays, expected) => {
    expect(run('cla-at', [child('2015-01-01', stays)])).toEqual({
      value: expected,
      numerator: expected,
      denominator: null,
    });
  });
});

describe('cla-rate', () => {
  const three = [
    child('2015-01-01', [{ start: '2024-01-01' }]),
    child('2012-01-01', [{ start: AT }]),
    child('2010-01-01', [{ start: '2023-01-01' }]),
  ];
  it.each([
    ['per 10,000, rounded to a whole number', 450, { value: 67, numerator: 3, denominator: 450 }],
    ['exact', 10_000, { value: 3, numerator: 3, denominator: 10_000 }],
    [
      'population missing',
      null,
      {
        value: null,
        numerator: 3,
        denominator: null,
        reason: "Child population not set (setting 'measures.child_population' or --population)",
      },
    ],
    [
      'population zero',
      0,
      {
        value: null,
        numerator: 3,
        denominator: 0,
        reason: 'Child population is zero: a rate cannot be worked out',
      },
    ],
  ])('%s', (_name, population, expected) => {
    expect(run('cla-rate', three, population)).toEqual(expected);
  });
});
