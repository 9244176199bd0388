// A social worker finds a child in the children list, filters it, and opens the child's record:
// the summary answers who, where, what legal status and when the next review; each page passes axe.
import { beforeAll, expect, it } from 'vitest';
import { seedCareFixture } from '../../src/features/children/testData.ts';
import { TEST_PASSWORD } from '../../src/platform/http/testing.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { submitSignIn } from './signIn.ts';

describeInBrowser('children list and record', () => {
  const suite = useBrowserSuite();
  beforeAll(async () => {
    await seedCareFixture(suite.server.conn);
  });

  it('lists, searches and opens a child’s record', async () => {
    const page = suite.page;
    await page.goto('/sign-in');
    await submitSignIn(page, 'sw.north', TEST_PASSWORD);
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Children' })
      .click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Children');
    await expect(page.locator('#results').textContent()).resolves.toContain('2 children');
    await expectNoAxeViolations(page);

    await page.getByRole('textbox', { name: 'Search' }).fill('27/3/2012');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('#results').textContent()).resolves.toContain('1 child found');
    await page.getByRole('link', { name: 'Ava Brook' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ava Brook');
    const summary = (await page.locator('.govuk-summary-list').textContent()) ?? '';
    expect(summary.replace(/\s+/g, ' ')).toContain('Sam Northcote (North Children in Care)');
    expect(summary).toContain('Full care order (C2), since 1 May 2023');
    expect(summary).toContain('Postcode district BD9');
    await expectNoAxeViolations(page);

    await page
      .getByRole('navigation', { name: 'Child’s record' })
      .getByRole('link', { name: 'Chronology' })
      .click();
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe(
      'Chronology',
    );
    await expectNoAxeViolations(page);
    await page
      .getByRole('navigation', { name: 'Child’s record' })
      .getByRole('link', { name: '903 episodes' })
      .click();
    await expect(page.locator('table').textContent()).resolves.toContain(
      'L: Change of legal status only',
    );
    await expectNoAxeViolations(page);
  });
});
