// Locked capacity of children's homes (beds) and 16+ supported accommodation services (places):
// a full or closed home or service refuses the placement with the message on the field chosen and
// saves nothing; a placement in a service names it and takes its postcode, URN and provider; a
// service needs a K3 or H5 placement; moving a placement into a full home is refused; and two
// concurrent placements into the last bed or place: exactly one succeeds (the carer's row is
// locked; on PGlite the two run one after the other).
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addYears, formatUkDate } from '../../domain/dates/index.ts';
import { csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { TODAY, addCare, addChild, daysAgo, makeWorld, type World } from './fixtures.ts';

let t: TestDb;
let app: Express;
let w: World;
type Agent = Awaited<ReturnType<typeof signedIn>>;
let po: Agent;
let sw: Agent;
let provider: number;
let fullHome: number;
let closedHome: number;
let lastBed: number;
let fullService: number;
let lastPlace: number;

const d = (name: string, iso: string) => {
  const [y, m, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(m)),
    [`${name}-year`]: y,
  };
};

async function addHome(name: string, beds: number, closedOn: string | null = null) {
  const { id } = await t.db
    .insertInto('home')
    .values({
      provider_id: provider,
      name,
      beds,
      postcode: 'BD8 7AA',
      urn: 'SC111222',
      grade: 'good',
      categories: [],
      closed_on: closedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function addService(name: string, places: number) {
  const { id } = await t.db
    .insertInto('supported_accommodation')
    .values({
      provider_id: provider,
      name,
      postcode: 'BD5 0AA',
      places,
      ofsted_urn: 'SC654321',
      closed_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A child in care since 200 days ago, placed (as set up) with the home or service given. */
async function childIn(localId: string, where: { home?: number; service?: number } = {}) {
  const child = await addChild(t, localId, {
    dob: addYears(TODAY, -16),
    allocate: { social_worker: w.users.sw },
  });
  const { placementId } = await addCare(t, child, daysAgo(200), null);
  if (where.home !== undefined || where.service !== undefined)
    await t.db
      .updateTable('placement')
      .set({
        place_type: where.home !== undefined ? 'K2' : 'K3',
        home_id: where.home ?? null,
        supported_accommodation_id: where.service ?? null,
      })
      .where('id', '=', placementId)
      .execute();
  return child;
}

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  w = await makeWorld(t);
  ({ id: provider } = await t.db
    .insertInto('provider')
    .values({
      name: 'Step Up Ltd',
      kind: 'private',
      place_provider: 'PR4',
      ofsted_urn: null,
      grade: null,
      postcode: 'BD5 0AA',
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  fullHome = await addHome('Oak House', 2);
  closedHome = await addHome('Elm House', 3, daysAgo(10));
  lastBed = await addHome('Ash House', 1);
  fullService = await addService('Canal Street flats', 1);
  lastPlace = await addService('Mill Lane flats', 1);
  await childIn('H1', { home: fullHome });
  await childIn('H2', { home: fullHome });
  await childIn('S1', { service: fullService });
  po = await signedIn(app, 'po.one');
  sw = await signedIn(app, 'sw.one');
}, 180_000); // setup signs in several users: slow on a loaded machine
afterAll(async () => {
  await t.dispose();
});

const summary = (html: string) => {
  const $ = cheerio.load(html);
  return $('.govuk-error-summary__list a')
    .map((_i, a) => ({ href: $(a).attr('href'), text: $(a).text().trim() }))
    .get();
};

/** Submit the new-placement page for a child as `a`. */
async function place(a: Agent, child: number, body: Record<string, string>) {
  const page = await a.agent.get(`/children/${String(child)}/placements/new`);
  expect(page.status).toBe(200);
  return a.agent
    .post(`/children/${String(child)}/placements/new`)
    .type('form')
    .send({
      _csrf: csrfFrom(page.text),
      ...d('startDate', daysAgo(1)),
      reasonForChange: 'CARPL',
      ...body,
    });
}

const placementsOf = (child: number) =>
  t.db
    .selectFrom('placement')
    .select(['id', 'end_date', 'home_id', 'supported_accommodation_id', 'version'])
    .where('child_id', '=', child)
    .orderBy('id')
    .execute();

describe("a children's home", () => {
  it('a full home refuses the placement on the home field and saves nothing', async () => {
    const child = await childIn('H3');
    const before = await placementsOf(child);
    const res = await place(sw, child, { placeType: 'K2', homeId: String(fullHome) });
    expect(res.status).toBe(400);
    expect(summary(res.text)).toEqual([
      {
        href: '#homeId',
        text: `Oak House has no free bed on ${formatUkDate(daysAgo(1))}: all 2 beds are taken`,
      },
    ]);
    expect(await placementsOf(child)).toEqual(before);
  });

  it('a home closed on the date refuses the placement; the API answers 400 with the field', async () => {
    const child = await childIn('H4');
    const res = await sw.agent
      .post(`/api/v1/children/${String(child)}/placements`)
      .set('x-csrf-token', sw.csrf)
      .send({
        startDate: daysAgo(1),
        placeType: 'K2',
        homeId: closedHome,
        reasonForChange: 'CARPL',
      });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(`Elm House closed on ${formatUkDate(daysAgo(10))}`);
    expect(JSON.stringify(res.body)).toContain('homeId');
    expect(await placementsOf(child)).toHaveLength(1);
  });

  it('correcting a placement into a full home is refused; staying in the same home is not re-checked', async () => {
    const child = await childIn('H5');
    const [p] = await placementsOf(child);
    const path = `/children/${String(child)}/placements/${String(p?.id)}/edit`;
    const page = await sw.agent.get(path);
    const $ = cheerio.load(page.text);
    const res = await sw.agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        version: $('input[name="version"]').val(),
        ...d('startDate', daysAgo(200)),
        placeType: 'K2',
        homeId: String(fullHome),
      });
    expect(res.status).toBe(400);
    expect(summary(res.text).map((s) => s.text)).toEqual([
      `Oak House has no free bed on ${formatUkDate(daysAgo(200))}: all 2 beds are taken`,
    ]);
    expect(await placementsOf(child)).toEqual([p]);
    // A child already in the full home corrects their own placement (the same home, same date).
    const [inside] = await t.db
      .selectFrom('placement')
      .select(['id', 'child_id', 'version'])
      .where('home_id', '=', fullHome)
      .execute();
    const ok = await sw.agent
      .put(`/api/v1/children/${String(inside?.child_id)}/placements/${String(inside?.id)}`)
      .set('x-csrf-token', sw.csrf)
      .send({
        startDate: daysAgo(200),
        placeType: 'K2',
        homeId: fullHome,
        postcode: 'BD8 7AB',
        version: inside?.version,
      });
    expect(ok.status).toBe(200);
  });

  it('two placements at once into the last bed: exactly one succeeds', async () => {
    const c1 = await childIn('H6');
    const c2 = await childIn('H7');
    const [r1, r2] = await Promise.all([
      place(po, c1, { placeType: 'K2', homeId: String(lastBed) }),
      place(sw, c2, { placeType: 'K2', homeId: String(lastBed) }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([303, 400]);
    const refused = r1.status === 400 ? r1 : r2;
    expect(summary(refused.text).map((s) => s.text)).toEqual([
      `Ash House has no free bed on ${formatUkDate(daysAgo(1))}: all 1 bed is taken`,
    ]);
    const inHome = await t.db
      .selectFrom('placement')
      .select('child_id')
      .where('home_id', '=', lastBed)
      .execute();
    expect(inHome).toHaveLength(1);
    const loser = inHome[0]?.child_id === c1 ? c2 : c1;
    expect((await placementsOf(loser)).map((p) => p.end_date)).toEqual([null]);
  });
});

describe('16+ supported accommodation', () => {
  it('the placement forms list the open services with their provider', async () => {
    const child = await childIn('S2');
    const page = await sw.agent.get(`/children/${String(child)}/placements/new`);
    const options = cheerio
      .load(page.text)('#supportedAccommodationId option')
      .map((_i, o) => cheerio.load(o).text().trim())
      .get();
    expect(options).toEqual([
      'None',
      'Canal Street flats, Step Up Ltd (BD5 0AA)',
      'Mill Lane flats, Step Up Ltd (BD5 0AA)',
    ]);
  });

  it('a full service refuses the placement on the service field and saves nothing', async () => {
    const child = await childIn('S3');
    const before = await placementsOf(child);
    const res = await place(sw, child, {
      placeType: 'K3',
      supportedAccommodationId: String(fullService),
    });
    expect(res.status).toBe(400);
    expect(summary(res.text)).toEqual([
      {
        href: '#supportedAccommodationId',
        text: `Canal Street flats has no free place on ${formatUkDate(daysAgo(1))}: all 1 place is taken`,
      },
    ]);
    expect(await placementsOf(child)).toEqual(before);
  });

  it('a service needs a K3 or H5 placement, and one carer at a time', async () => {
    const child = await childIn('S4');
    const wrongType = await place(sw, child, {
      placeType: 'U6',
      supportedAccommodationId: String(lastPlace),
    });
    expect(wrongType.status).toBe(400);
    expect(summary(wrongType.text)).toEqual([
      {
        href: '#supportedAccommodationId',
        text: 'A supported accommodation service is only for a placement of type K3 or H5: change the type of placement or the service',
      },
    ]);
    const two = await place(sw, child, {
      placeType: 'K3',
      homeId: String(lastBed),
      supportedAccommodationId: String(lastPlace),
    });
    expect(summary(two.text).map((s) => s.text)).toEqual([
      'Select only one of a fostering household, a home or a supported accommodation service',
    ]);
    expect(await placementsOf(child)).toHaveLength(1);
  });

  it('two placements at once into the last place: exactly one succeeds, naming the service with its address, URN and provider', async () => {
    const c1 = await childIn('S5');
    const c2 = await childIn('S6');
    const [r1, r2] = await Promise.all([
      place(po, c1, { placeType: 'K3', supportedAccommodationId: String(lastPlace) }),
      place(sw, c2, { placeType: 'K3', supportedAccommodationId: String(lastPlace) }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([303, 400]);
    const refused = r1.status === 400 ? r1 : r2;
    expect(summary(refused.text).map((s) => s.text)).toEqual([
      `Mill Lane flats has no free place on ${formatUkDate(daysAgo(1))}: all 1 place is taken`,
    ]);
    const there = await t.db
      .selectFrom('placement')
      .select(['child_id', 'postcode', 'urn', 'provider_id', 'end_date'])
      .where('supported_accommodation_id', '=', lastPlace)
      .execute();
    expect(there).toEqual([
      {
        child_id: r1.status === 303 ? c1 : c2,
        postcode: 'BD5 0AA',
        urn: 'SC654321',
        provider_id: provider,
        end_date: null,
      },
    ]);
  });
});
