// The 903 export page in a browser, on a small demo authority with one fact taken out of the record
// (a school-age child's UPN): sign in as the demo analyst, open 903 export from the menu, send the
// form without a year (GOV.UK error), build the 2025/26 export (row counts, errors by rule, the
// missing UPN listed with a link to the child's record summary) and download the zip. axe on the
// form, the form with its error, and the export.
import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/features/demo/write.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';

describeInBrowser('903 export in the browser', () => {
  const suite = useBrowserSuite();
  let child = { id: 0, localId: '' };

  beforeAll(async () => {
    const db = suite.server.conn.db;
    await seedDemo(db, { scale: 0.05, seed: 7, today: '2026-11-22' });
    // A child in care on 31 March 2026, aged 8 or more then, loses their UPN.
    const row = await db
      .selectFrom('child')
      .innerJoin('period_of_care as p', 'p.child_id', 'child.id')
      .select(['child.id', 'child.local_id'])
      .where('p.start_date', '<=', '2026-03-31')
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>', '2026-03-31')]))
      .where('child.date_of_birth', '<', '2018-01-01')
      .where('child.upn', 'is not', null)
      .orderBy('child.id')
      .executeTakeFirstOrThrow();
    await db.updateTable('child').set({ upn: null }).where('id', '=', row.id).execute();
    child = { id: row.id, localId: row.local_id };
  }, 120_000);

  it('builds the export, lists the missing fact with its record link and downloads the zip', async () => {
    const page = suite.page;
    await signInAs(page, 'analyst.demo');
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: '903 export' })
      .click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Export the 903 return',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Build the export' }).click();
    await page.waitForLoadState();
    await expect(
      page.locator('.govuk-error-summary').getByRole('link').allTextContents(),
    ).resolves.toEqual(['Select the collection year']);
    await expectNoAxeViolations(page);

    await page.getByRole('radio', { name: '2025/26' }).check();
    await page.getByRole('button', { name: 'Build the export' }).click();
    await page.waitForURL(/year=2025%2F26/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      '903 return export, 2025/26',
    );
    const tables = await page.locator('#tables tbody tr td:first-child').allTextContents();
    expect(tables).toEqual([
      'Header',
      'Episodes',
      'UASC',
      'Reviews',
      'Missing',
      'OC2',
      'OC3',
      'AD1',
      'PlacedAdoption',
      'PrevPerm',
      'SWEpisodes',
    ]);
    const row = page.locator('#to-fix ~ table tbody tr', { hasText: child.localId });
    await expect(row.first().textContent()).resolves.toContain('UPN');
    await expect(row.first().getByRole('link').getAttribute('href')).resolves.toBe(
      `/children/${String(child.id)}`,
    );
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download all tables (zip of CSV files)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('903-return-2025-26.zip');
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });
});
