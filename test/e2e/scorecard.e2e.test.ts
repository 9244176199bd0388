// The scorecard in a browser: a service manager reads the scorecard, one measure with its charts
// and tables, the children behind it and the target form (with its error state); a panel member
// sees figures only; a placement officer records a weekly cost. Every page passes axe.
import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/features/demo/write.ts';
import { DEMO_PASSWORD } from '../../src/platform/auth/demoAccounts.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { submitSignIn } from './signIn.ts';

describeInBrowser('corporate parenting scorecard', () => {
  const suite = useBrowserSuite();
  beforeAll(async () => {
    // The test server is in demo mode, so the demo accounts exist; add a small demo authority.
    await seedDemo(suite.server.conn.db, { scale: 0.03, seed: 11 });
  }, 240_000);

  const signIn = async (who: string) => {
    await suite.page.goto('/sign-in');
    await submitSignIn(suite.page, who, DEMO_PASSWORD);
  };
  const h1 = () => suite.page.getByRole('heading', { level: 1 }).textContent();

  it('a service manager reads the scorecard, a measure, its children and its target', async () => {
    const page = suite.page;
    await signIn('sm.demo');
    await page.goto('/scorecard');
    await expect(h1()).resolves.toBe('Corporate parenting scorecard');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Three or more placements in the year' }).click();
    await expect(h1()).resolves.toBe('Three or more placements in the year');
    expect(await page.locator('svg[role="img"]').count()).toBe(2);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'See the children behind this figure' }).click();
    await expect(h1()).resolves.toContain('Children behind');
    await expectNoAxeViolations(page);

    await page.goto('/scorecard/measures/placements-3plus/target');
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Target' }).fill('lots');
    await page.getByRole('button', { name: 'Save target' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter the target as a number',
    );
    await expectNoAxeViolations(page);

    await page.goto('/scorecard?day=1&month=1&year=2999');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'today or in the past',
    );
    await expectNoAxeViolations(page);
  });

  it('a panel member sees figures with small numbers withheld', async () => {
    const page = suite.page;
    await signIn('panel.demo');
    await page.goto('/scorecard');
    await expect(page.locator('#as-at').textContent()).resolves.toContain('withheld');
    await expectNoAxeViolations(page);
    await page.goto('/scorecard/measures/missing-incidents');
    expect(
      await page.getByRole('link', { name: 'See the children behind this figure' }).count(),
    ).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('a placement officer records a weekly cost', async () => {
    const page = suite.page;
    await signIn('po.demo');
    await page.goto('/scorecard/costs');
    await expect(h1()).resolves.toBe('Placement costs');
    await expectNoAxeViolations(page);
    await page.locator('#costs tbody a').first().click();
    await expect(h1()).resolves.toBe('Agreed weekly cost');
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Agreed weekly cost' }).fill('12.50');
    await page.getByRole('button', { name: 'Save cost' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'whole pounds',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Agreed weekly cost' }).fill('925');
    await page.getByRole('button', { name: 'Save cost' }).click();
    expect(new URL(page.url()).pathname).toBe('/scorecard/costs');
    await expect(page.locator('#costs').textContent()).resolves.toContain('£925');
  });
});
