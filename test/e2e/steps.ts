// Steps the browser tests share: filling a GOV.UK date, pressing a button or following a link and
// waiting for the page it leads to, and the rows a test sets up (a user's id, a child in care
// allocated to a social worker, an approved fostering household).
import type { Insertable } from 'kysely';
import type { Page } from 'playwright-core';
import type { Connection, Db } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/schema.ts';
import { addYears } from '../../src/domain/dates/index.ts';
import { addCare, addChild, daysAgo } from '../../src/features/recording/fixtures.ts';

/** Fill the page's GOV.UK date input (Day, Month, Year) with `date` (YYYY-MM-DD), as typed: 5, not 05. */
export async function fillDate(page: Page, date: string): Promise<void> {
  const [y, m, d] = date.split('-');
  await page.getByRole('textbox', { name: 'Day' }).fill(String(Number(d)));
  await page.getByRole('textbox', { name: 'Month' }).fill(String(Number(m)));
  await page.getByRole('textbox', { name: 'Year' }).fill(y ?? '');
}

/** Press the button called `name` and wait for the page it leads to. */
export async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name }).click();
  await page.waitForLoadState();
}

/** Follow the link called `name` and wait for the page it leads to. */
export async function follow(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name }).click();
  await page.waitForLoadState();
}

/** The id of the user called `username` (a demo account). */
export async function userId(db: Db, username: string): Promise<number> {
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return user.id;
}

/** A child aged `age`, allocated to sw.demo, in care (placed) for the last 300 days. */
export async function childInCareOfSw(
  conn: Connection,
  localId: string,
  age: number,
): Promise<number> {
  const childId = await addChild(conn, localId, {
    dob: addYears(daysAgo(0), -age),
    allocate: { social_worker: await userId(conn.db, 'sw.demo') },
  });
  await addCare(conn, childId, daysAgo(300), null);
  return childId;
}

/** An approved mainstream fostering household supervised by fw.demo; returns its id. */
export async function addApprovedHousehold(
  db: Db,
  values: Pick<
    Insertable<Database['fostering_household']>,
    'name' | 'approval_date' | 'approved_places' | 'skills_level' | 'postcode'
  >,
): Promise<number> {
  const row = await db
    .insertInto('fostering_household')
    .values({
      ...values,
      approval_type: 'mainstream',
      status: 'approved',
      supervising_worker_id: await userId(db, 'fw.demo'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
