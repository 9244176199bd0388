// Mockingbird in the browser, with axe on every page: starting a constellation, adding a satellite,
// the constellation page and the sleepover and get-together forms; a satellite leaving and closing
// the constellation (each form in its error state too), and the closed constellation's page.
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

  it('records a satellite leaving and closes the constellation, with errors first', async () => {
    const page = suite.page;
    await signInAs(page, 'fw.demo');
    await page.goto('/mockingbird');
    await follow(page, 'Keighley constellation');
    await follow(page, 'Record leaving for Satellite household');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Satellite household leaves the constellation',
    );
    await expectNoAxeViolations(page);
    await fillDate(page, addDays(today, -10));
    await press(page, 'Record leaving');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select why the household is leaving',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Left the Mockingbird model (still fostering)' }).check();
    await press(page, 'Record leaving');
    await expect(page.locator('#former-satellites').textContent()).resolves.toContain(
      'Left the Mockingbird model (still fostering)',
    );
    await expect(page.locator('#below-minimum').textContent()).resolves.toContain(
      'fewer satellite households (0) than its minimum of 6',
    );
    await expectNoAxeViolations(page);
    await expect(
      page.getByRole('link', { name: 'Close this constellation' }).count(),
    ).resolves.toBe(0);

    // Closing is the fostering team manager's decision.
    await press(page, 'Sign out');
    await signInAs(page, 'fm.demo');
    await page.goto('/mockingbird');
    await follow(page, 'Keighley constellation');
    await follow(page, 'Close this constellation');
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Other', exact: true }).check();
    await fillDate(page, addDays(today, -5));
    await press(page, 'Close constellation');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter the details of the reason',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Details' }).fill('No satellites left');
    await press(page, 'Close constellation');
    await expect(page.locator('#closed-tag').textContent()).resolves.toBe('Closed');
    await expect(page.locator('#summary').textContent()).resolves.toContain(
      'Other: No satellites left',
    );
    await expectNoAxeViolations(page);
    await page.goto('/mockingbird');
    await expect(page.locator('#constellations').textContent()).resolves.toContain('Closed');
    await expectNoAxeViolations(page);
  });
});
