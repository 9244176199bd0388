// Test data shared by the Mockingbird integration tests: an approved mainstream household with a
// supervising worker, approved `approvedDaysAgo` days before today.
import type { TestDb } from '../../../test/support/db.ts';
import { daysAgo } from '../timescales/testData.ts';

export async function approvedHousehold(
  conn: TestDb,
  supervisingWorkerId: number,
  name: string,
  places: number,
  approvedDaysAgo: number,
): Promise<number> {
  const { id } = await conn.db
    .insertInto('fostering_household')
    .values({
      name,
      approval_type: 'mainstream',
      status: 'approved',
      approval_date: daysAgo(approvedDaysAgo),
      approved_places: places,
      skills_level: 3,
      postcode: 'BD21 1AA',
      supervising_worker_id: supervisingWorkerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
