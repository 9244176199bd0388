// Mockingbird in the browser, with axe on every page: starting a constellation, adding a satellite,
// the constellation page and the sleepover and get-together forms.
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/domain/dates/index.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';
import { addApprovedHousehold, fillDate, follow, press } from './steps.ts';

describeInBrowser('mockingbird', () => {
  const suite = useBrowserSuite();
  const today = todayInLondon(new Date());

  beforeAll(async () => {
    const db = suite.server.conn.db;
    for (const name of ['Hubble household', 'Satellite household'])
      await addApprovedHousehold(db, {
        name,
        approval_date: addDays(today, -900),
        approved_places: 3,
        skills_level: 3,
        postcode: 'BD21 1AA',
      });
  });

  it('starts a constellation, adds a satellite and shows its page and forms', async () => {
    const page = suite.page;
    await signInAs(page, 'fw.demo');
    await page.goto('/mockingbird');
    await expectNoAxeViolations(page);
    await follow(page, 'Start a constellation');
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Name' }).fill('Keighley constellation');
    await page
      .getByRole('combobox', { name: 'Hub home carer’s household' })
      .selectOption({ label: 'Hubble household' });
    await page.getByRole('combobox', { name: 'Liaison worker' }).selectOption({ index: 1 });
    await fillDate(page, addDays(today, -100));
    await press(page, 'Save constellation');
    expect(new URL(page.url()).pathname).toMatch(/^\/mockingbird\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Keighley constellation',
    );
    await expectNoAxeViolations(page);

    await follow(page, 'Add a satellite household');
    await expectNoAxeViolations(page);
    await page
      .getByRole('combobox', { name: 'Fostering household' })
      .selectOption({ label: 'Satellite household' });
    await fillDate(page, addDays(today, -50));
    await press(page, 'Add household');
    await expect(page.locator('#satellites').textContent()).resolves.toContain(
      'Satellite household',
    );
    await expectNoAxeViolations(page);

    await follow(page, 'Record a sleepover');
    await press(page, 'Save sleepover');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select a child',
    );
    await expectNoAxeViolations(page);
    await follow(page, 'Back');
    await follow(page, 'Record a get-together');
    await expectNoAxeViolations(page);
  });
});
