import { describe, expect, it } from 'vitest';
import { compactPostcode, displayPostcode, milesBetween } from './distance.ts';

describe('postcodes', () => {
  it.each([
    ['BD1 1HY', 'BD11HY'],
    [' bd1  1hy ', 'BD11HY'],
    ['LS10 1AB', 'LS101AB'],
    ['W1A 0AX', 'W1A0AX'],
    ['EC1A 1BB', 'EC1A1BB'],
    ['BD1', null],
    ['NOT A CODE', null],
    ['', null],
  ])('compacts %j to %j', (input, expected) => {
    expect(compactPostcode(input)).toBe(expected);
  });

  it('displays a compact postcode with its space', () => {
    expect(displayPostcode('BD11HY')).toBe('BD1 1HY');
    expect(displayPostcode('EC1A1BB')).toBe('EC1A 1BB');
  });
});

describe('milesBetween', () => {
  it('is the straight-line distance in miles between OS grid centroids', () => {
    // BD1 1AA (416526, 433330) and a point 32,186.88 m east and 0 north: 20 miles exactly.
    expect(
      milesBetween({ easting: 416526, northing: 433330 }, { easting: 448712.88, northing: 433330 }),
    ).toBeCloseTo(20, 6);
    // 3-4-5 triangle of 1,609.344 m units: 5 miles.
    expect(
      milesBetween({ easting: 0, northing: 0 }, { easting: 3 * 1609.344, northing: 4 * 1609.344 }),
    ).toBeCloseTo(5, 9);
    expect(milesBetween({ easting: 1, northing: 2 }, { easting: 1, northing: 2 })).toBe(0);
  });
});
