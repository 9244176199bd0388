// Generated reports on both engines: content from the live measures and plans for a period (progress,
// concern, next period), anonymised (no child's name or id) with small numbers withheld, GOV.UK
// errors for a bad period, the JSON API, the PDF through Chromium (or an honest note without it).
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { pdfAvailable } from './pdf.ts';

let t: TestDb;
let app: Express;
const FROM = '2026-01-01';
const TO = '2026-06-30';
const Q = `kind=panel&from=${FROM}&to=${TO}`;

async function addChild(n: number, start: string): Promise<void> {
  const c = await t.db
    .insertInto('child')
    .values({
      local_id: `SECRET${String(n)}`,
      upn: null,
      nhs_number: null,
      first_name: 'Zebedee',
      last_name: `Quuxworth${String(n)}`,
      preferred_name: null,
      date_of_birth: '2012-05-01',
      sex: 'F',
      ethnicity: 'WBRI',
      uasc_start: null,
      uasc_end: null,
      home_postcode: null,
      team_id: null,
      date_of_death: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = await t.db
    .insertInto('period_of_care')
    .values({
      child_id: c.id,
      start_date: start,
      end_date: null,
      end_reason: null,
      category_of_need: 'N1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('legal_status')
    .values({
      period_of_care_id: p.id,
      child_id: c.id,
      status: 'C2',
      start_date: start,
      end_date: null,
    })
    .execute();
  await t.db
    .insertInto('placement')
    .values({
      period_of_care_id: p.id,
      child_id: c.id,
      place_type: 'U1',
      place_provider: 'PR1',
      category_of_need: 'N1',
      provider_id: null,
      fostering_household_id: null,
      home_id: null,
      postcode: null,
      urn: null,
      start_date: start,
      end_date: null,
      reason_for_change: null,
    })
    .execute();
}

beforeAll(async () => {
  t = await freshDb();
  const sm = await addUser(t, 'sm.rep', ['service_manager'], { displayName: 'Sian Manager' });
  await addUser(t, 'an.rep', ['analyst']);
  await addUser(t, 'panel.rep', ['panel_member']);
  for (let i = 1; i <= 6; i++) await addChild(i, '2025-01-10');
  await addChild(7, '2026-03-01');
  await addChild(8, '2026-04-01');
  const s = await t.db
    .insertInto('plan_strategy')
    .values({ name: 'Improvement Plan', kind: 'improvement' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const add = async (
    title: string,
    due: string | null,
    changes: [string, string | null, string][],
  ) => {
    const last = changes.at(-1)?.[2] ?? 'amber';
    const a = await t.db
      .insertInto('plan_action')
      .values({ strategy_id: s.id, title, owner_id: sm, due_date: due, rag: last as never })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [d, from, to] of changes)
      await t.db
        .insertInto('plan_rag_change')
        .values({
          action_id: a.id,
          effective_date: d,
          from_rag: from as never,
          to_rag: to as never,
          changed_by: sm,
          changed_by_name: 'Sian Manager',
        })
        .execute();
  };
  await add('Recruit a Participation Officer', '2026-05-31', [
    ['2025-11-01', null, 'amber'],
    ['2026-05-20', 'amber', 'complete'],
  ]);
  await add('Reduce the autism assessment waiting list', '2026-03-31', [
    ['2025-11-01', null, 'amber'],
    ['2026-04-10', 'amber', 'red'],
  ]);
  await add('Mobilise the PAUSE project', '2026-08-31', [['2025-12-01', null, 'amber']]);
  app = testApp(t);
}, 180_000);

afterAll(async () => {
  await (t as TestDb | undefined)?.dispose();
});

const tableRows = (html: string, id: string) => {
  const $ = cheerio.load(html);
  return $(`#${id} tbody tr`)
    .toArray()
    .map((tr) =>
      $(tr)
        .find('th, td')
        .toArray()
        .map((c) => $(c).text().trim()),
    );
};

describe('the report page', () => {
  it('shows progress, concern and next period from the plans and measures, anonymised', async () => {
    const { agent } = await signedIn(app, 'an.rep');
    const res = await agent.get(`/reports/view?${Q}`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text().trim()).toBe('Corporate Parenting Panel report');
    expect($('#period').text()).toBe('1 January 2026 to 30 June 2026');
    expect(
      $('main h2')
        .toArray()
        .map((h) => $(h).text().trim()),
    ).toEqual([
      'Action plans at a glance',
      'Areas of progress',
      'Areas of concern',
      'Actions for the next period',
      'Scorecard',
    ]);
    // Every table has a caption.
    expect($('main table').length).toBeGreaterThan(3);
    expect($('main table:not(:has(caption))').length).toBe(0);
    expect(tableRows(res.text, 'progress-actions')).toEqual([
      [
        'Recruit a Participation Officer',
        'Improvement Plan',
        'Sian Manager',
        '31 May 2026',
        'Completed on 20 May 2026',
      ],
    ]);
    expect(tableRows(res.text, 'concern-actions')).toEqual([
      [
        'Reduce the autism assessment waiting list',
        'Improvement Plan',
        'Sian Manager',
        '31 March 2026',
        'Red; Overdue: due 31 March 2026',
      ],
    ]);
    expect(tableRows(res.text, 'next-actions').map((r) => r[0])).toEqual([
      'Mobilise the PAUSE project',
    ]);
    const score = Object.fromEntries(
      tableRows(res.text, 'scorecard-table').map((r) => [r[0] ?? '', r] as const),
    );
    expect(score['Children in care']?.slice(1, 4)).toEqual(['6', '8', '+2']);
    expect(score['Children who started to be looked after']?.[2]).toBe('Withheld (fewer than 5)');
    expect(res.text).not.toMatch(/Zebedee|Quuxworth|SECRET\d/);
    const audited = await t.db
      .selectFrom('audit_event')
      .select(['action', 'child_id', 'detail'])
      .where('record_type', '=', 'report')
      .execute();
    expect(audited).toEqual([
      { action: 'export', child_id: null, detail: { kind: 'panel', from: FROM, to: TO } },
    ]);
  });

  it('refuses a bad period with GOV.UK errors', async () => {
    const { agent } = await signedIn(app, 'sm.rep');
    const errors = async (q: string) => {
      const res = await agent.get(`/reports/view?${q}`);
      expect(res.status).toBe(400);
      const $ = cheerio.load(res.text);
      return $('.govuk-error-summary li')
        .toArray()
        .map((li) => $(li).text().trim());
    };
    expect(await errors(`kind=board&from=${TO}&to=${FROM}`)).toEqual([
      'The end of the period must be after its start',
    ]);
    expect(
      await errors('kind=board&from-day=31&from-month=2&from-year=2026&to=2026-03-31'),
    ).toEqual(['Enter the start of the period as a real date']);
    expect(await errors('from=2026-01-01&to=2099-01-01')).toEqual([
      'Select which report to generate',
    ]);
    expect(await errors('kind=board&from=2026-01-01&to=2099-01-01')).toEqual([
      'The end of the period must be today or in the past',
    ]);
    expect(await errors('kind=board&from=2020-01-01&to=2026-01-01')).toEqual([
      'The start of the period must be on or after the earliest period of care in the record (2025-01-10)',
    ]);
  });

  it('is for report:generate only: a panel member may not generate reports', async () => {
    const { agent } = await signedIn(app, 'panel.rep');
    expect((await agent.get('/reports')).status).toBe(403);
    expect((await agent.get(`/reports/view?${Q}`)).status).toBe(403);
    expect((await agent.get(`/api/v1/reports?${Q}`)).status).toBe(403);
  });
});

describe('the API', () => {
  it('answers the report as JSON, and 400 with the field for a bad period', async () => {
    const { agent } = await signedIn(app, 'sm.rep');
    const res = await agent.get(`/api/v1/reports?kind=board&from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    const body = res.body as {
      title: string;
      concern: { actions: { title: string }[] };
      scorecard: { id: string; end: unknown }[];
    };
    expect(body.title).toBe('Improvement Board highlight report');
    expect(body.concern.actions.map((a) => a.title)).toEqual([
      'Reduce the autism assessment waiting list',
    ]);
    const entrants = body.scorecard.find((r) => r.id === 'entrants');
    expect(entrants?.end).toMatchObject({ value: null, suppressed: true });
    expect(JSON.stringify(res.body)).not.toMatch(/Zebedee|Quuxworth|SECRET\d/);
    const bad = await agent.get('/api/v1/reports?kind=board&from=2026-02-30&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'query.from',
    ]);
  });
});

describe('PDF', () => {
  it.skipIf(!pdfAvailable())(
    'prints the report through Chromium',
    async () => {
      const { agent } = await signedIn(app, 'sm.rep');
      const view = await agent.get(`/reports/view?${Q}`);
      expect(cheerio.load(view.text)('a[href^="/reports/pdf"]').text()).toBe(
        'Download this report as PDF',
      );
      const res = await agent
        .get(`/reports/pdf?${Q}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => {
            cb(null, Buffer.concat(chunks));
          });
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      // The document title (in the PDF's info dictionary, as UTF-16 or plain text).
      const title = 'Corporate Parenting Panel report';
      const utf16 = Buffer.from(`\uFEFF${title}`, 'utf16le').swap16().toString('hex').toUpperCase();
      const text = pdf.toString('latin1');
      expect(text.includes(title) || text.toUpperCase().includes(utf16)).toBe(true);
    },
    60_000,
  );

  it('says honestly that no PDF can be made when Chromium is not installed', async () => {
    const saved = process.env.HEARTH_CHROMIUM;
    process.env.HEARTH_CHROMIUM = '/nonexistent/chromium';
    try {
      const { agent } = await signedIn(app, 'sm.rep');
      const view = await agent.get(`/reports/view?${Q}`);
      expect(view.status).toBe(200);
      const $ = cheerio.load(view.text);
      expect($('a[href^="/reports/pdf"]').length).toBe(0);
      expect($('#no-pdf').text()).toContain('Chromium is not installed');
      const pdf = await agent.get(`/reports/pdf?${Q}`);
      expect(pdf.status).toBe(503);
      expect(pdf.text).toContain('Chromium is not installed');
    } finally {
      if (saved === undefined) delete process.env.HEARTH_CHROMIUM;
      else process.env.HEARTH_CHROMIUM = saved;
    }
  });
});
