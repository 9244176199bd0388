import { describe, expect, it } from 'vitest';
import {
  computeSufficiency,
  figureByKey,
  placementGroup,
  type SufficiencyChild,
} from './compute.ts';

const base: SufficiencyChild = {
  childId: 0,
  dateOfBirth: '2014-01-01',
  categoryOfNeed: 'N1',
  placeType: 'U4',
  placeProvider: 'PR1',
  inHouseHome: false,
  inHouseFoster: true,
  weeklyCost: 400,
  outsideDistrict: false,
  miles: 2,
  placements12m: 1,
  missing90d: false,
  disruption12m: false,
};
const rows: SufficiencyChild[] = [
  base,
  { ...base, childId: 1, dateOfBirth: '2026-06-01', categoryOfNeed: 'N2', weeklyCost: null },
  {
    ...base,
    childId: 2,
    dateOfBirth: '2010-11-22',
    placeType: 'K2',
    placeProvider: 'PR4',
    inHouseFoster: false,
    weeklyCost: 6000,
    outsideDistrict: true,
    miles: 31.5,
    placements12m: 3,
  },
  {
    ...base,
    childId: 3,
    dateOfBirth: '2010-11-23',
    placeType: 'P1',
    placeProvider: 'PR0',
    inHouseFoster: false,
    weeklyCost: null,
    outsideDistrict: null,
    miles: null,
    missing90d: true,
  },
  {
    ...base,
    childId: 4,
    placeType: null,
    placeProvider: null,
    inHouseFoster: false,
    disruption12m: true,
  },
];
const capacity = {
  inHouseFosteringPlaces: 10,
  mockingbirdHubBeds: 2,
  inHouseHomeBeds: 9,
  supportedPlaces: 6,
  supportedPlaced: 1,
};
const f = computeSufficiency(rows, capacity, '2026-11-22');
const get = (key: string) => figureByKey(f, key)?.childIds;

describe('computeSufficiency', () => {
  it('bands ages on the day: 16 from the 16th birthday, 15 on its eve', () => {
    expect(get('age:under1')).toEqual([1]);
    expect(get('age:16plus')).toEqual([2]);
    expect(get('age:10to15')).toEqual([0, 3, 4]);
  });

  it('groups by need and placement type, with no placement said honestly', () => {
    expect(get('need:N2')).toEqual([1]);
    expect(get('type:foster')).toEqual([0, 1]);
    expect(get('type:homes')).toEqual([2]);
    expect(get('type:parents')).toEqual([3]);
    expect(get('type:none')).toEqual([4]);
  });

  it('sums known weekly costs and counts the unknown, never as zero', () => {
    const inHouse = f.provision.find((p) => p.key === 'provision:in_house');
    expect(inHouse).toMatchObject({ count: 2, weeklyCost: 400, costNotKnown: 1 });
    expect(f.provision.find((p) => p.key === 'provision:external')).toMatchObject({
      count: 1,
      weeklyCost: 6000,
      costNotKnown: 0,
    });
    expect(f.provision.find((p) => p.key === 'provision:not_applicable')?.childIds).toEqual([3, 4]);
  });

  it('finds children outside the district, far from home and in private homes far away', () => {
    expect(get('location:outside')).toEqual([2]);
    expect(get('location:outside_unknown')).toEqual([3]);
    expect(get('location:far')).toEqual([2]);
    expect(get('location:far_unknown')).toEqual([3]);
    expect(f.location.find((l) => l.key === 'location:private_far')).toMatchObject({
      childIds: [2],
      weeklyCost: 6000,
    });
  });

  it('flags fragile placements', () => {
    expect(get('fragile:moves')).toEqual([2]);
    expect(get('fragile:missing')).toEqual([3]);
    expect(get('fragile:disruption')).toEqual([4]);
    expect(get('fragile:any')).toEqual([2, 3, 4]);
  });

  it('sets capacity against children placed in in-house provision', () => {
    expect(f.capacity.map((c) => [c.key, c.capacity, c.used])).toEqual([
      ['capacity:fostering', 10, 2],
      ['capacity:mockingbird', 2, null],
      ['capacity:homes', 9, 0],
      ['capacity:supported', 6, 1],
    ]);
    expect(get('capacity:fostering')).toEqual([0, 1]);
    expect(get('capacity:supported')).toBeUndefined();
  });

  it('knows unknown figures and odd place types', () => {
    expect(figureByKey(f, 'age:nonsense')).toBeUndefined();
    expect(placementGroup('Z1')).toBe('other');
    expect(placementGroup('R1')).toBe('homes');
  });
});
