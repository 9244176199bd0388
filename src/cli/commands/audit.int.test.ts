// `hearth audit verify` run through the command on a fresh database: an intact chain exits 0 with
// the count checked; an edited row (the append-only trigger switched off, as only a database
// owner could) exits 1 naming that event.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { UsageError, type CliIo } from '../command.ts';
import { makeCommand } from './audit.ts';

let t: TestDb;
const ids: number[] = [];

function captured(): CliIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (s) => out_.push(s), err: (s) => err_.push(s) };
}

beforeAll(async () => {
  t = await freshDb();
  for (let i = 1; i <= 5; i++) {
    await t.db
      .transaction()
      .execute((trx) =>
        audit(trx, systemActor('test'), { action: 'read', recordType: 'child', recordId: i }),
      );
  }
  const rows = await t.db.selectFrom('audit_event').select('id').orderBy('id').execute();
  ids.push(...rows.map((r) => r.id));
});

afterAll(async () => {
  await t.dispose();
});

describe('hearth audit verify', () => {
  it('exits 0 and counts the events when the chain is intact', async () => {
    const io = captured();
    expect(await makeCommand(t).run(['verify'], io)).toBe(0);
    expect(io.out_).toEqual([`Audit chain intact: ${String(ids.length)} events checked.`]);
    expect(ids.length).toBe(5);
  });

  it('exits 1 naming the edited event and how many before it are intact', async () => {
    const edited = ids[2] ?? 0;
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(t.db);
    try {
      await sql`update audit_event set record_id = '99' where id = ${edited}`.execute(t.db);
    } finally {
      await sql`alter table audit_event enable trigger audit_event_no_update`.execute(t.db);
    }
    const io = captured();
    expect(await makeCommand(t).run(['verify'], io)).toBe(1);
    expect(io.out_).toEqual([
      `Audit chain BROKEN at event ${String(edited)}: its contents do not match its hash (the event was edited). 2 events before it are intact.`,
    ]);
  });

  it.each([[[]], [['check']], [['verify', 'now']]])('refuses %j as a usage error', async (args) => {
    await expect(makeCommand(t).run(args, captured())).rejects.toThrow(UsageError);
  });
});
