// Supported accommodation (16+) as a matching option: a 16-year-old's request lists the service with
// its free places (places minus the placements linked to it open that day) and its match profile
// (migration 0062 allows 'supported:N'); a 14-year-old's lists it under the exclusions with the
// reason, on the API and the page; the decision makes a K3 placement in the service, at its address.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, addYears } from '../../domain/dates/index.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { signedInUsers } from './testAgents.ts';
import { TODAY, addCare, addChild, daysAgo, makeWorld } from '../recording/fixtures.ts';
import { loadCandidates } from './candidates.ts';

let t: TestDb;
let app: Express;
const { as, agent, post, get } = signedInUsers();
let child16: number;
let child14: number;
let service: number;
let resident: number;

interface Option {
  key: string;
  kind: string;
  name: string;
  weeklyCost: number | null;
  factors: { id: string; points: number; explanation: string }[];
  reasons: string[];
}
interface Matches {
  ranked: Option[];
  excluded: Option[];
}

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  const w = await makeWorld(t);
  await addUser(t, 'tm.one', ['team_manager'], { teamId: w.teamId });
  const mine = { teamId: w.teamId, allocate: { social_worker: w.users.sw } };
  child16 = await addChild(t, 'S16', { ...mine, dob: addYears(TODAY, -16) });
  child14 = await addChild(t, 'S14', { ...mine, dob: addYears(TODAY, -14) });
  const already = await addChild(t, 'S17', { ...mine, dob: addYears(TODAY, -17) });
  resident = already;
  for (const c of [child16, child14, already]) await addCare(t, c, daysAgo(300), null);
  const provider = await t.db
    .insertInto('provider')
    .values({
      name: 'Step Up Ltd',
      kind: 'private',
      place_provider: 'PR4',
      ofsted_urn: null,
      grade: null,
      postcode: 'BD5 0AA',
      weekly_fee: 1500,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ({ id: service } = await t.db
    .insertInto('supported_accommodation')
    .values({
      provider_id: provider.id,
      name: 'Canal Street flats',
      postcode: 'BD5 0AA',
      places: 3,
      ofsted_urn: 'SC654321',
      closed_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  // One young person already lives there (their placement names the service, migration 0081); a
  // K3 placement at the same postcode that is not linked to the service does not count.
  await t.db
    .updateTable('placement')
    .set({ place_type: 'K3', place_provider: 'PR4', supported_accommodation_id: service })
    .where('child_id', '=', already)
    .execute();
  const elsewhere = await addChild(t, 'S18', { ...mine, dob: addYears(TODAY, -17) });
  const { placementId } = await addCare(t, elsewhere, daysAgo(200), null);
  await t.db
    .updateTable('placement')
    .set({ place_type: 'K3', place_provider: 'PR4', postcode: 'BD5 0AA' })
    .where('id', '=', placementId)
    .execute();
  await t.db
    .insertInto('match_profile')
    .values({ option_key: `supported:${String(service)}`, languages: ['urdu'], religions: [] })
    .execute();
  for (const u of ['sw.one', 'tm.one', 'po.one']) as[u] = await signedIn(app, u);
});
afterAll(async () => {
  await t.dispose();
});

const approvedRequest = async (childId: number): Promise<number> => {
  const c = await post('sw.one', `/children/${String(childId)}/placement-requests`, {
    kind: 'planned',
    dateNeeded: addDays(TODAY, 14),
    placeTypes: ['supported', 'foster'],
    needs: [],
    risksToChild: [],
    risksFromChild: [],
    languages: ['Urdu'],
    avoidDistricts: [],
  });
  expect(c.status).toBe(201);
  const id = (c.body as { id: number }).id;
  expect(
    (await post('tm.one', `/placement-requests/${String(id)}/approval`, { version: 1 })).status,
  ).toBe(200);
  return id;
};

describe('supported accommodation as a matching option', () => {
  it("is ranked for a 16-year-old, with its free places, the provider's fee and its languages", async () => {
    const id = await approvedRequest(child16);
    const res = await get('po.one', `/placement-requests/${String(id)}/matches`);
    expect(res.status).toBe(200);
    const body = res.body as Matches;
    const option = body.ranked.find((r) => r.key === `supported:${String(service)}`);
    expect(option).toMatchObject({
      kind: 'supported_accommodation',
      name: 'Canal Street flats (Step Up Ltd)',
      weeklyCost: 1500,
    });
    const f = (fid: string) => option?.factors.find((x) => x.id === fid);
    expect(f('capacity_age')?.explanation).toMatch(
      /^Free place: 3 places, 1 young person placed there;/,
    );
    expect(f('language')?.points).toBe(5);
    expect(body.excluded.map((e) => e.key)).not.toContain(`supported:${String(service)}`);

    const page = await agent('po.one').agent.get(`/placement-requests/${String(id)}/matches`);
    expect(page.status).toBe(200);
    expect(cheerio.load(page.text)('.govuk-summary-card__title').text()).toContain(
      'Canal Street flats (Step Up Ltd)',
    );
  });

  it('is excluded for a 14-year-old with the reason, on the API and the page', async () => {
    const id = await approvedRequest(child14);
    const res = await get('po.one', `/placement-requests/${String(id)}/matches`);
    const body = res.body as Matches;
    expect(body.ranked.map((r) => r.key)).not.toContain(`supported:${String(service)}`);
    const ex = body.excluded.find((e) => e.key === `supported:${String(service)}`);
    expect(ex?.reasons).toEqual([
      'Supported accommodation is only for young people aged 16 or 17; the child will be 14',
    ]);
    const page = await agent('po.one').agent.get(`/placement-requests/${String(id)}/matches`);
    const $ = cheerio.load(page.text);
    const row = $('tr').filter((_i, el) => $(el).text().includes('Canal Street flats'));
    expect(row.text()).toContain('only for young people aged 16 or 17; the child will be 14');
  });

  it('the decision makes a K3 placement in the service, at its address; the request closes', async () => {
    const [request] = await t.db
      .selectFrom('placement_request')
      .select(['id', 'version'])
      .where('child_id', '=', child16)
      .execute();
    const res = await post('po.one', `/placement-requests/${String(request?.id)}/decision`, {
      version: request?.version,
      chosenOption: `supported:${String(service)}`,
      reason: 'Ready for more independence near college',
      startDate: TODAY,
      reasonForChange: 'CARPL',
    });
    expect(res.status).toBe(200);
    const closed = await t.db
      .selectFrom('placement_request')
      .select(['status', 'chosen_option', 'chosen_name', 'placement_id'])
      .where('id', '=', request?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({
      status: 'placed',
      chosen_option: `supported:${String(service)}`,
      chosen_name: 'Canal Street flats (Step Up Ltd)',
      placement_id: (res.body as { placementId: number }).placementId,
    });
    const placed = await t.db
      .selectFrom('placement')
      .select([
        'place_type',
        'place_provider',
        'postcode',
        'urn',
        'weekly_cost',
        'supported_accommodation_id',
      ])
      .where('child_id', '=', child16)
      .where('end_date', 'is', null)
      .executeTakeFirstOrThrow();
    expect(placed).toEqual({
      place_type: 'K3',
      place_provider: 'PR4',
      postcode: 'BD5 0AA',
      urn: 'SC654321',
      weekly_cost: 1500,
      supported_accommodation_id: service,
    });
    const other = await t.db
      .selectFrom('placement_request')
      .select('id')
      .where('child_id', '=', child14)
      .executeTakeFirstOrThrow();
    const m = (await get('po.one', `/placement-requests/${String(other.id)}/matches`))
      .body as Matches;
    const ex = m.excluded.find((e) => e.key === `supported:${String(service)}`);
    expect(ex?.reasons).toEqual([
      'Supported accommodation is only for young people aged 16 or 17; the child will be 14',
    ]);
  });

  it('knows who lives in the service now, with the risks from their latest request', async () => {
    const sw = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'sw.one')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('placement_request')
      .values({
        child_id: resident,
        status: 'withdrawn',
        kind: 'planned',
        date_needed: daysAgo(400),
        place_types: ['supported'],
        risks_from_child: ['criminal_exploitation_of_others'],
        requested_by: sw.id,
        withdrawal_reason: 'Placed before the request was needed',
      })
      .execute();
    const { candidates } = await loadCandidates(t.db, addDays(TODAY, 14), 16, TODAY, []);
    const option = candidates.find((c) => c.key === `supported:${String(service)}`);
    // The resident (17) and the young person the decision above placed there (16, no risks); the
    // K3 placement at the same postcode that is not linked is not there.
    expect([...(option?.childrenThere ?? [])].sort((x, y) => x.age - y.age)).toEqual([
      { age: 16, risksFromChild: [] },
      { age: 17, risksFromChild: ['criminal_exploitation_of_others'] },
    ]);
  });

  it("match_profile accepts a 'supported:N' key (migration 0062) and still refuses an unknown kind", async () => {
    await expect(
      t.db
        .insertInto('match_profile')
        .values({ option_key: 'flat:1', languages: [], religions: [] })
        .execute(),
    ).rejects.toThrow();
  });
});
