import { describe, expect, it } from 'vitest';
import { checkFacts, type FactProblem } from './checkFacts.ts';
import type { CareFacts, LegalStatusPeriod, PeriodOfCare, PlacementPeriod } from './facts.ts';
import { generateCareFacts, seededRandom } from './generate.ts';

const TODAY = '2026-03-31';
const carers = {
  placeType: 'U4',
  provider: 'PR1',
  postcode: 'BD5 0AA',
  urn: 'SC900001',
  reasonForChange: null,
  categoryOfNeed: 'N1',
  carerRef: 'household:1',
};

const P = (
  id: number,
  start: string,
  end: string | null = null,
  endReason: string | null = end ? 'E4A' : null,
): PeriodOfCare => ({ id, start, end, endReason });
const L = (
  id: number,
  periodOfCareId: number,
  status: string,
  start: string,
  end: string | null = null,
): LegalStatusPeriod => ({ id, periodOfCareId, status, start, end });
const PL = (
  id: number,
  periodOfCareId: number,
  start: string,
  end: string | null = null,
  placeType = 'U4',
): PlacementPeriod => ({ id, periodOfCareId, ...carers, placeType, start, end });

/** Born 1 June 2012 (18 on 1 June 2030); in care from 1 May 2024 under C2 with one foster placement. */
function child(change: Partial<CareFacts> = {}): CareFacts {
  return {
    childId: 'C1',
    dateOfBirth: '2012-06-01',
    periods: [P(1, '2024-05-01')],
    legalStatuses: [L(10, 1, 'C2', '2024-05-01')],
    placements: [PL(20, 1, '2024-05-01')],
    ...change,
  };
}

const problem = (
  record: FactProblem['record'],
  id: number,
  field: string,
  message: string,
): FactProblem => ({ record, id, field, message });

const cases: { name: string; facts: CareFacts; want: FactProblem[] }[] = [
  { name: 'a valid open period', facts: child(), want: [] },
  {
    name: 'placement end before its start',
    facts: child({
      periods: [P(1, '2024-05-01', '2024-09-01')],
      legalStatuses: [L(10, 1, 'C2', '2024-05-01', '2024-09-01')],
      placements: [PL(20, 1, '2024-05-01', '2024-04-30')],
    }),
    want: [
      problem(
        'placement',
        20,
        'end',
        'The placement end date must be the same as or after the start date',
      ),
    ],
  },
  {
    name: 'period end before its start, without a reason',
    facts: child({
      periods: [P(1, '2024-05-01', '2024-04-01', null)],
      legalStatuses: [L(10, 1, 'C2', '2024-05-01', '2024-04-01')],
      placements: [PL(20, 1, '2024-05-01', '2024-04-01')],
    }),
    want: [
      problem(
        'period',
        1,
        'end',
        'The date the child left care must be the same as or after the date the child started to be looked after',
      ),
      problem('period', 1, 'endReason', 'Select why the child left care'),
      problem(
        'legalStatus',
        10,
        'end',
        'The legal status end date must be the same as or after the start date',
      ),
      problem(
        'placement',
        20,
        'end',
        'The placement end date must be the same as or after the start date',
      ),
    ],
  },
  {
    name: 'events before birth',
    facts: child({
      periods: [P(1, '2012-05-01')],
      legalStatuses: [L(10, 1, 'V2', '2012-05-01')],
      placements: [PL(20, 1, '2012-05-01')],
    }),
    want: [
      problem(
        'period',
        1,
        'start',
        'The date the child started to be looked after must be on or after their date of birth (1 June 2012)',
      ),
      problem(
        'legalStatus',
        10,
        'start',
        'The legal status start date must be on or after the child’s date of birth (1 June 2012)',
      ),
      problem(
        'placement',
        20,
        'start',
        'The placement start date must be on or after the child’s date of birth (1 June 2012)',
      ),
    ],
  },
  {
    name: 'dates in the future',
    facts: child({
      legalStatuses: [L(10, 1, 'C2', '2024-05-01', '2026-04-10'), L(11, 1, 'C1', '2026-04-10')],
    }),
    want: [
      problem('legalStatus', 10, 'end', 'The legal status end date must be today or in the past'),
      problem(
        'legalStatus',
        11,
        'start',
        'The legal status start date must be today or in the past',
      ),
    ],
  },
  {
    name: 'a second open period of care',
    facts: child({
      periods: [P(1, '2024-05-01'), P(2, '2025-01-01')],
      legalStatuses: [L(10, 1, 'C2', '2024-05-01'), L(11, 2, 'V2', '2025-01-01')],
      placements: [PL(20, 1, '2024-05-01'), PL(21, 2, '2025-01-01')],
    }),
    want: [
      problem(
        'period',
        2,
        'start',
        'The child already has an open period of care from 1 May 2024. Enter the date it ended first',
      ),
    ],
  },
  {
    name: 'a period starting the day the last one ended (rule 431)',
    facts: child({
      periods: [P(1, '2024-05-01', '2024-08-01'), P(2, '2024-08-01')],
      legalStatuses: [L(10, 1, 'V2', '2024-05-01', '2024-08-01'), L(11, 2, 'V2', '2024-08-01')],
      placements: [PL(20, 1, '2024-05-01', '2024-08-01'), PL(21, 2, '2024-08-01')],
    }),
    want: [
      problem(
        'period',
        2,
        'start',
        'The date the child started to be looked after must be after the date they last left care (1 August 2024)',
      ),
    ],
  },
  {
    name: 'overlapping placements and a placement still open when the next starts',
    facts: child({
      placements: [
        PL(20, 1, '2024-05-01', '2024-07-01'),
        PL(21, 1, '2024-06-20', '2024-09-01'),
        PL(22, 1, '2024-09-01'),
        PL(23, 1, '2024-10-01'),
      ],
    }),
    want: [
      problem(
        'placement',
        21,
        'start',
        'The placement start date must be the same as or after the end date of the previous placement (1 July 2024)',
      ),
      problem(
        'placement',
        23,
        'start',
        'This placement starts while the placement from 1 September 2024 has no end date. Enter the date that placement ended first',
      ),
    ],
  },
  {
    name: 'gaps with no legal status or no placement',
    facts: child({
      periods: [P(1, '2024-05-01', '2025-05-01')],
      legalStatuses: [
        L(10, 1, 'V2', '2024-05-03', '2024-06-01'),
        L(11, 1, 'C1', '2024-06-05', '2025-05-01'),
      ],
      placements: [PL(20, 1, '2024-05-01', '2025-04-01')],
    }),
    want: [
      problem(
        'legalStatus',
        10,
        'start',
        'The first legal status must start on the date the child started to be looked after (1 May 2024)',
      ),
      problem(
        'legalStatus',
        11,
        'start',
        'The child has no legal status from 1 June 2024 to 5 June 2024. This legal status must start on 1 June 2024',
      ),
      problem(
        'placement',
        20,
        'end',
        'The child has no placement from 1 April 2025 to 1 May 2025, when they left care. The last placement must end on the date the child left care',
      ),
    ],
  },
  {
    name: 'no placement at all, and a placement ended while the child is still looked after',
    facts: child({
      periods: [P(1, '2024-05-01', '2024-06-01'), P(2, '2025-01-01')],
      legalStatuses: [L(10, 1, 'V2', '2024-05-01', '2024-06-01'), L(11, 2, 'C1', '2025-01-01')],
      placements: [PL(21, 2, '2025-01-01', '2025-02-01')],
    }),
    want: [
      problem('period', 1, 'placements', 'Add the child’s placement from 1 May 2024'),
      problem(
        'placement',
        21,
        'end',
        'The child has no placement after 1 February 2025 but is still looked after. Add their placement from that date',
      ),
    ],
  },
  {
    name: 'records outside their period, or belonging to none',
    facts: child({
      periods: [P(1, '2024-05-01', '2024-12-01')],
      legalStatuses: [L(10, 1, 'C2', '2024-04-01', '2024-12-01'), L(11, 9, 'C2', '2024-05-01')],
      placements: [PL(20, 1, '2024-05-01')],
    }),
    want: [
      problem(
        'legalStatus',
        10,
        'start',
        'The legal status start date must be on or after the date the child started to be looked after (1 May 2024)',
      ),
      problem(
        'legalStatus',
        11,
        'periodOfCareId',
        'The legal status must belong to one of the child’s periods of care',
      ),
      problem(
        'placement',
        20,
        'end',
        'Enter the placement end date: the child left care on 1 December 2024',
      ),
    ],
  },
  {
    name: 'care carrying on past the 18th birthday',
    facts: child({
      dateOfBirth: '2007-06-01',
      periods: [P(1, '2024-05-01', '2025-07-01', 'E8')],
      legalStatuses: [L(10, 1, 'C2', '2024-05-01', '2025-07-01')],
      placements: [PL(20, 1, '2024-05-01', '2025-07-01')],
    }),
    want: [
      problem(
        'period',
        1,
        'end',
        'The date the child left care must be on or before their 18th birthday (1 June 2025)',
      ),
    ],
  },
  {
    name: 'an open period of a young person who is now over 18',
    facts: child({ dateOfBirth: '2007-06-01' }),
    want: [
      problem(
        'period',
        1,
        'end',
        'Enter the date the young person left care: they turned 18 on 1 June 2025',
      ),
    ],
  },
  {
    name: 'past 18 under section 20 (V2) in a community home (K2) is allowed (rule 359)',
    facts: child({
      dateOfBirth: '2007-06-01',
      legalStatuses: [L(10, 1, 'V2', '2024-05-01')],
      placements: [PL(20, 1, '2024-05-01', null, 'K2')],
    }),
    want: [],
  },
  {
    name: 'starting care at 18',
    facts: child({ dateOfBirth: '2006-05-01' }),
    want: [
      problem(
        'period',
        1,
        'start',
        'A child cannot start to be looked after on or after their 18th birthday (1 May 2024)',
      ),
    ],
  },
  {
    name: 'staying with carers at 18 (E17) before the 18th birthday',
    facts: child({
      periods: [P(1, '2024-05-01', '2025-01-01', 'E17')],
      legalStatuses: [L(10, 1, 'C2', '2024-05-01', '2025-01-01')],
      placements: [PL(20, 1, '2024-05-01', '2025-01-01')],
    }),
    want: [
      problem(
        'period',
        1,
        'endReason',
        'A child can only stay with their carers at 18 (E17) on or after their 18th birthday (1 June 2030)',
      ),
    ],
  },
  {
    name: 'an end reason with no end date, and X1 as an end reason',
    facts: child({
      periods: [P(1, '2024-05-01', null, 'E4A'), P(2, '2025-01-01', '2025-02-01', 'X1')],
    }),
    want: [
      problem('period', 1, 'end', 'Enter the date the child left care'),
      problem(
        'period',
        2,
        'start',
        'The child already has an open period of care from 1 May 2024. Enter the date it ended first',
      ),
      problem(
        'period',
        2,
        'endReason',
        'Select why the child left care (X1 means a new episode began)',
      ),
      problem('period', 2, 'legalStatuses', 'Add the child’s legal status from 1 January 2025'),
      problem('period', 2, 'placements', 'Add the child’s placement from 1 January 2025'),
    ],
  },
  {
    name: 'a V3 short break with a move in it, lasting 20 days',
    facts: child({
      periods: [P(1, '2025-05-01', '2025-05-21')],
      legalStatuses: [L(10, 1, 'V3', '2025-05-01', '2025-05-21')],
      placements: [
        PL(20, 1, '2025-05-01', '2025-05-03', 'R1'),
        PL(21, 1, '2025-05-03', '2025-05-21', 'R1'),
      ],
    }),
    want: [
      problem(
        'legalStatus',
        10,
        'status',
        'A short break (legal status V3) is a period of care of its own: the child’s placement and legal status cannot change during it',
      ),
      problem(
        'period',
        1,
        'end',
        'A single short break (legal status V3) must not last more than 17 days',
      ),
    ],
  },
];

describe('checkFacts', () => {
  it.each(cases)('$name', ({ facts, want }) => {
    const got = checkFacts(facts, { today: TODAY });
    expect([...got].sort(order)).toEqual([...want].sort(order));
  });

  it('without today, does not judge dates in the future', () => {
    expect(
      checkFacts(
        child({
          periods: [P(1, '2030-05-01')],
          legalStatuses: [L(10, 1, 'C2', '2030-05-01')],
          placements: [PL(20, 1, '2030-05-01')],
        }),
      ),
    ).toEqual([]);
  });

  it('finds nothing wrong in 3,000 generated histories (no false alarms on valid sequences)', () => {
    const random = seededRandom(7);
    const flagged = Array.from({ length: 3000 }, (_, i) => generateCareFacts(random, `G${i}`))
      .map((f) => ({ child: f.childId, problems: checkFacts(f, { today: TODAY }) }))
      .filter((r) => r.problems.length > 0);
    expect(flagged).toEqual([]);
  });
});

function order(a: FactProblem, b: FactProblem): number {
  return `${a.record}:${a.id}:${a.field}` < `${b.record}:${b.id}:${b.field}` ? -1 : 1;
}
