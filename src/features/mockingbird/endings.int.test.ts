// Ending Mockingbird memberships and constellations on both engines: a satellite leaving (every
// refusal saves nothing; the warning below the minimum; former satellites listed; re-joining is a
// new membership; the comparison keeps a former satellite that resigned), and closing (every
// refusal, a stale version after a satellite joined, memberships ended in the same transaction, the
// hub freed, nothing more added, the closed page and list, and the hub's beds no longer offered to
// matching).
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, formatUkDate } from '../../domain/dates/index.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { daysAgo, seedWork, TODAY, type WorkFixture } from '../timescales/testData.ts';
import { approvedHousehold } from './testData.ts';

let conn: TestDb;
let app: Express;
let f: WorkFixture;
type Agent = Awaited<ReturnType<typeof signedIn>>;
let fw: Agent;
let fm: Agent;
const hh: Record<string, number> = {};

interface View {
  version: number;
  closedOn: string | null;
  closure: { reason: string; reasonText: string; detail: string | null } | null;
  satellites: { memberId: number; id: number; name: string; version: number }[];
  formerSatellites: {
    memberId: number;
    id: number;
    leftOn: string;
    reason: string | null;
    reasonText: string;
  }[];
  belowMinimum: boolean;
  comparison: { to: string; inside: { households: number; left: number } };
}

const household = (name: string, places: number, approvedDaysAgo: number) =>
  approvedHousehold(conn, f.users.fw, name, places, approvedDaysAgo);

const post = (path: string, body: object, as: Agent = fw) =>
  as.agent.post(`/api/v1${path}`).set('x-csrf-token', as.csrf).send(body);
const view = async (id: number) =>
  (await fw.agent.get(`/api/v1/mockingbird/${String(id)}`)).body as View;
const detail = (res: { body: unknown }) => (res.body as { detail?: string }).detail;
const formToken = async (path: string, as: Agent = fw) =>
  cheerio
    .load((await as.agent.get(path)).text)('input[name="_csrf"]')
    .val() as string;
const dateBoxes = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y };
};

async function constellation(name: string, hub: number, min: number, max: number) {
  const res = await post('/mockingbird', {
    name,
    hubHouseholdId: hub,
    liaisonWorkerId: f.users.fw,
    openedOn: daysAgo(400),
    minSatellites: min,
    maxSatellites: max,
  });
  expect(res.status).toBe(201);
  return (res.body as { id: number }).id;
}
const join = (id: number, householdId: number, joinedOn: string) =>
  post(`/mockingbird/${String(id)}/members`, { householdId, joinedOn });

beforeAll(async () => {
  conn = await freshDb();
  f = await seedWork(conn);
  app = testApp(conn);
  await addUser(conn, 'po.one', ['placement_officer']);
  hh.hub1 = await household('First hub', 2, 700);
  hh.hub2 = await household('Second hub', 2, 700);
  hh.small = await household('Small household', 1, 700);
  hh.birch = await household('Birch household', 1, 700);
  hh.late = await household('Late household', 1, 700);
  fw = await signedIn(app, 'fw.one');
  await addUser(conn, 'fm.one', ['fostering_manager']);
  fm = await signedIn(app, 'fm.one');
}, 180_000);

afterAll(async () => {
  await (conn as TestDb | undefined)?.dispose();
});

const need = (k: string) => {
  const v = hh[k];
  if (v === undefined) throw new Error(k);
  return v;
};

let c1 = 0;

describe('a satellite household leaves', () => {
  it('refuses before it joined, after today, without details for Other, and a stale version, saving nothing', async () => {
    c1 = await constellation('Airedale', need('hub1'), 2, 4);
    expect((await join(c1, f.households.oak, daysAgo(380))).status).toBe(201);
    expect((await join(c1, need('small'), daysAgo(380))).status).toBe(201);
    expect((await join(c1, need('birch'), daysAgo(300))).status).toBe(201);
    const v = await view(c1);
    const small = v.satellites.find((s) => s.id === need('small'));
    if (!small) throw new Error('no small');
    const leave = (body: object) =>
      post(`/mockingbird/${String(c1)}/members/${String(small.memberId)}/leaving`, {
        reason: 'resigned_or_deregistered',
        version: small.version,
        ...body,
      });
    const before = await leave({ leftOn: daysAgo(381) });
    expect(before.status).toBe(400);
    expect(before.body).toMatchObject({
      errors: [
        {
          field: 'leftOn',
          message: `The date left cannot be before the household joined, on ${formatUkDate(daysAgo(380))}`,
        },
      ],
    });
    expect(detail(await leave({ leftOn: addDays(TODAY, 1) }))).toBe(
      'The date left must be today or in the past',
    );
    const other = await leave({ leftOn: daysAgo(10), reason: 'other' });
    expect(other.status).toBe(400);
    expect(JSON.stringify(other.body)).toContain('Enter the details of the reason');
    const closedReason = await leave({ leftOn: daysAgo(10), reason: 'constellation_closed' });
    expect(closedReason.status).toBe(400);
    const stale = await leave({ leftOn: daysAgo(10), version: small.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { version: small.version } });
    const row = await conn.db
      .selectFrom('mockingbird_member')
      .select(['left_on', 'leaving_reason', 'version'])
      .where('id', '=', small.memberId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ left_on: null, leaving_reason: null, version: small.version });

    const ok = await leave({ leftOn: daysAgo(10) });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, satellites: 2, minSatellites: 2, belowMinimum: false });
    const twice = await leave({ leftOn: daysAgo(5), version: small.version + 1 });
    expect(twice.status).toBe(400);
    expect(detail(twice)).toBe(
      `This household has already left the constellation, on ${formatUkDate(daysAgo(10))}`,
    );
    const audited = await conn.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_type', '=', 'mockingbird_member')
      .where('record_id', '=', String(small.memberId))
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['update']);
  });

  it('on the page: a GOV.UK error, then the warning below the minimum and the former satellites', async () => {
    const v = await view(c1);
    const birch = v.satellites.find((s) => s.id === need('birch'));
    if (!birch) throw new Error('no birch');
    const path = `/mockingbird/${String(c1)}/members/${String(birch.memberId)}/leave`;
    const token = await formToken(path);
    const bad = await fw.agent
      .post(path)
      .type('form')
      .send({ _csrf: token, version: String(birch.version), ...dateBoxes('leftOn', daysAgo(3)) });
    expect(bad.status).toBe(400);
    const $bad = cheerio.load(bad.text);
    expect($bad('.govuk-error-summary a[href="#reason"]').text()).toBe(
      'Select why the household is leaving',
    );
    expect($bad('#reason-error').text()).toContain('Select why the household is leaving');
    expect(
      await conn.db
        .selectFrom('mockingbird_member')
        .select('left_on')
        .where('id', '=', birch.memberId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ left_on: null });

    const ok = await fw.agent
      .post(path)
      .type('form')
      .send({
        _csrf: token,
        version: String(birch.version),
        ...dateBoxes('leftOn', daysAgo(3)),
        reason: 'other',
        detail: 'Moving to Leeds',
      });
    expect(ok.status).toBe(303);
    const page = cheerio.load((await fw.agent.get(`/mockingbird/${String(c1)}`)).text);
    expect(page('.govuk-notification-banner').text()).toContain(
      'Birch household has left the constellation. It now has 1 satellite household, fewer than its minimum of 2.',
    );
    expect(page('#below-minimum').text()).toContain(
      'This constellation has fewer satellite households (1) than its minimum of 2.',
    );
    expect(page('#satellites tbody tr')).toHaveLength(1);
    const former = page('#former-satellites tbody tr')
      .toArray()
      .map((tr) =>
        page(tr)
          .find('td')
          .toArray()
          .map((td) => page(td).text().trim()),
      );
    expect(former).toEqual([
      [
        'Birch household',
        formatUkDate(daysAgo(300)),
        formatUkDate(daysAgo(3)),
        'Other: Moving to Leeds',
      ],
      [
        'Small household',
        formatUkDate(daysAgo(380)),
        formatUkDate(daysAgo(10)),
        'The household resigned or was deregistered',
      ],
    ]);
  });

  it('counts a former satellite that resigned in the constellation’s retention', async () => {
    await conn.db
      .insertInto('fostering_stage')
      .values({
        household_id: need('small'),
        stage: 'resigned',
        stage_date: daysAgo(8),
        reason_code: 'retirement',
        recorded_by: f.users.fw,
      })
      .execute();
    const v = await view(c1);
    // Inside: First hub, Oak, Small and Birch (all approved before the window); Small resigned.
    expect(v.comparison.inside).toMatchObject({ households: 4, left: 1, retainedPercent: 75 });
  });

  it('re-joining is a new membership, not before the household left', async () => {
    const early = await join(c1, need('small'), daysAgo(11));
    expect(early.status).toBe(400);
    expect(detail(early)).toBe(
      `The date joined cannot be before the household left its last constellation, on ${formatUkDate(daysAgo(10))}`,
    );
    expect((await join(c1, need('small'), daysAgo(2))).status).toBe(201);
    const v = await view(c1);
    expect(v.satellites.map((s) => s.id).sort()).toEqual([f.households.oak, need('small')].sort());
    expect(v.formerSatellites.map((s) => s.id)).toContain(need('small'));
    expect(v.belowMinimum).toBe(false);
  });
});

describe('memberships ended before reasons were recorded (migration 0072)', () => {
  it('keep no reason and show as not recorded', async () => {
    const old = await household('Old household', 1, 700);
    await conn.db
      .insertInto('mockingbird_member')
      .values({
        constellation_id: c1,
        household_id: old,
        joined_on: daysAgo(390),
        left_on: daysAgo(370),
      })
      .execute();
    const v = await view(c1);
    expect(v.formerSatellites.find((m) => m.id === old)).toMatchObject({
      reason: null,
      reasonText: 'Not recorded',
    });
  });
});

describe('closing a constellation', () => {
  let c2 = 0;
  let request = 0;
  const hubKey = () => `hub:${String(c2)}`;
  const options = async () => {
    const po = await signedIn(app, 'po.one');
    const m = await po.agent.get(`/api/v1/placement-requests/${String(request)}/matches`);
    expect(m.status).toBe(200);
    const body = m.body as { ranked: { key: string }[]; excluded: { key: string }[] };
    return [...body.ranked, ...body.excluded].map((o) => o.key);
  };

  it('the hub’s beds are offered to matching while it is open', async () => {
    c2 = await constellation('Wharfedale', need('hub2'), 1, 3);
    expect((await join(c2, f.households.kin, daysAgo(90))).status).toBe(201);
    const sw = await signedIn(app, 'sw.north');
    const made = await sw.agent
      .post(`/api/v1/children/${String(f.children.ava)}/placement-requests`)
      .set('x-csrf-token', sw.csrf)
      .send({
        kind: 'emergency',
        dateNeeded: addDays(TODAY, 1),
        placeTypes: ['foster'],
        needs: [],
        risksToChild: [],
        risksFromChild: [],
        languages: [],
        avoidDistricts: [],
      });
    expect(made.status).toBe(201);
    request = (made.body as { id: number }).id;
    const tm = await signedIn(app, 'tm.north');
    expect(
      (
        await tm.agent
          .post(`/api/v1/placement-requests/${String(request)}/approval`)
          .set('x-csrf-token', tm.csrf)
          .send({ version: 1 })
      ).status,
    ).toBe(200);
    expect(await options()).toContain(hubKey());
  });

  it('refuses every date that does not fit, an Other without details and a stale version, saving nothing', async () => {
    const path = `/mockingbird/${String(c2)}`;
    expect(
      (
        await post(`${path}/sleepovers`, {
          childId: f.children.dot,
          kind: 'planned',
          startDate: daysAgo(30),
          nights: 2,
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(`${path}/get-togethers`, { heldOn: daysAgo(20), households: 2, children: 3 }))
        .status,
    ).toBe(201);
    const opened = await view(c2);
    const close = (closedOn: string, more: object = {}) =>
      post(
        `${path}/closure`,
        { closedOn, reason: 'hub_resigned', version: opened.version, ...more },
        fm,
      );
    // Closing is the fostering team manager's decision: a fostering worker is refused.
    expect(
      (
        await post(`${path}/closure`, {
          closedOn: daysAgo(5),
          reason: 'merged',
          version: opened.version,
        })
      ).status,
    ).toBe(403);
    expect((await fw.agent.get(`${path}/close`)).status).toBe(403);
    expect(
      cheerio.load((await fw.agent.get(path)).text)('a:contains("Close this constellation")'),
    ).toHaveLength(0);
    const refusal = async (closedOn: string, more: object = {}) => {
      const res = await close(closedOn, more);
      expect(res.status).toBe(400);
      return detail(res);
    };
    expect(await refusal(daysAgo(401))).toBe(
      `The closing date cannot be before the constellation opened, on ${formatUkDate(daysAgo(400))}`,
    );
    expect(await refusal(addDays(TODAY, 1))).toBe('The closing date must be today or in the past');
    expect(await refusal(daysAgo(29))).toBe(
      `A sleepover is recorded for the night of ${formatUkDate(daysAgo(29))}: the closing date must be after the last night of every sleepover`,
    );
    expect(await refusal(daysAgo(25))).toBe(
      `A get-together is recorded on ${formatUkDate(daysAgo(20))}, after the closing date`,
    );
    const other = await close(daysAgo(5), { reason: 'other' });
    expect(other.status).toBe(400);
    expect(JSON.stringify(other.body)).toContain('Enter the details of the reason');
    // A satellite joins after the form was opened: the form's version is stale.
    expect((await join(c2, need('late'), daysAgo(10))).status).toBe(201);
    expect(await refusal(daysAgo(15), { version: opened.version + 1 })).toBe(
      `Late household joined on ${formatUkDate(daysAgo(10))}, after the closing date`,
    );
    const stale = await close(daysAgo(5));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { version: opened.version + 1, satellites: 2 } });

    const row = await conn.db
      .selectFrom('mockingbird_constellation')
      .select(['closed_on', 'closure_reason', 'version'])
      .where('id', '=', c2)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ closed_on: null, closure_reason: null, version: opened.version + 1 });
    const open = await conn.db
      .selectFrom('mockingbird_member')
      .select('id')
      .where('constellation_id', '=', c2)
      .where('left_on', 'is', null)
      .execute();
    expect(open).toHaveLength(2);
  });

  it('on the page: a GOV.UK error, then closes, ending every membership on the same date', async () => {
    const path = `/mockingbird/${String(c2)}/close`;
    const token = await formToken(path, fm);
    const v = await view(c2);
    const bad = await fm.agent
      .post(path)
      .type('form')
      .send({ _csrf: token, version: String(v.version), reason: 'service_decision' });
    expect(bad.status).toBe(400);
    expect(cheerio.load(bad.text)('.govuk-error-summary a[href="#closedOn"]').text()).toBe(
      'Enter the date of the closing',
    );
    const ok = await fm.agent
      .post(path)
      .type('form')
      .send({
        _csrf: token,
        version: String(v.version),
        reason: 'hub_resigned',
        detail: 'Retiring',
        ...dateBoxes('closedOn', daysAgo(5)),
      });
    expect(ok.status).toBe(303);
    const members = await conn.db
      .selectFrom('mockingbird_member')
      .select(['household_id', 'left_on', 'leaving_reason'])
      .where('constellation_id', '=', c2)
      .orderBy('household_id')
      .execute();
    expect(members).toEqual(
      [f.households.kin, need('late')]
        .sort((a, b) => a - b)
        .map((household_id) => ({
          household_id,
          left_on: daysAgo(5),
          leaving_reason: 'constellation_closed',
        })),
    );
    const audited = await conn.db
      .selectFrom('audit_event')
      .select(['action', 'detail'])
      .where('record_type', '=', 'mockingbird_constellation')
      .where('record_id', '=', String(c2))
      .where('action', '=', 'update')
      .execute();
    expect(audited).toHaveLength(1);

    const page = cheerio.load((await fm.agent.get(`/mockingbird/${String(c2)}`)).text);
    expect(page('.govuk-notification-banner').text()).toContain(
      'Constellation closed. The membership of 2 satellite households ended on the same date.',
    );
    expect(page('#closed-tag').text()).toBe('Closed');
    const summary = Object.fromEntries(
      page('#summary .govuk-summary-list__row')
        .toArray()
        .map((row) => [
          page(row).find('dt').text().trim(),
          page(row).find('dd').text().replace(/\s+/g, ' ').trim(),
        ]),
    );
    expect(summary).toMatchObject({
      Closed: formatUkDate(daysAgo(5)),
      'Why it closed': 'The hub home carer resigned or stepped down: Retiring',
      'Satellite households': 'None now: membership ended when it closed',
    });
    expect(page('#former-satellites tbody tr')).toHaveLength(2);
    expect(page('#former-satellites').text()).toContain('The constellation closed');
    // History stays: the sleepover and the get-together before the close.
    expect(page('#sleepover-totals').text()).toContain('1 planned and 0 emergency');
    expect(page('#get-togethers tbody tr')).toHaveLength(1);
    expect(page('#below-minimum')).toHaveLength(0);
    for (const link of [
      'Close this constellation',
      'Add a satellite household',
      'Record a sleepover',
    ])
      expect(page(`a:contains("${link}")`)).toHaveLength(0);
    const v2 = await view(c2);
    expect(v2).toMatchObject({
      closedOn: daysAgo(5),
      closure: { reason: 'hub_resigned', detail: 'Retiring' },
      satellites: [],
      belowMinimum: false,
      comparison: { to: daysAgo(5) },
    });
    const list = cheerio.load((await fw.agent.get('/mockingbird')).text);
    expect(list('#constellations tr:contains("Wharfedale")').text()).toContain(
      `Closed ${formatUkDate(daysAgo(5))}`,
    );
  });

  it('refuses closing again and adding members, sleepovers or get-togethers', async () => {
    const path = `/mockingbird/${String(c2)}`;
    const v = await view(c2);
    const again = await post(
      `${path}/closure`,
      { closedOn: daysAgo(1), reason: 'merged', version: v.version },
      fm,
    );
    expect(detail(again)).toBe(
      `This constellation has already closed, on ${formatUkDate(daysAgo(5))}`,
    );
    const closed = `This constellation closed on ${formatUkDate(daysAgo(5))}`;
    expect(detail(await join(c2, need('birch'), daysAgo(1)))).toBe(
      `${closed}: no more households can join`,
    );
    expect(
      detail(
        await post(`${path}/sleepovers`, {
          childId: f.children.dot,
          kind: 'emergency',
          startDate: TODAY,
          nights: 1,
        }),
      ),
    ).toBe(`${closed}: no more sleepovers can be recorded`);
    expect(
      detail(
        await post(`${path}/get-togethers`, { heldOn: daysAgo(1), households: 1, children: 1 }),
      ),
    ).toBe(`${closed}: no more get-togethers can be recorded`);
    for (const form of [`${path}/sleepovers/new`, `${path}/members/new`, `${path}/close`]) {
      const res = await fm.agent.get(form);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(path);
    }
    expect(
      await conn.db
        .selectFrom('mockingbird_sleepover')
        .select('id')
        .where('constellation_id', '=', c2)
        .execute(),
    ).toHaveLength(1);
  });

  it('frees the hub and the satellites, and the hub’s beds are no longer offered to matching', async () => {
    expect(await options()).not.toContain(hubKey());
    const early = await post('/mockingbird', {
      name: 'Wharfedale again',
      hubHouseholdId: need('hub2'),
      liaisonWorkerId: f.users.fw,
      openedOn: daysAgo(6),
      minSatellites: 1,
      maxSatellites: 3,
    });
    expect(detail(early)).toBe(
      `The opening date cannot be before the hub household left its last constellation, on ${formatUkDate(daysAgo(5))}`,
    );
    const again = await post('/mockingbird', {
      name: 'Wharfedale again',
      hubHouseholdId: need('hub2'),
      liaisonWorkerId: f.users.fw,
      openedOn: daysAgo(5),
      minSatellites: 1,
      maxSatellites: 3,
    });
    expect(again.status).toBe(201);
    const c3 = (again.body as { id: number }).id;
    expect((await join(c3, f.households.kin, daysAgo(4))).status).toBe(201);
    expect(await options()).toContain(`hub:${String(c3)}`);
  });
});
