// The 903 validator in the web app and the API, end to end through createApp: upload (CSV files,
// a zip), the report by rule and by child with links to children in scope, the CSV download, bad
// input (nothing chosen, not a CSV, broken and oversized zips), who may use it, and the audit event.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addUser, signedIn, testApp, testConfig } from '../../platform/http/testing.ts';
import { makeZip } from './testing.ts';

const HEADER_COLS = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODE_COLS =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const episode = (child: string) =>
  `${child},01/05/2025,S,C2,N1,U1,PR1,30/09/2025,E13,,BD1 1AA,BD2 2AA,XXXXXXX`;

// One boy, in care from May to September 2025, who went home: no rule fails.
const VALID = {
  header: `${HEADER_COLS}\nC1,M,01/06/2012,WBRI,A123456789012,,\n`,
  episodes: `${EPISODE_COLS}\n${episode('C1')}\n`,
};
// C2's sex is "X" (rule 101); C3 is a girl of 11 whose MOTHER is blank (393, and 607 on leaving).
const INVALID = {
  header: `${HEADER_COLS}\nC1,M,01/06/2012,WBRI,A123456789012,,\nC2,X,01/06/2013,WBRI,A123456789013,,\nC3,F,01/02/2014,WBRI,A123456789014,,\n`,
  episodes: `${EPISODE_COLS}\n${episode('C1')}\n${episode('C2')}\n${episode('C3')}\n`,
};

/** This authority's LA code (the default), and another council's. */
const OUR_LA = testConfig().authority.code;
const OTHER_LA = OUR_LA === '209' ? '380' : '209';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestDb;
let app: Express;
let manager: Agent;
let analyst: Agent;
let c3Id: number;

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  await addUser(t, 'sm.one', ['service_manager']);
  await addUser(t, 'analyst.one', ['analyst']);
  await addUser(t, 'sw.analyst', ['social_worker', 'analyst']);
  await addUser(t, 'panel.one', ['panel_member']);
  c3Id = (
    await t.db
      .insertInto('child')
      .values({
        local_id: 'C3',
        upn: null,
        nhs_number: null,
        first_name: 'Test',
        last_name: 'Child',
        preferred_name: null,
        date_of_birth: '2014-02-01',
        sex: 'F',
        ethnicity: 'WBRI',
        home_postcode: null,
        team_id: null,
        date_of_death: null,
        uasc_start: null,
        uasc_end: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  manager = await signedIn(app, 'sm.one');
  analyst = await signedIn(app, 'analyst.one');
});
afterAll(async () => {
  await t.dispose();
});

const $ = (html: string) => cheerio.load(html);
const texts = (html: string, selector: string) =>
  $(html)(selector)
    .map((_i, el) => $(html)(el).text().replace(/\s+/g, ' ').trim())
    .get();

interface Upload {
  year?: string;
  la?: string;
  files?: [string, string | Buffer][];
  prev?: [string, string | Buffer][];
  ofstedHomes?: [string, string | Buffer];
  ofstedProviders?: [string, string | Buffer];
  postcodes?: [string, string | Buffer];
}

function upload(who: Agent, u: Upload) {
  let req = who.agent.post(`/returns/903?_csrf=${encodeURIComponent(who.csrf)}`);
  if (u.year !== undefined) req = req.field('year', u.year);
  if (u.la !== undefined) req = req.field('la', u.la);
  for (const [name, content] of u.files ?? [])
    req = req.attach('files', Buffer.from(content), name);
  for (const [name, content] of u.prev ?? []) req = req.attach('prev', Buffer.from(content), name);
  for (const field of ['ofstedHomes', 'ofstedProviders', 'postcodes'] as const) {
    const f = u[field];
    if (f) req = req.attach(field, Buffer.from(f[1]), f[0]);
  }
  return req;
}

/** Uploads, follows the redirect and returns the report page. */
async function report(who: Agent, u: Upload) {
  const res = await upload(who, u);
  expect(res.status, res.text.slice(0, 500)).toBe(303);
  const location = String(res.headers.location);
  expect(location).toMatch(/^\/returns\/903\/reports\/[\w-]{22}$/);
  const page = await who.agent.get(location);
  expect(page.status).toBe(200);
  return { location, html: page.text };
}

const files = (r: { header: string; episodes: string }): [string, string][] => [
  ['header.csv', r.header],
  ['episodes.csv', r.episodes],
];

/** The "Errors by rule" table: [rule, message, count]. */
const ruleRows = (html: string) =>
  $(html)('#by-rule + table tbody tr')
    .map((_i, tr) =>
      [
        $(html)(tr).find('td').eq(0).text().trim(),
        $(html)(tr).find('td').eq(1).text().trim(),
        $(html)(tr).find('td').eq(2).text().trim(),
      ].join(' | '),
    )
    .get();

describe('who may validate', () => {
  it('shows "903 return" to a service manager and an analyst, not to a panel member', async () => {
    const nav = (html: string) => texts(html, '.govuk-service-navigation__list a');
    expect(nav((await manager.agent.get('/')).text)).toContain('903 return');
    expect(nav((await analyst.agent.get('/')).text)).toContain('903 return');
    const panel = await signedIn(app, 'panel.one');
    expect(nav((await panel.agent.get('/')).text)).not.toContain('903 return');
    expect((await panel.agent.get('/returns/903')).status).toBe(403);
    const post = await upload(panel, { year: '2025/26', files: files(VALID) });
    expect(post.status).toBe(403);
    const api = await panel.agent
      .post('/api/v1/returns/903/validations')
      .set('x-csrf-token', panel.csrf)
      .field('year', '2025/26')
      .attach('files', Buffer.from(VALID.header), 'header.csv');
    expect(api.status).toBe(403);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers "not found" for a report id that is unknown or belongs to someone else', async () => {
    const { location } = await report(manager, { year: '2025/26', files: files(VALID) });
    const other = await analyst.agent.get(location);
    expect(other.status).toBe(404);
    expect($(other.text)('h1').text()).toBe('Report not found');
    expect((await analyst.agent.get(`${location}/report.csv`)).status).toBe(404);
    const again = await signedIn(app, 'sm.one'); // same user, another session
    expect((await again.agent.get(location)).status).toBe(404);
    expect((await manager.agent.get('/returns/903/reports/nope')).status).toBe(404);
  });
});

describe('the upload form', () => {
  it('offers the collection years and the authority’s LA code as the default', async () => {
    const html = (await manager.agent.get('/returns/903')).text;
    expect(texts(html, 'input[name="year"] + label')).toEqual(['2025/26', '2024/25', '2023/24']);
    expect($(html)('#la-hint').text()).toContain(`(${OUR_LA}).`);
    expect($(html)('main form').attr('enctype')).toBe('multipart/form-data');
  });

  it.each([
    {
      name: 'nothing chosen',
      u: { year: '', la: '' },
      errors: ['Select at least one file', 'Select the collection year'],
    },
    {
      name: 'a PDF',
      u: { year: '2025/26', files: [['minutes.pdf', '%PDF-1.4']] as [string, string][] },
      errors: ["The file 'minutes.pdf' is not a CSV file or a zip of CSV files"],
    },
    {
      name: 'a zip that is not one',
      u: { year: '2025/26', files: [['return.zip', 'not a zip']] as [string, string][] },
      errors: ["The file 'return.zip' is not a valid zip file"],
    },
    {
      name: 'a bad LA code and last year as a Word file',
      u: {
        year: '2024/25',
        la: 'Bradford',
        files: files(VALID),
        prev: [['last.docx', 'x']] as [string, string][],
      },
      errors: [
        "The file 'last.docx' is not a CSV file or a zip of CSV files",
        'Enter the local authority code as 3 digits, like 380, or its ONS code, like E08000032',
      ],
    },
  ])('refuses $name with GOV.UK errors', async ({ u, errors }) => {
    const res = await upload(manager, u);
    expect(res.status).toBe(400);
    expect(texts(res.text, '.govuk-error-summary__list a')).toEqual(errors);
    expect($(res.text)('title').text()).toMatch(/^Error: Validate a 903 return/);
    if (u.year)
      expect($(res.text)(`input[name="year"][value="${u.year}"]`).attr('checked')).toBe('checked');
  });

  it('refuses a zip that would unpack to more than 1 GB, and one with too many files', async () => {
    const bomb = makeZip([{ name: 'episodes.csv', content: 'CHILD\n', declaredSize: 0xfffffff0 }]);
    const res = await upload(manager, { year: '2025/26', files: [['bomb.zip', bomb]] });
    expect(res.status).toBe(413);
    expect(texts(res.text, '.govuk-error-summary__list a')).toEqual([
      "The zip file 'bomb.zip' unpacks to more than 1024 MB",
    ]);
    const many = makeZip(
      Array.from({ length: 101 }, (_v, i) => ({ name: `f${String(i)}.csv`, content: 'x' })),
    );
    const res2 = await upload(manager, { year: '2025/26', files: [['many.zip', many]] });
    expect(texts(res2.text, '.govuk-error-summary__list a')).toEqual([
      "The zip file 'many.zip' holds more than 100 files: a 903 return has at most 12",
    ]);
  });
});

describe('the report', () => {
  it('says a valid return has no errors, and which files were read as which table', async () => {
    const { html } = await report(manager, { year: '2025/26', files: files(VALID) });
    expect($(html)('h1').text()).toBe('903 return validation, 2025/26');
    expect($(html)('.govuk-inset-text').text().trim()).toBe(
      'No errors: every rule that ran passed.',
    );
    expect($(html)('[data-testid="totals"]').text()).toMatch(
      /^\d+ rules run: 0 errors from 0 rules, affecting 0 children; 0 file problems;/,
    );
    expect(texts(html, 'table').length).toBeGreaterThan(0);
    const fileRows = $(html)('caption:contains("Files read") ~ tbody tr')
      .map((_i, tr) =>
        $(html)(tr)
          .find('td')
          .map((_j, td) => $(html)(td).text().trim())
          .get()
          .join(' | '),
      )
      .get();
    expect(fileRows).toEqual([
      'header.csv | This year | Header | 1',
      'episodes.csv | This year | Episodes | 1',
    ]);
    expect($(html)('#by-rule').length).toBe(0);
    expect(texts(html, '#skipped + table tbody tr td:first-child')).toContain(
      "Need last year's files: upload them with this year's",
    );
  });

  it('lists errors by rule and by child, links children in scope and downloads as CSV', async () => {
    const { location, html } = await report(manager, { year: '2025/26', files: files(INVALID) });
    expect(ruleRows(html)).toEqual([
      '101 | The child or young person’s reported sex is not valid. | 1',
      '393 | Child is looked after but mother field is not completed. | 1',
      '607 | Child ceased to be looked after in the year, but mother field has not been completed. | 2',
    ]);
    expect($(html)('[data-testid="totals"]').text()).toMatch(
      /: 4 errors from 3 rules, affecting 2 children; 0 file problems;/,
    );
    // rule 607's findings, inside its details component
    const details = $(html)('#rule-607').nextAll('.govuk-details').first();
    expect(details.find('.govuk-details__summary-text').text().trim()).toBe('Where rule 607 fails');
    expect(
      details
        .find('tbody tr')
        .map((_i, tr) =>
          $(html)(tr)
            .find('td')
            .map((_j, td) => $(html)(td).text().trim())
            .get()
            .join(' | '),
        )
        .get(),
    ).toEqual([
      'Header | 4 | C3 | DEC, REC, MOTHER, LS, SEX',
      'Episodes | 4 | C3 | DEC, REC, MOTHER, LS, SEX',
    ]);
    // by child: C3 is in the record (local_id) and a service manager sees every child
    const byChild = $(html)('#by-child + table tbody tr');
    expect(
      byChild
        .map((_i, tr) =>
          $(html)(tr)
            .find('td')
            .map((_j, td) => $(html)(td).text().trim())
            .get()
            .join(' | '),
        )
        .get(),
    ).toEqual(['C2 | 101 | 1', 'C3 | 393, 607 | 3']);
    expect(byChild.eq(1).find('a').attr('href')).toBe(`/children/${String(c3Id)}`);
    expect(byChild.eq(0).find('a').length).toBe(0);

    const csv = await manager.agent.get(`${location}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename=903-validation-2025-26.csv',
    );
    expect(csv.text).toBe(
      [
        'code,message,table,line,child,fields',
        '101,The child or young person’s reported sex is not valid.,Header,3,C2,SEX',
        '393,Child is looked after but mother field is not completed.,Header,4,C3,MOTHER',
        '607,"Child ceased to be looked after in the year, but mother field has not been completed.",Header,4,C3,DEC REC MOTHER LS SEX',
        '607,"Child ceased to be looked after in the year, but mother field has not been completed.",Episodes,4,C3,DEC REC MOTHER LS SEX',
        '',
      ].join('\n'),
    );
  });

  it('never links a child outside the user’s scope, nor for another LA’s return', async () => {
    const linksIn = (html: string) => $(html)('main a[href^="/children/"]').length;
    expect(linksIn((await report(analyst, { year: '2025/26', files: files(INVALID) })).html)).toBe(
      0,
    );
    const sw = await signedIn(app, 'sw.analyst'); // may read children, but C3 is not allocated to them
    expect(linksIn((await report(sw, { year: '2025/26', files: files(INVALID) })).html)).toBe(0);
    const other = await report(manager, { year: '2025/26', la: OTHER_LA, files: files(INVALID) });
    expect(linksIn(other.html)).toBe(0);
    expect(other.html).toContain(`Files read for local authority ${OTHER_LA}`);
  });

  it('reads a zip of CSV files, reporting anything in it that is not a CSV', async () => {
    const zip = makeZip([
      { name: 'return/header.csv', content: INVALID.header },
      { name: 'return/episodes.csv', content: INVALID.episodes },
      { name: 'return/readme.txt', content: 'notes' },
      { name: '__MACOSX/return/._header.csv', content: 'junk' },
    ]);
    const { html } = await report(manager, { year: '2025/26', files: [['return.zip', zip]] });
    expect(ruleRows(html).map((r) => r.split(' | ')[0])).toEqual(['101', '393', '607']);
    expect(
      $(html)('#file-problems + table tbody tr')
        .map((_i, tr) =>
          $(html)(tr)
            .find('td')
            .map((_j, td) => $(html)(td).text().trim())
            .get()
            .join(' | '),
        )
        .get(),
    ).toEqual(['return.zip/return/readme.txt |  | Is not a CSV file; ignored']);
  });

  it('reports file problems with file and line', async () => {
    const { html } = await report(manager, {
      year: '2025/26',
      files: [
        [
          'header.csv',
          `${HEADER_COLS}\nC1,M,01/06/2012,WBRI,A123456789012,,\nC1,M,01/06/2012,WBRI,A123456789012,,\n`,
        ],
        ['notes.csv', 'hello,world\n'],
      ],
    });
    const rows = $(html)('#file-problems + table tbody tr')
      .map((_i, tr) =>
        $(html)(tr)
          .find('td')
          .map((_j, td) => $(html)(td).text().trim())
          .get()
          .join(' | '),
      )
      .get();
    expect(rows[0]).toBe('header.csv | 3 | Duplicates line 2');
    expect(rows[1]).toMatch(/^notes\.csv \| 1 \| Is not recognised as a 903 table/);
  });

  it('records one audit event with file names, sizes, year and counts, and no child data', async () => {
    await report(manager, { year: '2024/25', files: files(INVALID) });
    const event = await t.db
      .selectFrom('audit_event')
      .select(['action', 'record_type', 'detail', 'child_id'])
      .where('record_type', '=', 'ssda903-validation')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect([event.action, event.child_id]).toEqual(['import', null]);
    const detail = (
      typeof event.detail === 'string' ? JSON.parse(event.detail) : event.detail
    ) as Record<string, unknown>;
    expect(detail).toMatchObject({
      year: '2024/25',
      la: OUR_LA,
      files: [
        { name: 'header.csv', size: Buffer.byteLength(INVALID.header) },
        { name: 'episodes.csv', size: Buffer.byteLength(INVALID.episodes) },
      ],
      prevFiles: [],
      tables: [
        { table: 'Header', rows: 3 },
        { table: 'Episodes', rows: 3 },
      ],
      fileProblems: 0,
    });
    expect(JSON.stringify(detail)).not.toMatch(/C2|C3|A1234/);
  });
});

// Reference data, as the CLI's --ofsted-homes, --ofsted-providers and --postcodes take it.
const OFSTED_HOMES =
  "URN,Provider type,Sector,Postcode\nSC100001,Children's home,Private,BD3 3AA\n";
const OFSTED_PROVIDERS =
  'URN,Provider type,Sector\nSC200002,Independent fostering agency,Private\n';
const POSTCODES =
  'pcds,laua,oseast1m,osnrth1m\nBD1 1AA,E08000032,416000,433000\nBD2 2AA,E08000032,418000,435000\n';
/** The same directory without BD2 2AA: C1's placement postcode cannot be found. */
const POSTCODES_WITHOUT_BD2 = 'pcds,laua,oseast1m,osnrth1m\nBD1 1AA,E08000032,416000,433000\n';
const ONS_LA = 'E08000032';
/** VALID, with C1 placed under a URN on neither Ofsted list (rule 1008). */
const UNKNOWN_URN = {
  header: VALID.header,
  episodes: VALID.episodes.replace('XXXXXXX', 'SC999999'),
};
const OFSTED_SKIP =
  "Need Ofsted's lists of children's homes and providers: upload them as reference data";
const POSTCODE_SKIP = 'Need the ONS postcode directory: upload it as reference data';

describe('reference data on the upload page', () => {
  it('offers the Ofsted lists and the postcode directory as optional files', async () => {
    const html = (await manager.agent.get('/returns/903')).text;
    for (const id of ['ofstedHomes', 'ofstedProviders', 'postcodes'])
      expect($(html)(`input[type="file"]#${id}`).attr('name')).toBe(id);
    expect($(html)('label[for="postcodes"]').text().trim()).toBe(
      'ONS postcode directory (optional)',
    );
  });

  it('without them, lists the rules needing them as skipped', async () => {
    const { html } = await report(manager, { year: '2025/26', files: files(VALID) });
    const skipped = texts(html, '#skipped + table tbody tr td:first-child');
    expect(skipped).toContain(OFSTED_SKIP);
    expect(skipped).toContain(POSTCODE_SKIP);
  });

  it('with them (postcodes gzipped), runs those rules: a valid return still has no errors', async () => {
    const { html } = await report(manager, {
      year: '2025/26',
      la: ONS_LA,
      files: files(VALID),
      ofstedHomes: ['homes.csv', OFSTED_HOMES],
      ofstedProviders: ['providers.csv', OFSTED_PROVIDERS],
      postcodes: ['onspd.csv.gz', gzipSync(POSTCODES)],
    });
    expect($(html)('.govuk-inset-text').text().trim()).toBe(
      'No errors: every rule that ran passed.',
    );
    const skipped = texts(html, '#skipped + table tbody tr td:first-child');
    expect(skipped).not.toContain(OFSTED_SKIP);
    expect(skipped).not.toContain(POSTCODE_SKIP);
    expect(skipped.join(' ')).not.toMatch(/ONS code/);
  });

  it('reports a URN on neither list (1008) and a placement postcode not in the directory (164)', async () => {
    const { html } = await report(manager, {
      year: '2025/26',
      la: ONS_LA,
      files: files(UNKNOWN_URN),
      ofstedProviders: ['providers.csv', OFSTED_PROVIDERS],
      postcodes: ['onspd.csv', POSTCODES_WITHOUT_BD2],
    });
    const codes = ruleRows(html).map((r) => r.split(' | ')[0]);
    expect(codes).toContain('1008');
    expect(codes).toContain('164');
    expect(codes).toContain('169');
  });

  it.each([
    {
      name: 'an Ofsted list that is not CSV',
      u: { ofstedHomes: ['homes.xlsx', 'PK'] as [string, string] },
      errors: ["The file 'homes.xlsx' is not a CSV file"],
    },
    {
      name: 'a postcode directory that claims to be gzipped and is not, and an empty providers list',
      u: {
        postcodes: ['onspd.csv.gz', 'pcds,laua'] as [string, string],
        ofstedProviders: ['providers.csv', ''] as [string, string],
      },
      errors: [
        "The file 'providers.csv' is empty",
        "The file 'onspd.csv.gz' is not a valid gzip file",
      ],
    },
  ])('refuses $name with GOV.UK errors linked to the field', async ({ u, errors }) => {
    const res = await upload(manager, { year: '2025/26', files: files(VALID), ...u });
    expect(res.status).toBe(400);
    expect(texts(res.text, '.govuk-error-summary__list a')).toEqual(errors);
    const field = Object.keys(u)[0] ?? '';
    expect($(res.text)(`#${field}-error`).text()).toContain('Error:');
  });

  it('reports a postcode file without the needed columns, and skips the rules needing it', async () => {
    const { html } = await report(manager, {
      year: '2025/26',
      la: ONS_LA,
      files: files(VALID),
      postcodes: ['onspd.csv', 'postcode,name\nBD1 1AA,Bradford\n'],
    });
    expect(texts(html, '#file-problems + table tbody tr td').slice(0, 2)).toEqual([
      'onspd.csv',
      '1',
    ]);
    expect($(html)('#file-problems + table tbody tr td').eq(2).text()).toMatch(
      /^Is not a postcode directory: it needs columns pcds/,
    );
    expect(texts(html, '#skipped + table tbody tr td:first-child')).toContain(POSTCODE_SKIP);
    expect(ruleRows(html)).toEqual([]);
  });
});

describe('POST /api/v1/returns/903/validations', () => {
  const api = (who: Agent) =>
    who.agent.post('/api/v1/returns/903/validations').set('x-csrf-token', who.csrf);

  it('answers with the CLI’s JSON', async () => {
    const res = await api(analyst)
      .field('year', '2025/26')
      .attach('files', Buffer.from(INVALID.header), 'header.csv')
      .attach('files', Buffer.from(INVALID.episodes), 'episodes.csv');
    expect(res.status).toBe(200);
    const body = res.body as {
      year: string;
      rules: unknown;
      skipped: { code: string; reason: string }[];
      problems?: unknown;
    };
    expect(body.year).toBe('2025/26');
    expect(body.rules).toEqual({
      '101': [{ table: 'Header', line: 3, child: 'C2' }],
      '393': [{ table: 'Header', line: 4, child: 'C3' }],
      '607': [
        { table: 'Header', line: 4, child: 'C3' },
        { table: 'Episodes', line: 4, child: 'C3' },
      ],
    });
    expect(body.skipped).toContainEqual({
      code: expect.any(String) as string,
      reason: "needs the previous year's return (--prev)",
    });
    expect(body.problems).toBeUndefined();
  });

  it('runs the Ofsted and postcode rules when given those files, as the CLI does', async () => {
    const res = await api(analyst)
      .field('year', '2025/26')
      .field('la', ONS_LA)
      .attach('files', Buffer.from(UNKNOWN_URN.header), 'header.csv')
      .attach('files', Buffer.from(UNKNOWN_URN.episodes), 'episodes.csv')
      .attach('ofstedHomes', Buffer.from(OFSTED_HOMES), 'homes.csv')
      .attach('postcodes', gzipSync(POSTCODES), 'onspd.csv.gz');
    expect(res.status).toBe(200);
    const body = res.body as { rules: Record<string, unknown>; skipped: { reason: string }[] };
    expect(body.rules['1008']).toEqual([{ table: 'Episodes', line: 2, child: 'C1' }]);
    expect(body.rules['164']).toBeUndefined();
    expect(body.skipped.map((x) => x.reason).join(' ')).not.toMatch(/--ofsted|--postcodes|--la/);
    const two = await api(analyst)
      .field('year', '2025/26')
      .attach('files', Buffer.from(VALID.header), 'header.csv')
      .attach('postcodes', Buffer.from(POSTCODES), 'a.csv')
      .attach('postcodes', Buffer.from(POSTCODES), 'b.csv');
    expect(two.status).toBe(400);
    expect((two.body as { errors: unknown }).errors).toEqual([
      { field: 'postcodes', message: 'Select only one file' },
    ]);
  });

  it('answers problem+json for bad input', async () => {
    const badYear = await api(analyst)
      .field('year', '2030/31')
      .attach('files', Buffer.from(VALID.header), 'header.csv');
    expect(badYear.status).toBe(400);
    expect(badYear.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((badYear.body as { errors: unknown }).errors).toEqual([
      { field: 'year', message: 'Select the collection year' },
    ]);
    const empty = await api(analyst).field('year', '2025/26');
    expect(empty.status).toBe(400);
    expect((empty.body as { errors: unknown }).errors).toEqual([
      { field: 'files', message: 'Select at least one file' },
    ]);
    const pdf = await api(analyst)
      .field('year', '2025/26')
      .attach('files', Buffer.from('%PDF'), 'x.pdf');
    expect((pdf.body as { detail: string }).detail).toBe(
      "The file 'x.pdf' is not a CSV file or a zip of CSV files",
    );
    const json = await api(analyst).send({ year: '2025/26' });
    expect(json.status).toBe(415);
    expect((json.body as { detail: string }).detail).toBe('Send the files as multipart/form-data');
    const extra = await api(analyst)
      .field('year', '2025/26')
      .field('colour', 'blue')
      .attach('files', Buffer.from(VALID.header), 'header.csv');
    expect(extra.status).toBe(400);
    expect((extra.body as { errors: unknown }).errors).toEqual([
      { field: 'colour', message: 'Unknown field' },
    ]);
  });

  it('is described as multipart/form-data in the OpenAPI document', async () => {
    const doc = (await request(app).get('/api/v1/openapi.json')).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody: {
              content: Record<
                string,
                { schema: { properties: Record<string, unknown>; required: string[] } }
              >;
            };
          }
        >
      >;
    };
    const schema =
      doc.paths['/api/v1/returns/903/validations']?.post?.requestBody.content['multipart/form-data']
        ?.schema;
    expect(Object.keys(schema?.properties ?? {}).sort()).toEqual([
      'files',
      'la',
      'ofstedHomes',
      'ofstedProviders',
      'postcodes',
      'prev',
      'year',
    ]);
    expect(schema?.required.sort()).toEqual(['files', 'year']);
    expect(schema?.properties.files).toMatchObject({
      type: 'array',
      items: { type: 'string', format: 'binary' },
    });
  });
});
