// Children's homes, supported accommodation and providers in the browser: a residential manager
// records a Regulation 44 visit (errors first, then success) and the visitor's report, and a
// Regulation 45 review (errors first, then success, then a change) and finds it on the homes list's
// filter; a placement officer looks at supported accommodation and searches providers. axe on every
// page.
import { beforeAll, expect, it } from 'vitest';
import { addDays, addMonths, todayInLondon } from '../../src/domain/dates/index.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';

describeInBrowser('homes, supported accommodation and providers', () => {
  const suite = useBrowserSuite();
  const today = todayInLondon(new Date());
  let homeId = 0;
  let serviceId = 0;

  beforeAll(async () => {
    const db = suite.server.conn.db;
    const council = await db
      .insertInto('provider')
      .values({ name: 'Council children’s homes', kind: 'in_house', place_provider: 'PR1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const home = await db
      .insertInto('home')
      .values({
        provider_id: council.id,
        name: 'Newholme',
        beds: 3,
        postcode: 'BD9 4AA',
        grade: 'good',
        categories: ['emotional_behavioural'],
        specialist: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    homeId = home.id;
    const rm = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'rm.demo')
      .executeTakeFirstOrThrow();
    await db.insertInto('home_manager').values({ home_id: homeId, user_id: rm.id }).execute();
    await db
      .insertInto('reg44_visit')
      .values({ home_id: homeId, visit_date: addDays(today, -40), visitor: 'Alex Pemberton' })
      .execute();
    const sp = await db
      .insertInto('provider')
      .values({ name: 'Step Up Supported Living', kind: 'voluntary', place_provider: 'PR5' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sa = await db
      .insertInto('supported_accommodation')
      .values({ provider_id: sp.id, name: 'Step Up 16+', postcode: 'BD1 1AA', places: 6 })
      .returning('id')
      .executeTakeFirstOrThrow();
    serviceId = sa.id;
  });

  it('a residential manager records a Regulation 44 visit and then its report', async () => {
    const page = suite.page;
    await signInAs(page, 'rm.demo');
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Homes' })
      .click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Newholme' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(`/homes/${String(homeId)}/visits`);
    await expectNoAxeViolations(page);
    await expect(page.locator('.govuk-tag--red').first().textContent()).resolves.toBe('No visit');

    await page.getByRole('button', { name: 'Record a visit' }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Record visit' }).click();
    await page.waitForLoadState();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter the visitor’s name',
    );
    await expectNoAxeViolations(page);
    const [y, m, d] = today.split('-');
    const when = page.getByRole('group', { name: 'Date of the visit' });
    await when.getByRole('textbox', { name: 'Day' }).fill(String(Number(d)));
    await when.getByRole('textbox', { name: 'Month' }).fill(String(Number(m)));
    await when.getByRole('textbox', { name: 'Year' }).fill(y ?? '');
    await page.getByRole('textbox', { name: 'Independent visitor' }).fill('Jo Whitcliffe');
    await page.getByRole('button', { name: 'Record visit' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'The Regulation 44 visit has been recorded',
    );

    await page
      .getByRole('link', { name: /^Change the visit of/ })
      .last()
      .click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Recommendations' }).fill('Refresh PACE training');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('main').textContent()).resolves.toContain('Refresh PACE training');
  });

  it('a residential manager records a Regulation 45 review, changes it, and filters the homes list', async () => {
    const page = suite.page;
    await signInAs(page, 'rm.demo');
    await page.goto(`/homes/${String(homeId)}/visits`);
    await page.getByRole('button', { name: 'Record a review' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(`/homes/${String(homeId)}/reviews/new`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Record review' }).click();
    await page.waitForLoadState();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter a summary of the review',
    );
    await expectNoAxeViolations(page);

    const fill = async (legend: string, iso: string) => {
      const [y, m, d] = iso.split('-');
      const group = page.getByRole('group', { name: legend });
      await group.getByRole('textbox', { name: 'Day' }).fill(String(Number(d)));
      await group.getByRole('textbox', { name: 'Month' }).fill(String(Number(m)));
      await group.getByRole('textbox', { name: 'Year' }).fill(y ?? '');
    };
    const end = addMonths(today, -7);
    await fill('First day of the period reviewed', addDays(addMonths(end, -6), 1));
    await fill('Last day of the period reviewed', end);
    await fill('Date the review was completed', addDays(end, 5));
    await page
      .getByRole('textbox', { name: 'Summary of the review' })
      .fill('Young people feel safe');
    await page.getByRole('button', { name: 'Record review' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'The Regulation 45 review has been recorded',
    );
    await expect(page.locator('#reg45').textContent()).resolves.toContain('Review overdue');
    await expect(page.locator('#review-list tbody tr').first().textContent()).resolves.toContain(
      'Overdue',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: /^Change the review of/ }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await fill('Date the report was sent to Ofsted (optional)', addDays(end, 20));
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForLoadState();
    await expect(page.locator('#review-list tbody tr').first().textContent()).resolves.toContain(
      'Sent',
    );

    await page.goto('/homes');
    await page.getByRole('combobox', { name: 'Show' }).selectOption('review-overdue');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForLoadState();
    await expect(page.locator('table#homes tbody tr').first().textContent()).resolves.toContain(
      'Review overdue',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('combobox', { name: 'Show' }).selectOption('report-overdue');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForLoadState();
    await expect(page.locator('#none').textContent()).resolves.toBe('No homes match this filter.');
    await expectNoAxeViolations(page);
  });

  it('a placement officer sees supported accommodation overdue for a visit and searches providers', async () => {
    const page = suite.page;
    await signInAs(page, 'po.demo');
    await page.goto('/supported-accommodation');
    await expectNoAxeViolations(page);
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('Overdue');
    await page.getByRole('link', { name: 'Step Up 16+' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(`/supported-accommodation/${String(serviceId)}`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Record visit' }).click();
    await page.waitForLoadState();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select the overall view',
    );
    await expectNoAxeViolations(page);

    await page.goto('/providers');
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Search by name' }).fill('step');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForLoadState();
    await expect(page.locator('#results').textContent()).resolves.toBe('1 provider');
    await expectNoAxeViolations(page);
  });
});
