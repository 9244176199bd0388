import { describe, expect, it } from 'vitest';
import {
  funnel,
  retention,
  stageRefusal,
  statusAfter,
  weeklyRate,
  type StageFact,
} from './journey.ts';

const base = {
  approvalType: 'mainstream' as const,
  status: 'assessment' as const,
  today: '2026-11-22',
};
const mainstreamPath: StageFact[] = [
  { stage: 'enquiry', date: '2026-01-05' },
  { stage: 'initial_visit', date: '2026-01-20' },
  { stage: 'skills_to_foster', date: '2026-02-10' },
  { stage: 'assessment', date: '2026-03-01' },
  { stage: 'panel', date: '2026-07-01' },
  { stage: 'adm_decision', date: '2026-07-10' },
];

describe('stageRefusal', () => {
  it('refuses approval without the earlier steps, naming them', () => {
    expect(
      stageRefusal(mainstreamPath.slice(0, 4), { ...base, stage: 'approved', date: '2026-07-11' }),
    ).toBe('Approval needs fostering panel, agency decision maker recorded first');
  });
  it('allows approval once every step is recorded, not before the last', () => {
    expect(
      stageRefusal(mainstreamPath, { ...base, stage: 'approved', date: '2026-07-11' }),
    ).toBeNull();
    expect(
      stageRefusal(mainstreamPath, { ...base, stage: 'approved', date: '2026-07-09' }),
    ).toMatch(/before the last stage/);
  });
  it('asks less of a connected person, and only they may be temporarily approved', () => {
    const c = { ...base, approvalType: 'connected' as const };
    expect(
      stageRefusal([{ stage: 'assessment', date: '2026-05-01' }], {
        ...c,
        stage: 'approved',
        date: '2026-06-01',
      }),
    ).toMatch(/fostering panel/);
    expect(stageRefusal([], { ...c, stage: 'temporary_approval', date: '2026-06-01' })).toBeNull();
    expect(stageRefusal([], { ...base, stage: 'temporary_approval', date: '2026-06-01' })).toMatch(
      /Only a family and friends/,
    );
  });
  it('refuses a stage twice, a future date, and anything after an ending', () => {
    expect(stageRefusal(mainstreamPath, { ...base, stage: 'panel', date: '2026-08-01' })).toMatch(
      /already recorded/,
    );
    expect(stageRefusal([], { ...base, stage: 'enquiry', date: '2026-11-23' })).toMatch(
      /today or in the past/,
    );
    const ended: StageFact[] = [
      { stage: 'enquiry', date: '2026-01-01' },
      { stage: 'withdrawn', date: '2026-02-01' },
    ];
    expect(stageRefusal(ended, { ...base, stage: 'initial_visit', date: '2026-03-01' })).toMatch(
      /journey ended/,
    );
  });
  it('resignation only for an approved household; withdrawal only before approval', () => {
    expect(stageRefusal([], { ...base, stage: 'resigned', date: '2026-03-01' })).toMatch(
      /withdrew before approval/,
    );
    expect(
      stageRefusal([], { ...base, status: 'approved', stage: 'withdrawn', date: '2026-03-01' }),
    ).toMatch(/not yet approved/);
    expect(
      stageRefusal(mainstreamPath, {
        ...base,
        status: 'approved',
        stage: 'resigned',
        date: '2026-09-01',
      }),
    ).toBeNull();
  });
  it('a withdrawal moves the household to withdrawn, which refuses approval and every other stage', () => {
    expect(statusAfter('withdrawn')).toBe('withdrawn');
    expect(statusAfter('panel')).toBeNull();
    const withdrawn = { ...base, status: 'withdrawn' as const };
    for (const stage of ['approved', 'temporary_approval', 'panel', 'enquiry'] as const)
      expect(stageRefusal(mainstreamPath, { ...withdrawn, stage, date: '2026-07-11' })).toBe(
        'This household withdrew before approval, so its journey has ended. If they apply again, record a new enquiry',
      );
  });
});

describe('funnel', () => {
  it('counts the cohort by stage with conversion and median days between stages', () => {
    const j2: StageFact[] = [
      { stage: 'enquiry', date: '2026-02-01' },
      { stage: 'initial_visit', date: '2026-02-11' },
    ];
    const j3: StageFact[] = [{ stage: 'enquiry', date: '2026-02-03' }];
    const outside: StageFact[] = [{ stage: 'enquiry', date: '2025-12-31' }];
    const f = funnel([mainstreamPath, j2, j3, outside], '2026-01-01', '2026-12-31');
    expect(f.stages[0]).toMatchObject({
      stage: 'enquiry',
      reached: 3,
      conversion: null,
      ofEnquiries: 100,
    });
    // initial visit: 2 of 3 (66.7%), gaps 15 and 10 days -> median 13 (rounded mean of the middle two)
    expect(f.stages[1]).toMatchObject({ reached: 2, conversion: 66.7, medianDaysFromPrevious: 13 });
    expect(f.stages[2]).toMatchObject({ reached: 1, conversion: 50, ofEnquiries: 33.3 });
    expect(f.months).toEqual([
      { month: '2026-01', counts: [1, 1, 1, 1, 1, 1, 0] },
      { month: '2026-02', counts: [2, 1, 0, 0, 0, 0, 0] },
    ]);
    expect(f.outcomes).toEqual({ approved: 0, withdrawn: 0, inAssessment: 3 });
  });
  it('counts a withdrawal at the stages reached, and as withdrawn, never as still being assessed', () => {
    const gone: StageFact[] = [
      { stage: 'enquiry', date: '2026-02-01' },
      { stage: 'initial_visit', date: '2026-02-11' },
      { stage: 'withdrawn', date: '2026-03-01' },
    ];
    const approved: StageFact[] = [...mainstreamPath, { stage: 'approved', date: '2026-07-11' }];
    const resignedLater: StageFact[] = [...approved, { stage: 'resigned', date: '2026-10-01' }];
    const f = funnel(
      [gone, approved, resignedLater, [{ stage: 'enquiry', date: '2026-05-01' }]],
      '2026-01-01',
      '2026-12-31',
    );
    expect(f.stages.map((s) => s.reached)).toEqual([4, 3, 2, 2, 2, 2, 2]);
    expect(f.outcomes).toEqual({ approved: 2, withdrawn: 1, inAssessment: 1 });
  });
});

describe('retention', () => {
  it('groups leavers by reason and by month or year within the range', () => {
    const r = retention(
      [
        { stage: 'resigned', date: '2026-01-10', reason: 'retirement' },
        { stage: 'resigned', date: '2026-01-20', reason: 'retirement' },
        { stage: 'deregistered', date: '2026-03-01', reason: 'standards_of_care' },
        { stage: 'resigned', date: '2024-03-01', reason: 'health' },
      ],
      '2025-01-01',
      '2026-12-31',
      'month',
    );
    expect(r.total).toBe(3);
    expect(r.byReason[0]).toMatchObject({ reason: 'retirement', resigned: 2, deregistered: 0 });
    expect(r.byPeriod).toEqual([
      { period: '2026-01', resigned: 2, deregistered: 0 },
      { period: '2026-03', resigned: 0, deregistered: 1 },
    ]);
  });
});

describe('weeklyRate', () => {
  it('takes the latest schedule in force for the band and level', () => {
    const s = [
      {
        age_from: 0,
        age_to: 4,
        skills_level: 2,
        valid_from: '2025-04-01',
        weekly_allowance: 170,
        weekly_fee: 100,
      },
      {
        age_from: 0,
        age_to: 4,
        skills_level: 2,
        valid_from: '2026-04-01',
        weekly_allowance: 180,
        weekly_fee: 105,
      },
      {
        age_from: 5,
        age_to: 10,
        skills_level: 2,
        valid_from: '2026-04-01',
        weekly_allowance: 200,
        weekly_fee: 105,
      },
    ];
    expect(weeklyRate(s, 3, 2, '2026-05-01')?.weekly_allowance).toBe(180);
    expect(weeklyRate(s, 3, 2, '2026-01-01')?.weekly_allowance).toBe(170);
    expect(weeklyRate(s, 3, null, '2026-05-01')).toBeNull();
  });
});
