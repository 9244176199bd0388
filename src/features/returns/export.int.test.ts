// The 903 export page and API on a small demo authority: the year's tables with their row counts,
// the validation by rule, every error linked to the child's record section, the zip of the 11 DfE
// CSV files (unzipped with yauzl and compared with the export), a bad year, who may use it (403),
// the audit event, and the OpenAPI description of the zip.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { seedDemo } from '../demo/write.ts';
import { tableCsv } from './export/csv.ts';
import { exportReturn } from './export/service.ts';
import type { ExportedReturn } from './export/build.ts';

type Agent = Awaited<ReturnType<typeof signedIn>>['agent'];
let t: TestDb;
let app: Express;
let analyst: Agent;
let worker: Agent;
let expected: ExportedReturn;

const FILES = [
  'header.csv',
  'episodes.csv',
  'uasc.csv',
  'reviews.csv',
  'missing.csv',
  'oc2.csv',
  'oc3.csv',
  'ad1.csv',
  'placed_for_adoption.csv',
  'previous_permanence.csv',
  'sw_episodes.csv',
];

async function unzip(buf: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  const out = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  return out;
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    cb(null, Buffer.concat(chunks));
  });
};

async function exportEvents(): Promise<number> {
  const row = await t.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'export')
    .where('record_type', '=', '903-return')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  await addUser(t, 'analyst.one', ['analyst']);
  await addUser(t, 'sw.one', ['social_worker']);
  await seedDemo(t.db, { scale: 0.05, seed: 7, today: '2026-11-22' });
  expected = await exportReturn(t.db, systemActor('test'), '2025/26');
  analyst = (await signedIn(app, 'analyst.one')).agent;
  worker = (await signedIn(app, 'sw.one')).agent;
}, 120_000);

afterAll(async () => {
  await t.dispose();
});

describe('the 903 export page', () => {
  it('asks for the collection year first', async () => {
    const res = await analyst.get('/returns/903/export');
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).toBe('Export the 903 return');
    expect(
      $('input[name=year]')
        .map((_, e) => $(e).attr('value'))
        .get(),
    ).toEqual(['2025/26', '2024/25', '2023/24']);
    expect($('#tables').length).toBe(0);
  });

  it('refuses a year it does not export with a GOV.UK error', async () => {
    const res = await analyst.get('/returns/903/export?year=2031/32');
    expect(res.status).toBe(400);
    const $ = cheerio.load(res.text);
    expect($('.govuk-error-summary a').text()).toBe('Select the collection year');
    expect($('#year-error').text()).toContain('Select the collection year');
    const none = await analyst.get('/returns/903/export?build=1');
    expect(none.status).toBe(400);
    expect(cheerio.load(none.text)('.govuk-error-summary a').text()).toBe(
      'Select the collection year',
    );
  });

  it("shows each table's rows, the errors by rule and each error's record section", async () => {
    const before = await exportEvents();
    const res = await analyst.get('/returns/903/export?year=2025%2F26');
    expect(res.status).toBe(200);
    expect(await exportEvents()).toBe(before + 1);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).toBe('903 return export, 2025/26');
    const rows = $('#tables tbody tr')
      .map((_, tr) =>
        $(tr)
          .find('td')
          .map((__, td) => $(td).text())
          .get()
          .join(' | '),
      )
      .get();
    expect(rows).toEqual(
      expected.tables.map((tb) => `${tb.table} | ${tb.file} | ${String(tb.rows.length)}`),
    );
    expect(expected.tables.find((tb) => tb.table === 'Episodes')?.rows.length).toBeGreaterThan(20);
    expect($('a.govuk-button').attr('href')).toBe('/returns/903/export/2025-26.zip');

    const api = await analyst.get('/api/v1/returns/903/exports/2025-26');
    expect(api.status).toBe(200);
    const summary = api.body as {
      errors: number;
      rules: { code: string; count: number }[];
      toFix: { code: string; child: string; section: string; href?: string }[];
    };
    const byRule = $('#by-rule tbody tr')
      .map((_, tr) => `${$(tr).find('td').first().text()}=${$(tr).find('td').last().text()}`)
      .get();
    expect(byRule).toEqual(summary.rules.map((r) => `${r.code}=${String(r.count)}`));
    expect(summary.errors).toBe(summary.rules.reduce((n, r) => n + r.count, 0));
    expect(summary.toFix).toHaveLength(summary.errors);
    const links = $('#to-fix ~ table a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toEqual(summary.toFix.slice(0, 500).map((f) => f.href));
    for (const f of summary.toFix) {
      const id = expected.childIds.get(f.child);
      expect(id).toBeDefined();
      const path = f.section === 'summary' ? '' : `/${f.section}`;
      expect(f.href).toBe(`/children/${String(id)}${path}`);
    }
  });

  it('downloads every table as a zip of the DfE CSV files, audited', async () => {
    const before = await exportEvents();
    const res = await analyst.get('/returns/903/export/2025-26.zip').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename=903-return-2025-26.zip');
    const files = await unzip(res.body as Buffer);
    expect([...files.keys()]).toEqual(FILES);
    for (const tb of expected.tables) expect(files.get(tb.file)).toBe(tableCsv(tb));
    expect(files.get('episodes.csv')?.split('\n')[0]).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    );
    expect(await exportEvents()).toBe(before + 1);

    const api = await analyst
      .get('/api/v1/returns/903/exports/2025-26/zip')
      .buffer(true)
      .parse(binary);
    expect(api.status).toBe(200);
    expect(api.headers['content-type']).toBe('application/zip');
    const apiFiles = await unzip(api.body as Buffer);
    expect(apiFiles).toEqual(files);
  });

  it('answers 404 for a zip of a year it does not export, 400 on the API', async () => {
    expect((await analyst.get('/returns/903/export/2031-32.zip')).status).toBe(404);
    const api = await analyst.get('/api/v1/returns/903/exports/2025');
    expect(api.status).toBe(400);
    expect((api.body as { errors: { field: string }[] }).errors[0]?.field).toBe('params.year');
  });

  it('is refused (403) without the 903:export permission, and exports nothing', async () => {
    const before = await exportEvents();
    expect((await worker.get('/returns/903/export?year=2025/26')).status).toBe(403);
    expect((await worker.get('/returns/903/export/2025-26.zip')).status).toBe(403);
    expect((await worker.get('/api/v1/returns/903/exports/2025-26')).status).toBe(403);
    expect((await worker.get('/api/v1/returns/903/exports/2025-26/zip')).status).toBe(403);
    expect(
      await request(app)
        .get('/api/v1/returns/903/exports/2025-26')
        .then((r) => r.status),
    ).toBe(401);
    expect(await exportEvents()).toBe(before);
  });

  it('describes the zip download in OpenAPI as binary', async () => {
    const doc = (await analyst.get('/api/v1/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content: unknown }> }>>;
    };
    expect(
      doc.paths['/api/v1/returns/903/exports/{year}/zip']?.get?.responses['200']?.content,
    ).toEqual({
      'application/zip': { schema: { type: 'string', format: 'binary' } },
    });
    expect(doc.paths['/api/v1/returns/903/exports/{year}']?.get).toBeDefined();
  });
});
