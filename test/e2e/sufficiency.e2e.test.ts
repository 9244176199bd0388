// The sufficiency view in the browser: a service manager drills down from a figure to the
// children; a panel member sees small numbers withheld and no drill-down. axe on every page.
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/domain/dates/index.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';

describeInBrowser('sufficiency', () => {
  const suite = useBrowserSuite();
  const today = todayInLondon(new Date());
  let childId = 0;

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
    childId = child.id;
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

  it('a service manager records a disruption meeting, which flags the placement as fragile', async () => {
    const page = suite.page;
    await signInAs(page, 'sm.demo');
    await page.goto(`/children/${String(childId)}/disruption-meetings/new`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Record meeting' }).click();
    await page.waitForLoadState();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter the date of the meeting',
    );
    await expectNoAxeViolations(page);
    const [y, m, d] = addDays(today, -2).split('-');
    const when = page.getByRole('group', { name: 'Date of the meeting' });
    await when.getByRole('textbox', { name: 'Day' }).fill(String(Number(d)));
    await when.getByRole('textbox', { name: 'Month' }).fill(String(Number(m)));
    await when.getByRole('textbox', { name: 'Year' }).fill(y ?? '');
    await page.getByRole('radio', { name: 'The placement continues, with support' }).check();
    await page.getByRole('button', { name: 'Record meeting' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(`/children/${String(childId)}`);
    await page.goto('/sufficiency');
    await expect(
      page
        .getByRole('link', { name: /children: Disruption meeting in the last 12 months/ })
        .textContent(),
    ).resolves.toMatch(/^1/);
  });

  it('a drill-down of more than 50 children is paged, with a CSV of them all', async () => {
    const db = suite.server.conn.db;
    const kids = await db
      .insertInto('child')
      .values(
        Array.from({ length: 55 }, (_, i) => ({
          local_id: `SUFP${String(i).padStart(2, '0')}`,
          first_name: 'Page',
          last_name: `Tester${String(i).padStart(2, '0')}`,
          date_of_birth: addDays(today, -365 * 8),
          sex: 'M' as const,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('period_of_care')
      .values(
        kids.map((k) => ({
          child_id: k.id,
          start_date: addDays(today, -50),
          category_of_need: 'N7',
        })),
      )
      .execute();
    const page = suite.page;
    await signInAs(page, 'sm.demo');
    await page.goto('/sufficiency');
    await page.getByRole('link', { name: /children: N7: Low income/ }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await expect(page.locator('tbody tr').count()).resolves.toBe(50);
    await expect(
      page.getByRole('link', { name: 'Download all 55 as CSV' }).getAttribute('href'),
    ).resolves.toBe('/sufficiency/children.csv?figure=need%3AN7');
    await page.getByRole('link', { name: /Next/ }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'Showing 51 to 55 of the 55',
    );
    await expect(page.getByRole('link', { name: 'Page Tester54' }).count()).resolves.toBe(1);
  });
});
