// Placement options in the browser: a fostering worker finds the options with nothing recorded,
// filters to households, opens a household's languages and religions, sends a language that is too
// long (GOV.UK error on the box), then saves; the list shows what matching will now use. A social
// worker sees the list with no Change links. axe on the list, the form and its error state.
import { beforeAll, expect, it } from 'vitest';
import { addApprovedHousehold } from './steps.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { navigationLinks, signInAs } from './signIn.ts';

describeInBrowser('placement options', () => {
  const suite = useBrowserSuite();
  let householdId = 0;

  beforeAll(async () => {
    householdId = await addApprovedHousehold(suite.server.conn.db, {
      name: 'Begum household',
      approval_date: '2024-04-01',
      approved_places: 2,
      skills_level: 2,
      postcode: 'BD8 7AA',
    });
  });

  it('a fostering worker records a household’s languages and religions', async () => {
    const page = suite.page;
    await signInAs(page, 'fw.demo');
    expect(await navigationLinks(page)).toContain('Placement options');
    await page.getByRole('link', { name: 'Placement options' }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);

    await page.getByLabel('Kind').selectOption('in_house_fostering');
    await page.getByLabel('Only options with nothing recorded').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    const row = page.locator('tbody tr', { hasText: 'Begum household' });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain(
      'Begum household In-house fostering household BD8 7AA Not recorded Not recorded',
    );

    await row
      .getByRole('link', { name: 'Change languages and religions of Begum household' })
      .click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(
      `/placement-options/household:${String(householdId)}`,
    );
    await expectNoAxeViolations(page);

    await page.getByRole('textbox', { name: 'Language 1' }).fill('Bengali');
    await page.getByRole('textbox', { name: 'Language 2' }).fill('S'.repeat(41));
    await page.getByRole('textbox', { name: 'Religion or culture 1' }).fill('Muslim');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Each language must be 40 characters or fewer',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Each language must be 40 characters or fewer' }).click();
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('languages-2');

    await page.getByRole('textbox', { name: 'Language 2' }).fill('Sylheti');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'The languages and religions of Begum household have been saved',
    );
    expect((await page.locator('#stored').textContent())?.replace(/\s+/g, ' ')).toContain(
      'Languages besides English Bengali, Sylheti Religions or cultures Muslim',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'All placement options' }).click();
    await page.waitForLoadState();
    const saved = page.locator('tbody tr', { hasText: 'Begum household' });
    expect((await saved.textContent())?.replace(/\s+/g, ' ')).toContain('Bengali, Sylheti Muslim');
  });

  it('a social worker sees the options but no Change link', async () => {
    const page = suite.page;
    await signInAs(page, 'sw.demo');
    await page.goto('/placement-options');
    await expectNoAxeViolations(page);
    expect(await page.locator('tbody tr', { hasText: 'Begum household' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /^Change/ }).count()).toBe(0);
  });
});
