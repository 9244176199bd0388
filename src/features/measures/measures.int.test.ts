// `hearth measures` on a tiny record, on both engines: exact JSON for a few measures, and the
// refusals (no --at, a bad date, a date outside the data, a population of zero).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { UsageError, type CliIo } from '../../cli/command.ts';
import { makeCommand } from '../../cli/commands/measures.ts';

let t: TestDb;

function captured(): CliIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (s) => out_.push(s), err: (s) => err_.push(s) };
}

interface Stay {
  dob: string;
  home: string | null;
  start: string;
  end: string | null;
  endReason: string | null;
  status: string;
  place: string;
  postcode: string | null;
}

async function addChild(localId: string, s: Stay): Promise<number> {
  const db = t.db;
  const c = await db
    .insertInto('child')
    .values({
      local_id: localId,
      upn: null,
      nhs_number: null,
      first_name: 'Test',
      last_name: localId,
      preferred_name: null,
      date_of_birth: s.dob,
      sex: 'F',
      ethnicity: 'WBRI',
      uasc_start: null,
      uasc_end: null,
      home_postcode: s.home,
      team_id: null,
      date_of_death: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = await db
    .insertInto('period_of_care')
    .values({
      child_id: c.id,
      start_date: s.start,
      end_date: s.end,
      end_reason: s.endReason,
      category_of_need: 'N1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('legal_status')
    .values({
      period_of_care_id: p.id,
      child_id: c.id,
      status: s.status,
      start_date: s.start,
      end_date: s.end,
    })
    .execute();
  await db
    .insertInto('placement')
    .values({
      period_of_care_id: p.id,
      child_id: c.id,
      place_type: s.place,
      place_provider: 'PR1',
      category_of_need: 'N1',
      provider_id: null,
      fostering_household_id: null,
      home_id: null,
      postcode: s.postcode,
      urn: null,
      start_date: s.start,
      end_date: s.end,
      reason_for_change: null,
    })
    .execute();
  return c.id;
}

beforeAll(async () => {
  t = await freshDb();
  const a = await addChild('M-A', {
    dob: '2012-05-01',
    home: 'BD1 1BA',
    start: '2024-01-10',
    end: null,
    endReason: null,
    status: 'C2',
    place: 'U1',
    postcode: 'BD1 1AA',
  });
  await addChild('M-B', {
    dob: '2010-02-01',
    home: null,
    start: '2023-06-01',
    end: '2025-03-31',
    endReason: 'E4A',
    status: 'C2',
    place: 'U4',
    postcode: 'LS1 1AA',
  });
  await addChild('M-C', {
    dob: '2016-07-01',
    home: null,
    start: '2025-03-31',
    end: null,
    endReason: null,
    status: 'C1',
    place: 'R1',
    postcode: null,
  });
  await addChild('M-D', {
    dob: '2014-07-01',
    home: null,
    start: '2024-06-01',
    end: null,
    endReason: null,
    status: 'V4',
    place: 'U4',
    postcode: null,
  });
  const user = await t.db
    .insertInto('app_user')
    .values({
      username: 'sw1',
      display_name: 'SW One',
      email: null,
      phone: null,
      password_hash: null,
      oidc_subject: null,
      roles: ['social_worker'],
      team_id: null,
      last_sign_in_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('allocation')
    .values({
      child_id: a,
      user_id: user.id,
      role: 'social_worker',
      start_date: '2024-01-10',
      end_date: null,
    })
    .execute();
  await t.db.insertInto('local_postcode').values({ postcode: 'BD11AA' }).execute();
  // The centroids a council loads with `hearth postcodes` (ONSPD, November 2025).
  await t.db
    .insertInto('postcode_centroid')
    .values([
      { postcode: 'BD11AA', la_code: 'E08000032', easting: 416526, northing: 433330 },
      { postcode: 'BD11BA', la_code: 'E08000032', easting: 416427, northing: 433015 },
    ])
    .execute();
  await t.db
    .insertInto('setting')
    .values({ key: 'measures.child_population', value: '300' })
    .execute();
});

afterAll(async () => {
  await t.dispose();
});

const cmd = () => makeCommand({ conn: t, today: () => '2025-04-10' });

describe('hearth measures --format json', () => {
  it('prints exact figures for the tiny record', async () => {
    const io = captured();
    expect(await cmd().run(['--at', '2025-03-31', '--format', 'json'], io)).toBe(0);
    expect(io.out_).toHaveLength(1);
    const out = JSON.parse(io.out_[0] ?? '') as {
      at: string;
      measures: Record<string, unknown>;
    };
    expect(out.at).toBe('2025-03-31');
    // A (in care) and C (entered on the date); B left on the date; D is on short breaks (V4).
    expect(out.measures['cla-at']).toEqual({ value: 2, numerator: 2, denominator: null });
    expect(out.measures['cla-rate']).toEqual({ value: 67, numerator: 2, denominator: 300 });
    expect(out.measures.entrants).toEqual({ value: 1, numerator: 1, denominator: null });
    expect(out.measures.leavers).toEqual({ value: 1, numerator: 1, denominator: null });
    expect(out.measures['family-friends']).toEqual({ value: 50, numerator: 1, denominator: 2 });
    // A is in BD1 1AA, inside the boundary; C's placement has no postcode (not known).
    expect(out.measures['placed-outside-la']).toEqual({ value: 0, numerator: 0, denominator: 1 });
    // BD1 1BA to BD1 1AA is well under 20 miles.
    expect(out.measures['placed-over-20-miles']).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
    });
    expect(out.measures['caseload-per-worker']).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(out.measures['adoption-a1']).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'No one in the cohort',
    });
  });

  it('a population of zero gives a null rate with the reason', async () => {
    const io = captured();
    expect(await cmd().run(['--at', '2025-03-31', '--population', '0'], io)).toBe(0);
    const out = JSON.parse(io.out_[0] ?? '') as { measures: Record<string, unknown> };
    expect(out.measures['cla-rate']).toEqual({
      value: null,
      numerator: 2,
      denominator: 0,
      reason: 'Child population is zero: a rate cannot be worked out',
    });
  });

  it('text format: a table with titles', async () => {
    const io = captured();
    expect(await cmd().run(['--at', '2025-03-31', '--format', 'text'], io)).toBe(0);
    expect(io.out_[0]).toBe(
      'Measures at 2025-03-31 (twelve-month measures: the year ending on 2025-03-31)',
    );
    expect(io.out_.find((l) => l.startsWith('Children in care per 10,000 children'))).toMatch(
      /\s67 {2}\(2 \/ 300\)$/,
    );
    expect(io.out_.find((l) => l.startsWith('Living with family or friends'))).toMatch(
      /\s50% {2}\(1 \/ 2\)$/,
    );
  });
});

describe('hearth measures: bad input', () => {
  it.each([
    [[], '--at is required (a date YYYY-MM-DD)'],
    [['--at', '31/03/2025'], '--at must be a date YYYY-MM-DD, not "31/03/2025"'],
    [['--at', '2025-02-30'], '--at must be a date YYYY-MM-DD, not "2025-02-30"'],
    [['--at'], '--at needs a value'],
    [['--at', '2025-03-31', '--format', 'xml'], '--format must be json or text'],
    [['--at', '2025-03-31', '--population', '-5'], '--population must be a whole number, not "-5"'],
    [
      ['--at', '2025-03-31', '--population', 'lots'],
      '--population must be a whole number, not "lots"',
    ],
  ])('%j is a usage error', async (args, message) => {
    await expect(cmd().run(args, captured())).rejects.toThrow(new UsageError(message));
  });

  it('a date after today', async () => {
    const io = captured();
    expect(await cmd().run(['--at', '2025-04-11'], io)).toBe(1);
    expect(io.err_).toEqual([
      'hearth measures: --at 2025-04-11 is after today (2025-04-10); measures describe the record up to today',
    ]);
    expect(io.out_).toEqual([]);
  });

  it('a date before the earliest period of care', async () => {
    const io = captured();
    expect(await cmd().run(['--at', '2023-05-31'], io)).toBe(1);
    expect(io.err_).toEqual([
      'hearth measures: --at 2023-05-31 is before the earliest period of care in the record (2023-06-01)',
    ]);
  });
});
