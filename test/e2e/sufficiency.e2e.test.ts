// The sufficiency view in the browser: a service manager drills down from a figure to the
// children; a panel member sees small numbers withheld and no drill-down. axe on every page.
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/domain/dates/index.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';

describeInBrowser('sufficiency', () => {
  const suite = useBrowserSuite();
  const today = todayInLondon(new Date());

  beforeAll(async () => {
    const db = suite.server.conn.db;
    const child = await db
      .insertInto('child')
      .values({
        local_id: 'SUF1',
        first_name: 'Sasha',
        last_name: 'Stone',
        date_of_birth: addDays(today, -365 * 15),
        sex: 'F',
        home_postcode: 'BD3 9AA',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const poc = await db
      .insertInto('period_of_care')
      .values({ child_id: child.id, start_date: addDays(today, -100), category_of_need: 'N4' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('placement')
      .values({
        child_id: child.id,
        period_of_care_id: poc.id,
        place_type: 'K2',
        place_provider: 'PR4',
        category_of_need: 'N4',
        postcode: 'LS6 1AA',
        start_date: addDays(today, -100),
        weekly_cost: 6100,
      })
      .execute();
  });

  it('a service manager reads the figures and drills down to the child', async () => {
    const page = suite.page;
    await signInAs(page, 'sm.demo');
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Sufficiency' })
      .click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await expect(page.locator('.govuk-body-l').textContent()).resolves.toContain(
      '1 children in care',
    );
    await page.getByRole('link', { name: /children: N4: Family in acute stress/ }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await expect(page.getByRole('link', { name: 'Sasha Stone' }).count()).resolves.toBe(1);
  });

  it('a panel member sees small numbers withheld and no links to children', async () => {
    const page = suite.page;
    await signInAs(page, 'panel.demo');
    await page.goto('/sufficiency');
    await expectNoAxeViolations(page);
    await expect(page.getByRole('main').textContent()).resolves.toContain('withheld');
    await expect(page.locator('a[href^="/sufficiency/children"]').count()).resolves.toBe(0);
  });
});
