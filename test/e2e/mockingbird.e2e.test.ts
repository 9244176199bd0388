// Mockingbird in the browser, with axe on every page: starting a constellation, adding a satellite,
// the constellation page and the sleepover and get-together forms.
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/domain/dates/index.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';

describeInBrowser('mockingbird', () => {
  const suite = useBrowserSuite();
  const today = todayInLondon(new Date());

  beforeAll(async () => {
    const db = suite.server.conn.db;
    const fw = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'fw.demo')
      .executeTakeFirstOrThrow();
    for (const name of ['Hubble household', 'Satellite household'])
      await db
        .insertInto('fostering_household')
        .values({
          name,
          approval_type: 'mainstream',
          status: 'approved',
          approval_date: addDays(today, -900),
          approved_places: 3,
          skills_level: 3,
          postcode: 'BD21 1AA',
          supervising_worker_id: fw.id,
        })
        .execute();
  });

  it('starts a constellation, adds a satellite and shows its page and forms', async () => {
    const page = suite.page;
    await signInAs(page, 'fw.demo');
    await page.goto('/mockingbird');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Start a constellation' }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Name' }).fill('Keighley constellation');
    await page
      .getByRole('combobox', { name: 'Hub home carer’s household' })
      .selectOption({ label: 'Hubble household' });
    await page.getByRole('combobox', { name: 'Liaison worker' }).selectOption({ index: 1 });
    const [y, m, d] = addDays(today, -100).split('-');
    await page.getByRole('textbox', { name: 'Day' }).fill(d ?? '');
    await page.getByRole('textbox', { name: 'Month' }).fill(m ?? '');
    await page.getByRole('textbox', { name: 'Year' }).fill(y ?? '');
    await page.getByRole('button', { name: 'Save constellation' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toMatch(/^\/mockingbird\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Keighley constellation',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Add a satellite household' }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await page
      .getByRole('combobox', { name: 'Fostering household' })
      .selectOption({ label: 'Satellite household' });
    const [y2, m2, d2] = addDays(today, -50).split('-');
    await page.getByRole('textbox', { name: 'Day' }).fill(d2 ?? '');
    await page.getByRole('textbox', { name: 'Month' }).fill(m2 ?? '');
    await page.getByRole('textbox', { name: 'Year' }).fill(y2 ?? '');
    await page.getByRole('button', { name: 'Add household' }).click();
    await page.waitForLoadState();
    await expect(page.locator('#satellites').textContent()).resolves.toContain(
      'Satellite household',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Record a sleepover' }).click();
    await page.waitForLoadState();
    await page.getByRole('button', { name: 'Save sleepover' }).click();
    await page.waitForLoadState();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select a child',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Back' }).click();
    await page.waitForLoadState();
    await page.getByRole('link', { name: 'Record a get-together' }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
  });
});
