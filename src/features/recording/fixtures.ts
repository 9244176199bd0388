// Test data for the recording tests: a team, workers in each role, households and children with
// care histories relative to today. Inserted directly (the forms under test are not used to set up).
import type { Connection } from '../../db/connect.ts';
import { addDays, addYears } from '../../domain/dates/index.ts';
import { addUser } from '../../platform/http/testing.ts';
import { today } from './codes.ts';

export const TODAY = today();
export const daysAgo = (n: number) => addDays(TODAY, -n);

export async function addChild(
  conn: Connection,
  localId: string,
  opts: { teamId?: number | null; dob?: string; allocate?: Record<string, number> } = {},
): Promise<number> {
  const { id } = await conn.db
    .insertInto('child')
    .values({
      local_id: localId,
      upn: null,
      nhs_number: null,
      first_name: 'Alex',
      last_name: `Child${localId}`,
      preferred_name: null,
      date_of_birth: opts.dob ?? addYears(TODAY, -10),
      sex: 'F',
      ethnicity: 'WBRI',
      uasc_start: null,
      uasc_end: null,
      home_postcode: null,
      team_id: opts.teamId ?? null,
      date_of_death: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [role, userId] of Object.entries(opts.allocate ?? {}))
    await conn.db
      .insertInto('allocation')
      .values({
        child_id: id,
        user_id: userId,
        role: role as 'social_worker',
        start_date: daysAgo(800),
        end_date: null,
      })
      .execute();
  return id;
}

/** An open period of care from `start` with legal status C2 and a U6 placement (with a household). */
export async function addCare(
  conn: Connection,
  childId: number,
  start: string,
  householdId: number | null,
): Promise<{ periodId: number; placementId: number }> {
  const period = await conn.db
    .insertInto('period_of_care')
    .values({
      child_id: childId,
      start_date: start,
      end_date: null,
      end_reason: null,
      category_of_need: 'N1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await conn.db
    .insertInto('legal_status')
    .values({
      period_of_care_id: period.id,
      child_id: childId,
      status: 'C2',
      start_date: start,
      end_date: null,
    })
    .execute();
  const placement = await conn.db
    .insertInto('placement')
    .values({
      period_of_care_id: period.id,
      child_id: childId,
      place_type: 'U6',
      place_provider: 'PR1',
      category_of_need: 'N1',
      provider_id: null,
      fostering_household_id: householdId,
      home_id: null,
      postcode: 'BD1 1HY',
      urn: null,
      start_date: start,
      end_date: null,
      reason_for_change: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { periodId: period.id, placementId: placement.id };
}

export async function addHousehold(
  conn: Connection,
  name: string,
  places: number,
): Promise<number> {
  const { id } = await conn.db
    .insertInto('fostering_household')
    .values({
      name,
      approval_type: 'mainstream',
      status: 'approved',
      approved_places: places,
      age_min: 0,
      age_max: 17,
      skills_level: 2,
      postcode: 'BD9 4AA',
      supervising_worker_id: null,
      approval_date: daysAgo(2000),
      reg24_start: null,
      last_review_date: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface World {
  teamId: number;
  users: Record<'sw' | 'swOther' | 'iro' | 'iro2' | 'pa' | 'po' | 'panel' | 'analyst', number>;
  roomy: number;
  single: number;
}

export async function makeWorld(conn: Connection): Promise<World> {
  const { id: teamId } = await conn.db
    .insertInto('team')
    .values({ name: 'Children in care 1', service: 'Children in care', caseload_cap: 20 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const users = {
    sw: await addUser(conn, 'sw.one', ['social_worker'], { teamId, displayName: 'Sam Worker' }),
    swOther: await addUser(conn, 'sw.other', ['social_worker']),
    iro: await addUser(conn, 'iro.one', ['iro'], { displayName: 'Ira Reviewer' }),
    iro2: await addUser(conn, 'iro.two', ['iro'], { displayName: 'Ivy Second' }),
    pa: await addUser(conn, 'pa.one', ['personal_adviser']),
    po: await addUser(conn, 'po.one', ['placement_officer']),
    panel: await addUser(conn, 'panel.one', ['panel_member']),
    analyst: await addUser(conn, 'analyst.one', ['analyst']),
  };
  return {
    teamId,
    users,
    roomy: await addHousehold(conn, 'Roomy household', 4),
    single: await addHousehold(conn, 'Single place household', 1),
  };
}
