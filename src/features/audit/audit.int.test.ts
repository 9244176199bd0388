import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { sql } from 'kysely';
import request from 'supertest';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { verifyAudit } from '../../cli/commands/audit.ts';

let t: TestDb;
let app: Express;
let childA: number;
let childB: number;
beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  const [teamA, teamB] = await Promise.all(
    ['Team A', 'Team B'].map(
      async (name) =>
        (
          await t.db
            .insertInto('team')
            .values({ name, service: 'Children in care' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
    ),
  );
  const child = async (localId: string, teamId: number | undefined) =>
    (
      await t.db
        .insertInto('child')
        .values({
          local_id: localId,
          first_name: 'Test',
          last_name: 'Child',
          date_of_birth: '2015-04-01',
          sex: 'F',
          team_id: teamId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  childA = await child('A1', teamA);
  childB = await child('B1', teamB);
  await addUser(t, 'admin.one', ['admin']);
  await addUser(t, 'tm.a', ['team_manager'], { teamId: teamA });
  await addUser(t, 'sw.a', ['social_worker'], { teamId: teamA });
  await t.db.transaction().execute(async (trx) => {
    await audit(
      trx,
      {
        userId: 99,
        username: 'sw.a',
        displayName: 'SW A',
        roles: ['social_worker'],
        teamId: teamA ?? null,
        address: '10.0.0.1',
      },
      { action: 'read', recordType: 'child', recordId: childA, childId: childA },
    );
    await audit(trx, systemActor('test'), {
      action: 'read',
      recordType: 'child',
      recordId: childB,
      childId: childB,
    });
  });
});
afterAll(async () => {
  await t.dispose();
});

describe('audit search', () => {
  it('finds events by user and child, and records the search itself', async () => {
    const { agent } = await signedIn(app, 'admin.one');
    const res = await agent.get(`/audit?user=SW.A&childId=${String(childA)}`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('caption').text()).toMatch(/^1 event/);
    expect($('tbody tr td').eq(2).text()).toBe('read');
    const last = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: 'list',
      record_type: 'audit_event',
      actor_name: 'admin.one',
      child_id: childA,
    });
  });

  it('filters by UK date range and rejects an impossible date', async () => {
    const { agent } = await signedIn(app, 'admin.one');
    const none = await agent.get('/audit?from=1/1/2000&to=2/1/2000');
    expect(none.text).toContain('No events match these filters.');
    const bad = await agent.get('/audit?from=31/2/2026');
    expect(bad.status).toBe(400);
    expect(cheerio.load(bad.text)('.govuk-error-summary').text()).toContain(
      'From date must be a real date, like 27/3/2026',
    );
  });

  it('is for administrators only', async () => {
    const { agent } = await signedIn(app, 'tm.a');
    expect((await agent.get('/audit')).status).toBe(403);
  });
});

describe('who has viewed a child', () => {
  it('shows a team manager the viewers of their team’s child', async () => {
    const { agent } = await signedIn(app, 'tm.a');
    const res = await agent.get(`/children/${String(childA)}/viewers`);
    expect(res.status).toBe(200);
    const rows = cheerio
      .load(res.text)('tbody tr')
      .map((_i, r) => cheerio.load(r).text())
      .get()
      .join('|');
    expect(rows).toContain('sw.a');
    expect(rows).toContain('10.0.0.1');
  });

  it('answers "not found" for a child outside the manager’s scope, and for no child', async () => {
    const { agent } = await signedIn(app, 'tm.a');
    expect((await agent.get(`/children/${String(childB)}/viewers`)).status).toBe(404);
    expect((await agent.get('/children/999999/viewers')).status).toBe(404);
  });

  it('is not for social workers', async () => {
    const { agent } = await signedIn(app, 'sw.a');
    expect((await agent.get(`/children/${String(childA)}/viewers`)).status).toBe(403);
  });
});

describe('audit API and integrity', () => {
  it('pages the audit log as JSON for an administrator only', async () => {
    const admin = await signedIn(app, 'admin.one');
    const res = await admin.agent.get('/api/v1/audit-events?page=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 50 });
    const sw = await signedIn(app, 'sw.a');
    expect((await sw.agent.get('/api/v1/audit-events')).status).toBe(403);
    expect((await request(app).get('/api/v1/audit-events')).status).toBe(401);
  });

  it('refuses updates and deletes of audit rows; audit verify names an edited row', async () => {
    await expect(
      sql`update audit_event set actor_name = 'x' where id = 1`.execute(t.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where id = 1`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await verifyAudit(t.db, io)).toBe(0);
    expect(out.at(-1)).toMatch(/^Audit chain intact: \d+ events checked\.$/);
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(t.db);
    await sql`update audit_event set address = '1.2.3.4' where id = 1`.execute(t.db);
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(t.db);
    expect(await verifyAudit(t.db, io)).toBe(1);
    expect(out.at(-1)).toBe(
      'Audit chain BROKEN at event 1: its contents do not match its hash (the event was edited). 0 events before it are intact.',
    );
  });
});
