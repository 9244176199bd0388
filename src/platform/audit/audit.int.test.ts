import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { systemActor } from '../access/actor.ts';
import { audit, verifyChain } from './audit.ts';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.dispose();
});

describe('audit trail', () => {
  it('chains events and verifies them', async () => {
    const actor = systemActor('test');
    for (let i = 0; i < 3; i++) {
      await t.db.transaction().execute((trx) =>
        audit(trx, actor, {
          action: 'read',
          recordType: 'child',
          recordId: i,
          childId: i,
          detail: { b: 1, a: [i] },
        }),
      );
    }
    expect(await verifyChain(t.db)).toEqual({ ok: true, checked: 3 });
  });

  it('rolls back with the work it records', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await audit(trx, systemActor('test'), {
          action: 'update',
          recordType: 'child',
          recordId: 99,
        });
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    const n = await t.db
      .selectFrom('audit_event')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(3);
  });

  it('refuses updates and deletes from the application', async () => {
    await expect(
      sql`update audit_event set actor_name = 'someone else' where id = 2`.execute(t.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where id = 2`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('names the first edited event', async () => {
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(t.db);
    await sql`update audit_event set record_id = '42' where id = 2`.execute(t.db);
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(t.db);
    const result = await verifyChain(t.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.id).toBe(2);
    expect(result.firstBroken?.problem).toMatch(/edited/);
  });
});
