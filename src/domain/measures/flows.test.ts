import { describe, expect, it } from 'vitest';
import { measureById } from './index.ts';
import { child, data } from './testData.ts';

const AT = '2025-03-31';

describe('entrants', () => {
  it('counts each child once, in the twelve months including both ends, without short breaks', () => {
    const children = [
      child('2015-01-01', [{ start: '2024-04-01', cin: 'N2' }]), // first day of the window
      child('2015-01-01', [{ start: '2024-03-31' }]), // the day before: not counted
      child('2015-01-01', [{ start: AT, cin: 'N4' }]), // on the date
      // two starts in the year: counted once, at the first
      child('2015-01-01', [
        { start: '2024-05-10', end: '2024-06-01', cin: 'N1' },
        { start: '2024-09-01', cin: 'N1' },
      ]),
      child('2015-01-01', [{ start: '2024-07-01', status: 'V3', end: '2024-07-03' }]), // short break
      child('2015-01-01', [{ start: '2025-04-01' }]), // after the date
    ];
    expect(measureById('entrants')?.compute(data(children), AT)).toEqual({
      value: 3,
      numerator: 3,
      denominator: null,
      breakdown: { '2024-04': 1, N2: 1, '2025-03': 1, N4: 1, '2024-05': 1, N1: 1 },
    });
  });
});

describe('leavers', () => {
  it('counts endings in the window by month and reason', () => {
    const children = [
      child('2010-01-01', [{ start: '2020-01-01', end: AT, endReason: 'E4A' }]), // left on the date
      child('2010-01-01', [{ start: '2020-01-01', end: '2024-03-31', endReason: 'E11' }]), // before
      child('2010-01-01', [{ start: '2020-01-01', end: '2024-04-01', endReason: 'E45' }]), // first day
      child('2007-01-01', [{ start: '2020-01-01' }]), // still in care
      child('2010-01-01', [{ start: '2024-08-01', end: '2024-08-02', status: 'V3' }]), // short break
    ];
    expect(measureById('leavers')?.compute(data(children), AT)).toEqual({
      value: 2,
      numerator: 2,
      denominator: null,
      breakdown: { '2025-03': 1, E4A: 1, '2024-04': 1, E45: 1 },
    });
  });
});
