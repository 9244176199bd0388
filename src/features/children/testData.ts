// A small, known care record for the children, carers, providers and teams integration tests:
// two teams, their social workers, a fostering household, a private home, and three children.
import type { Connection } from '../../db/connect.ts';
import { addUser } from '../../platform/http/testing.ts';

export interface CareFixture {
  teams: { north: number; south: number };
  users: {
    swNorth: number;
    swSouth: number;
    tmNorth: number;
    fw: number;
    panel: number;
    analyst: number;
    po: number;
  };
  household: number;
  provider: number;
  home: number;
  children: { ava: number; ben: number; cara: number };
}

export async function seedCareFixture(conn: Connection): Promise<CareFixture> {
  const db = conn.db;
  const team = async (name: string) =>
    (
      await db
        .insertInto('team')
        .values({ name, service: 'Children in care' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const north = await team('North Children in Care');
  const south = await team('South Children in Care');
  const swNorth = await addUser(conn, 'sw.north', ['social_worker'], {
    teamId: north,
    displayName: 'Sam Northcote',
  });
  await db
    .updateTable('app_user')
    .set({ email: 'sam.northcote@example.gov.uk', phone: '01274 000 111', fte: 0.8 })
    .where('id', '=', swNorth)
    .execute();
  const swSouth = await addUser(conn, 'sw.south', ['social_worker'], {
    teamId: south,
    displayName: 'Sol Southey',
  });
  await db.updateTable('app_user').set({ agency: true }).where('id', '=', swSouth).execute();
  const tmNorth = await addUser(conn, 'tm.north', ['team_manager'], { teamId: north });
  const fw = await addUser(conn, 'fw.one', ['fostering_worker'], { displayName: 'Fay Foster' });
  const panel = await addUser(conn, 'panel.one', ['panel_member']);
  const analyst = await addUser(conn, 'analyst.one', ['analyst']);
  const po = await addUser(conn, 'po.one', ['placement_officer']);

  const household = (
    await db
      .insertInto('fostering_household')
      .values({
        name: 'Oakwood household',
        approval_type: 'mainstream',
        status: 'approved',
        approved_places: 2,
        age_min: 0,
        age_max: 17,
        skills_level: 3,
        postcode: 'BD9 4AA',
        supervising_worker_id: fw,
        approval_date: '2019-04-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('carer')
    .values([
      { household_id: household, first_name: 'Olive', last_name: 'Oakwood', main_carer: true },
      { household_id: household, first_name: 'Owen', last_name: 'Oakwood' },
    ])
    .execute();
  const provider = (
    await db
      .insertInto('provider')
      .values({
        name: 'Example Care Homes Ltd',
        kind: 'private',
        place_provider: 'PR4',
        ofsted_urn: null,
        grade: null,
        postcode: 'LS1 1AA',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const home = (
    await db
      .insertInto('home')
      .values({
        provider_id: provider,
        name: 'Hillside House',
        beds: 4,
        postcode: 'LS6 1AA',
        urn: 'SC123456',
        grade: 'good',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const child = async (localId: string, first: string, last: string, dob: string, teamId: number) =>
    (
      await db
        .insertInto('child')
        .values({
          local_id: localId,
          first_name: first,
          last_name: last,
          date_of_birth: dob,
          sex: 'F',
          team_id: teamId,
          home_postcode: 'BD3 9AA',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const period = async (childId: number, start: string) =>
    (
      await db
        .insertInto('period_of_care')
        .values({ child_id: childId, start_date: start, category_of_need: 'N1' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  // Ava: North, with Oakwood household since she came into care; C1 then C2.
  const ava = await child('BFD0001', 'Ava', 'Brook', '2012-03-27', north);
  const avaPoc = await period(ava, '2023-01-10');
  await db
    .insertInto('legal_status')
    .values([
      {
        child_id: ava,
        period_of_care_id: avaPoc,
        status: 'C1',
        start_date: '2023-01-10',
        end_date: '2023-05-01',
      },
      { child_id: ava, period_of_care_id: avaPoc, status: 'C2', start_date: '2023-05-01' },
    ])
    .execute();
  await db
    .insertInto('placement')
    .values({
      child_id: ava,
      period_of_care_id: avaPoc,
      place_type: 'U6',
      place_provider: 'PR1',
      category_of_need: 'N1',
      fostering_household_id: household,
      postcode: 'BD9 4AA',
      urn: 'XXXXXXX',
      start_date: '2023-01-10',
    })
    .execute();
  await db
    .insertInto('review')
    .values({
      child_id: ava,
      due_date: '2023-02-07',
      held_date: '2023-02-03',
      participation: 'PN1',
    })
    .execute();
  await db
    .insertInto('visit')
    .values({
      child_id: ava,
      visit_date: '2023-01-16',
      seen: true,
      seen_alone: true,
      worker_id: swNorth,
    })
    .execute();

  // Ben: South, section 20, in a private children's home outside the authority.
  const ben = await child('BFD0002', 'Ben', 'Carter', '2010-11-05', south);
  const benPoc = await period(ben, '2022-06-01');
  await db
    .insertInto('legal_status')
    .values({ child_id: ben, period_of_care_id: benPoc, status: 'V2', start_date: '2022-06-01' })
    .execute();
  await db
    .insertInto('placement')
    .values({
      child_id: ben,
      period_of_care_id: benPoc,
      place_type: 'K2',
      place_provider: 'PR4',
      category_of_need: 'N1',
      provider_id: provider,
      home_id: home,
      postcode: 'LS6 1AA',
      urn: 'SC123456',
      start_date: '2022-06-01',
    })
    .execute();

  // Cara: North, long-term fostering with Oakwood since 2024.
  const cara = await child('BFD0003', 'Cara', 'Dale', '2015-01-15', north);
  const caraPoc = await period(cara, '2024-02-01');
  await db
    .insertInto('legal_status')
    .values({ child_id: cara, period_of_care_id: caraPoc, status: 'C2', start_date: '2024-02-01' })
    .execute();
  await db
    .insertInto('placement')
    .values({
      child_id: cara,
      period_of_care_id: caraPoc,
      place_type: 'U4',
      place_provider: 'PR1',
      category_of_need: 'N1',
      fostering_household_id: household,
      postcode: 'BD94AA',
      urn: 'XXXXXXX',
      start_date: '2024-02-01',
    })
    .execute();

  await db
    .insertInto('allocation')
    .values([
      { child_id: ava, user_id: swNorth, role: 'social_worker', start_date: '2023-01-10' },
      { child_id: cara, user_id: swNorth, role: 'social_worker', start_date: '2024-02-01' },
      { child_id: ben, user_id: swSouth, role: 'social_worker', start_date: '2022-06-01' },
    ])
    .execute();
  await db
    .insertInto('local_postcode')
    .values([{ postcode: 'BD94AA' }, { postcode: 'BD39AA' }])
    .execute();

  return {
    teams: { north, south },
    users: { swNorth, swSouth, tmNorth, fw, panel, analyst, po },
    household,
    provider,
    home,
    children: { ava, ben, cara },
  };
}
