// Reports in the browser: an analyst chooses a period (a GOV.UK error first), reads the Corporate
// Parenting Panel report (axe), and finds the PDF link.
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';

describeInBrowser('reports', () => {
  const suite = useBrowserSuite();

  beforeAll(async () => {
    const db = suite.server.conn.db;
    for (let i = 0; i < 6; i++) {
      const c = await db
        .insertInto('child')
        .values({
          local_id: `RPT${String(i)}`,
          upn: null,
          nhs_number: null,
          first_name: 'Ruby',
          last_name: 'Report',
          preferred_name: null,
          date_of_birth: '2014-01-01',
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
      await db
        .insertInto('period_of_care')
        .values({
          child_id: c.id,
          start_date: '2025-01-01',
          end_date: null,
          end_reason: null,
          category_of_need: 'N1',
        })
        .execute();
    }
  });

  it('an analyst generates the panel report for a period', async () => {
    const page = suite.page;
    await signInAs(page, 'analyst.demo');
    await page.getByRole('link', { name: 'Reports' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Corporate Parenting Panel report').check();
    const from = page.getByRole('group', { name: 'Start of the period' });
    await from.getByLabel('Day').fill('1');
    await from.getByLabel('Month').fill('1');
    await from.getByLabel('Year').fill('2024');
    await page.getByRole('button', { name: 'Generate report' }).click();
    await expectNoAxeViolations(page);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'on or after the earliest period of care',
    );
    await from.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Generate report' }).click();
    expect(await page.locator('h1').textContent()).toBe('Corporate Parenting Panel report');
    await expectNoAxeViolations(page);
    expect(await page.getByRole('link', { name: 'Download this report as PDF' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('Ruby');
  });
});
