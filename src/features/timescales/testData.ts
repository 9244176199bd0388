// Known work for the tray tests, relative to today: two teams, a worker in each, their managers, an
// IRO, a personal adviser, a fostering worker and a service manager; children with overdue items in
// each team, a care leaver, a mainstream household overdue its review and a connected person on
// temporary approval.
import type { Connection } from '../../db/connect.ts';
import { addDays, addYears, todayInLondon } from '../../domain/dates/index.ts';
import { addUser } from '../../platform/http/testing.ts';

export const TODAY = todayInLondon(new Date());
export const daysAgo = (n: number) => addDays(TODAY, -n);

export interface WorkFixture {
  users: {
    swNorth: number;
    swSouth: number;
    tmNorth: number;
    tmSouth: number;
    iro: number;
    pa: number;
    fw: number;
    sm: number;
  };
  children: { ava: number; ben: number; cal: number; dot: number };
  households: { oak: number; kin: number };
}

export async function seedWork(conn: Connection): Promise<WorkFixture> {
  const db = conn.db;
  const team = async (name: string) =>
    (
      await db
        .insertInto('team')
        .values({ name, service: 'Children in care' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const north = await team('North');
  const south = await team('South');
  const users = {
    swNorth: await addUser(conn, 'sw.north', ['social_worker'], {
      teamId: north,
      displayName: 'Nia North',
    }),
    swSouth: await addUser(conn, 'sw.south', ['social_worker'], {
      teamId: south,
      displayName: 'Sol South',
    }),
    tmNorth: await addUser(conn, 'tm.north', ['team_manager'], {
      teamId: north,
      displayName: 'Tom Northman',
    }),
    tmSouth: await addUser(conn, 'tm.south', ['team_manager'], { teamId: south }),
    iro: await addUser(conn, 'iro.one', ['iro'], { displayName: 'Ira Review' }),
    pa: await addUser(conn, 'pa.one', ['personal_adviser'], { displayName: 'Pat Adviser' }),
    fw: await addUser(conn, 'fw.one', ['fostering_worker'], { displayName: 'Fay Foster' }),
    sm: await addUser(conn, 'sm.one', ['service_manager']),
  };
  const household = async (values: {
    name: string;
    approval_type: 'mainstream' | 'connected';
    status: 'approved' | 'reg24';
    approval_date: string | null;
    reg24_start: string | null;
    last_review_date: string | null;
  }) =>
    (
      await db
        .insertInto('fostering_household')
        .values({ ...values, postcode: 'BD1 1HY', supervising_worker_id: users.fw })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const households = {
    oak: await household({
      name: 'Oak household',
      approval_type: 'mainstream',
      status: 'approved',
      approval_date: daysAgo(1200),
      reg24_start: null,
      last_review_date: daysAgo(400),
    }),
    kin: await household({
      name: 'Kin household',
      approval_type: 'connected',
      status: 'reg24',
      approval_date: null,
      reg24_start: daysAgo(100),
      last_review_date: null,
    }),
  };
  const child = async (
    localId: string,
    first: string,
    teamId: number,
    dob: string,
    allocate: Partial<Record<'social_worker' | 'iro' | 'personal_adviser', number>>,
  ) => {
    const { id } = await db
      .insertInto('child')
      .values({
        local_id: localId,
        upn: null,
        nhs_number: null,
        first_name: first,
        last_name: 'Example',
        preferred_name: null,
        date_of_birth: dob,
        sex: 'F',
        ethnicity: 'WBRI',
        uasc_start: null,
        uasc_end: null,
        home_postcode: null,
        team_id: teamId,
        date_of_death: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [role, userId] of Object.entries(allocate))
      await db
        .insertInto('allocation')
        .values({
          child_id: id,
          user_id: userId,
          role: role as 'social_worker',
          start_date: daysAgo(500),
          end_date: null,
        })
        .execute();
    return id;
  };
  const care = async (
    childId: number,
    start: string,
    end: string | null,
    householdId: number | null,
    reg24 = false,
  ) => {
    const period = await db
      .insertInto('period_of_care')
      .values({
        child_id: childId,
        start_date: start,
        end_date: end,
        end_reason: end ? 'E8' : null,
        category_of_need: 'N1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('legal_status')
      .values({
        period_of_care_id: period.id,
        child_id: childId,
        status: 'C2',
        start_date: start,
        end_date: end,
      })
      .execute();
    await db
      .insertInto('placement')
      .values({
        period_of_care_id: period.id,
        child_id: childId,
        place_type: 'U4',
        place_provider: 'PR1',
        category_of_need: 'N1',
        provider_id: null,
        fostering_household_id: householdId,
        home_id: null,
        postcode: null,
        urn: null,
        start_date: start,
        end_date: end,
        reason_for_change: null,
        connected_person_reg24: reg24,
      })
      .execute();
  };
  const ava = await child('AVA1', 'Ava', north, addYears(TODAY, -9), {
    social_worker: users.swNorth,
    iro: users.iro,
  });
  await care(ava, daysAgo(200), null, households.oak);
  await db
    .insertInto('review')
    .values({
      child_id: ava,
      due_date: null,
      held_date: daysAgo(190),
      participation: 'PN1',
      iro_id: users.iro,
    })
    .execute();
  await db
    .insertInto('visit')
    .values({ child_id: ava, visit_date: daysAgo(195), seen: true, seen_alone: true })
    .execute();
  const ben = await child('BEN1', 'Ben', south, addYears(TODAY, -7), {
    social_worker: users.swSouth,
  });
  await care(ben, daysAgo(30), null, null);
  const cal = await child('CAL1', 'Cal', north, addDays(addYears(TODAY, -19), -10), {
    personal_adviser: users.pa,
  });
  await care(cal, daysAgo(3000), addDays(addYears(TODAY, -1), -10), null);
  const dot = await child('DOT1', 'Dot', south, addYears(TODAY, -5), {
    social_worker: users.swSouth,
  });
  await care(dot, daysAgo(100), null, households.kin, true);
  return { users, children: { ava, ben, cal, dot }, households };
}
