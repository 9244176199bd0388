import { describe, expect, it } from 'vitest';
import {
  exclusions,
  factors,
  matchCandidates,
  slide,
  type Candidate,
  type Factor,
  type MatchRequest,
} from './match.ts';
import { requiredSkillsLevel } from './vocabulary.ts';

const MILE = 1609.344;
const at = (milesEast: number) => ({ easting: 400000 + milesEast * MILE, northing: 430000 });

const req = (over: Partial<MatchRequest> = {}): MatchRequest => ({
  childAge: 12,
  emergency: false,
  placeTypes: ['foster', 'residential'],
  childrenTogether: 1,
  needs: [],
  risksToChild: [],
  risksFromChild: [],
  languages: [],
  religion: null,
  home: at(0),
  school: null,
  near: [],
  avoidDistricts: [],
  ...over,
});

const cand = (over: Partial<Candidate> = {}): Candidate => ({
  key: 'household:1',
  kind: 'in_house_fostering',
  name: 'Ash household',
  offers: 'foster',
  approved: true,
  freePlaces: 1,
  capacityNote: '2 approved places, 1 child placed',
  ageMin: 0,
  ageMax: 17,
  skillsLevel: 2,
  postcodeDistrict: 'BD5',
  centroid: at(3),
  languages: ['urdu'],
  religions: ['muslim'],
  childrenThere: [],
  weeklyCost: 400,
  costBasis: 'allowance and fee, level 2',
  ...over,
});

const factor = (fs: Factor[], id: Factor['id']): Factor => {
  const f = fs.find((x) => x.id === id);
  if (!f) throw new Error(`no factor ${id}`);
  return f;
};

describe('exclusions', () => {
  it.each<[string, Partial<MatchRequest>, Partial<Candidate>, RegExp]>([
    [
      'no free place',
      {},
      { freePlaces: 0, capacityNote: '2 approved places, 2 children placed' },
      /^No free place: 2 approved places, 2 children placed$/,
    ],
    [
      'siblings do not fit',
      { childrenTogether: 3 },
      { freePlaces: 2 },
      /Cannot take the 3 children/,
    ],
    [
      'outside the age range',
      { childAge: 15 },
      { ageMin: 0, ageMax: 10 },
      /Outside the age range: approved for 0 to 10, the child will be 15/,
    ],
    [
      'an area to avoid',
      { avoidDistricts: ['BD5'] },
      { postcodeDistrict: 'bd5' },
      /In an area to avoid \(BD5\)/,
    ],
    ['household not approved', {}, { approved: false }, /not approved to foster/],
    [
      'home closed',
      {},
      { approved: false, kind: 'in_house_home', offers: 'residential' },
      /home is closed/,
    ],
    [
      'type not sought',
      { placeTypes: ['foster'] },
      { offers: 'residential', kind: 'external_home' },
      /Children’s home is not a type of place sought/,
    ],
    [
      'supported under 16',
      { placeTypes: ['supported'], childAge: 15 },
      { offers: 'supported', kind: 'external_home' },
      /only for young people aged 16 or 17/,
    ],
    [
      'hub bed for a planned request',
      { emergency: false },
      { kind: 'mockingbird_hub' },
      /hub beds are kept for sleepovers and emergencies/,
    ],
    [
      'sole placement with others there',
      { needs: ['sole_placement'] },
      { childrenThere: [{ age: 9, risksFromChild: [] }] },
      /only child placed; 1 already live there/,
    ],
  ])('%s', (_name, r, c, reason) => {
    const out = exclusions(req(r), cand(c));
    expect(out.some((x) => reason.test(x))).toBe(true);
  });

  it('none for a suitable household; vacancies not known is not an exclusion', () => {
    expect(exclusions(req(), cand())).toEqual([]);
    expect(exclusions(req(), cand({ freePlaces: null, kind: 'ifa' }))).toEqual([]);
    expect(exclusions(req({ emergency: true }), cand({ kind: 'mockingbird_hub' }))).toEqual([]);
  });
});

describe('factors', () => {
  it.each<
    [string, Partial<MatchRequest>, Partial<Candidate>, Factor['id'], number, number, RegExp]
  >([
    [
      'home close: full points',
      {},
      { centroid: at(3) },
      'distance_home',
      25,
      25,
      /3\.0 miles from home/,
    ],
    ['home half way', {}, { centroid: at(27) }, 'distance_home', 13, 25, /27 miles from home/],
    ['home far: none', {}, { centroid: at(80) }, 'distance_home', 0, 25, /80 miles/],
    [
      'home not known',
      { home: null },
      {},
      'distance_home',
      0,
      25,
      /not known \(no postcode for home\)/,
    ],
    [
      'place postcode not known',
      {},
      { centroid: null },
      'distance_home',
      0,
      25,
      /no postcode for the place/,
    ],
    [
      'school kept close',
      { school: at(5) },
      { centroid: at(3) },
      'distance_school',
      15,
      15,
      /2\.0 miles from school/,
    ],
    [
      'school too far',
      { school: at(40) },
      { centroid: at(3) },
      'distance_school',
      0,
      15,
      /37 miles from school/,
    ],
    ['no school', {}, {}, 'distance_school', 0, 0, /No school to keep/],
    [
      'near a relative',
      { near: [at(4)] },
      { centroid: at(3) },
      'near',
      5,
      5,
      /Nearest is 1\.0 miles/,
    ],
    ['capacity and age known', {}, {}, 'capacity_age', 10, 10, /Free place: 2 approved places/],
    [
      'agency: vacancy and age not known',
      {},
      { freePlaces: null, ageMin: null, ageMax: null, capacityNote: 'agency' },
      'capacity_age',
      0,
      10,
      /Vacancy not known.*age range not recorded/,
    ],
    [
      'skills meet needs',
      { needs: ['autism'] },
      { skillsLevel: 2 },
      'skills',
      15,
      15,
      /Level 2; needs call for level 2$/,
    ],
    [
      'skills one below',
      { needs: ['autism'], risksFromChild: ['fire_setting'] },
      { skillsLevel: 2 },
      'skills',
      5,
      15,
      /1 below/,
    ],
    [
      'skills two below',
      { needs: ['autism'], risksFromChild: ['fire_setting', 'physical_harm'] },
      { skillsLevel: 2 },
      'skills',
      0,
      15,
      /needs call for level 4 \(2 below\)/,
    ],
    [
      'staffed home for complex needs',
      { risksFromChild: ['fire_setting', 'physical_harm'] },
      { skillsLevel: null, offers: 'residential' },
      'skills',
      15,
      15,
      /staffed home/,
    ],
    [
      'siblings all together',
      { childrenTogether: 2 },
      { freePlaces: 2 },
      'siblings',
      10,
      10,
      /all 2 together/,
    ],
    [
      'siblings, agency',
      { childrenTogether: 2 },
      { freePlaces: null },
      'siblings',
      5,
      10,
      /vacancies not known/,
    ],
    ['no siblings', {}, {}, 'siblings', 0, 0, /No siblings/],
    ['shares a language', { languages: ['urdu'] }, {}, 'language', 5, 5, /Shares urdu/],
    [
      'language not shared',
      { languages: ['polish'] },
      {},
      'language',
      0,
      5,
      /Does not share polish/,
    ],
    [
      'language not recorded',
      { languages: ['polish'] },
      { languages: null },
      'language',
      0,
      5,
      /Not recorded/,
    ],
    ['religion shared', { religion: 'muslim' }, {}, 'religion', 5, 5, /Shares muslim/],
    ['no religion need', {}, {}, 'religion', 0, 0, /No religion and culture need/],
    [
      'harm to others, young child there',
      { risksFromChild: ['physical_harm'] },
      { childrenThere: [{ age: 6, risksFromChild: [] }] },
      'compatibility',
      -20,
      0,
      /child aged 6 already lives there/,
    ],
    [
      'exploitation risk meets exploiter',
      { risksToChild: ['cce'] },
      { childrenThere: [{ age: 15, risksFromChild: ['criminal_exploitation_of_others'] }] },
      'compatibility',
      -20,
      0,
      /at risk of exploitation/,
    ],
    [
      'young child, risky child there',
      { childAge: 7 },
      { childrenThere: [{ age: 14, risksFromChild: ['sexual_harm'] }] },
      'compatibility',
      -20,
      0,
      /child is 7 and 1 child already there/,
    ],
    [
      'no concern',
      {},
      { childrenThere: [{ age: 14, risksFromChild: [] }] },
      'compatibility',
      0,
      0,
      /No known concern with the 1 child/,
    ],
    ['cheap', {}, { weeklyCost: 450 }, 'cost', 15, 15, /£450 a week/],
    ['costly', {}, { weeklyCost: 5000 }, 'cost', 3, 15, /£5,000 a week/],
    [
      'cost not known is never 0 pounds',
      {},
      { weeklyCost: null, costBasis: 'no fee recorded' },
      'cost',
      0,
      15,
      /^Not known \(no fee recorded\)$/,
    ],
  ])('%s', (_name, r, c, id, points, max, words) => {
    const rq = req(r);
    const level = requiredSkillsLevel(rq.needs, rq.risksToChild, rq.risksFromChild);
    const f = factor(factors(rq, cand(c), level), id);
    expect([f.points, f.max]).toEqual([points, max]);
    expect(f.explanation).toMatch(words);
  });

  it.each([
    [4, 5, 50, 25, 25],
    [10, 5, 50, 25, 22],
    [50, 5, 50, 25, 0],
    [27.5, 5, 50, 25, 13],
  ])('slide(%d, %d, %d, %d) = %d', (v, best, worst, max, out) => {
    expect(slide(v, best, worst, max)).toBe(out);
  });
});

describe('matchCandidates', () => {
  it('ranks by score, splits the excluded with reasons, and sums factors', () => {
    const near = cand({ key: 'household:1', centroid: at(1), weeklyCost: 400 });
    const far = cand({
      key: 'home:2',
      kind: 'external_home',
      offers: 'residential',
      centroid: at(60),
      weeklyCost: 5500,
      skillsLevel: null,
      ageMin: null,
      ageMax: null,
      freePlaces: 1,
    });
    const full = cand({ key: 'household:3', freePlaces: 0 });
    const out = matchCandidates(req(), [far, full, near]);
    expect(out.ranked.map((m) => m.candidate.key)).toEqual(['household:1', 'home:2']);
    const top = out.ranked[0];
    expect(top?.score).toBe(top?.factors.reduce((s, f) => s + f.points, 0));
    expect(out.excluded).toEqual([
      { candidate: full, reasons: [expect.stringMatching(/^No free place/)] },
    ]);
  });

  it('breaks ties by key so the order is stable', () => {
    const a = cand({ key: 'household:9' });
    const b = cand({ key: 'household:10' });
    expect(matchCandidates(req(), [a, b]).ranked.map((m) => m.candidate.key)).toEqual([
      'household:10',
      'household:9',
    ]);
  });
});

describe('requiredSkillsLevel', () => {
  it.each([
    [[], [], [], 1],
    [['autism'], [], [], 2],
    [['autism'], ['missing'], ['fire_setting'], 3],
    [['autism', 'trauma'], ['missing'], ['fire_setting'], 4],
    [['pets'], [], [], 1],
  ] as const)('%j %j %j → %d', (n, t, f, level) => {
    expect(requiredSkillsLevel(n, t, f)).toBe(level);
  });
});

describe('supported accommodation (16+)', () => {
  const supported = (over: Partial<Candidate> = {}): Candidate =>
    cand({
      key: 'supported:1',
      kind: 'supported_accommodation',
      name: 'Canal Street flats (Step Up Ltd)',
      offers: 'supported',
      freePlaces: 2,
      capacityNote: '4 places, 2 young people placed there',
      ageMin: null,
      ageMax: null,
      skillsLevel: null,
      weeklyCost: 1200,
      costBasis: 'the provider’s usual weekly fee',
      ...over,
    });

  it.each<[string, number, Partial<Candidate>, string[]]>([
    [
      '14: under 16',
      14,
      {},
      ['Supported accommodation is only for young people aged 16 or 17; the child will be 14'],
    ],
    [
      '15: under 16',
      15,
      {},
      ['Supported accommodation is only for young people aged 16 or 17; the child will be 15'],
    ],
    ['16: offered', 16, {}, []],
    ['17: offered', 17, {}, []],
    [
      '18: too old',
      18,
      {},
      [
        'Supported accommodation is a placement for looked-after young people aged 16 or 17; the young person will be 18',
      ],
    ],
    ['16, service closed', 16, { approved: false }, ['The service is closed']],
    [
      '16, full',
      16,
      { freePlaces: 0, capacityNote: '3 places, 3 young people placed there' },
      ['No free place: 3 places, 3 young people placed there'],
    ],
    [
      '15 and full: every reason',
      15,
      { freePlaces: 0, capacityNote: '1 place, 1 young person placed there' },
      [
        'No free place: 1 place, 1 young person placed there',
        'Supported accommodation is only for young people aged 16 or 17; the child will be 15',
      ],
    ],
  ])('%s', (_name, age, over, reasons) => {
    expect(exclusions(req({ placeTypes: ['supported'], childAge: age }), supported(over))).toEqual(
      reasons,
    );
  });

  it('not sought: excluded as a type of place, whatever the age', () => {
    expect(exclusions(req({ placeTypes: ['foster'], childAge: 17 }), supported())).toEqual([
      'Supported accommodation (16+) is not a type of place sought',
    ]);
  });

  it.each<[string, Partial<Candidate>, Partial<Candidate>]>([
    ['nearer ranks first', { centroid: at(1) }, { centroid: at(40) }],
    ['cheaper ranks first', { weeklyCost: 600 }, { weeklyCost: 5000 }],
    ['a known free place ranks above an unknown one', { freePlaces: 1 }, { freePlaces: null }],
    ['a known cost ranks above a cost not known', { weeklyCost: 3000 }, { weeklyCost: null }],
  ])('ranking: %s', (_name, better, worse) => {
    const result = matchCandidates(req({ placeTypes: ['supported'], childAge: 16 }), [
      supported({ key: 'supported:2', ...worse }),
      supported({ key: 'supported:1', ...better }),
    ]);
    expect(result.excluded).toEqual([]);
    expect(result.ranked.map((m) => m.candidate.key)).toEqual(['supported:1', 'supported:2']);
    const [first, second] = result.ranked.map((m) => m.score);
    expect(first).toBeGreaterThan(second ?? Infinity);
  });

  it('ranked alongside a foster option for a 16-year-old seeking both; excluded for a 14-year-old', () => {
    const options = [supported(), cand()];
    const at16 = matchCandidates(
      req({ placeTypes: ['foster', 'supported'], childAge: 16 }),
      options,
    );
    expect(at16.ranked.map((m) => m.candidate.key).sort()).toEqual(['household:1', 'supported:1']);
    const at14 = matchCandidates(
      req({ placeTypes: ['foster', 'supported'], childAge: 14 }),
      options,
    );
    expect(at14.ranked.map((m) => m.candidate.key)).toEqual(['household:1']);
    expect(at14.excluded.map((e) => [e.candidate.key, e.reasons])).toEqual([
      [
        'supported:1',
        ['Supported accommodation is only for young people aged 16 or 17; the child will be 14'],
      ],
    ]);
  });
});
