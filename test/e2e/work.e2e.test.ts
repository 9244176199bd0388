// Work trays in the browser: a social worker's "My work", the child's agreement to 6-monthly visits
// reached from a visit item, a team manager's view by worker and a service manager's counts-only
// view of the whole authority, with axe on each page. The data: one child allocated to sw.demo in tm.demo's team, in care for 200
// days with one review and one visit long ago, so reviews, visits and health are overdue.
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/domain/dates/index.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';

describeInBrowser('work trays', () => {
  const suite = useBrowserSuite();
  const today = todayInLondon(new Date());
  const ago = (n: number) => addDays(today, -n);

  beforeAll(async () => {
    const db = suite.server.conn.db;
    const team = await db
      .insertInto('team')
      .values({ name: 'Tray Team', service: 'Children in care' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('app_user')
      .set({ team_id: team.id })
      .where('username', 'in', ['sw.demo', 'tm.demo'])
      .execute();
    const sw = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'sw.demo')
      .executeTakeFirstOrThrow();
    const child = await db
      .insertInto('child')
      .values({
        local_id: 'TRAY1',
        upn: null,
        nhs_number: null,
        first_name: 'Tia',
        last_name: 'Tray',
        preferred_name: null,
        date_of_birth: ago(3650),
        sex: 'F',
        ethnicity: 'WBRI',
        uasc_start: null,
        uasc_end: null,
        home_postcode: null,
        team_id: team.id,
        date_of_death: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('allocation')
      .values({
        child_id: child.id,
        user_id: sw.id,
        role: 'social_worker',
        start_date: ago(300),
        end_date: null,
      })
      .execute();
    const period = await db
      .insertInto('period_of_care')
      .values({
        child_id: child.id,
        start_date: ago(200),
        end_date: null,
        end_reason: null,
        category_of_need: 'N1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('legal_status')
      .values({
        period_of_care_id: period.id,
        child_id: child.id,
        status: 'C2',
        start_date: ago(200),
        end_date: null,
      })
      .execute();
    await db
      .insertInto('placement')
      .values({
        period_of_care_id: period.id,
        child_id: child.id,
        place_type: 'U4',
        place_provider: 'PR1',
        category_of_need: 'N1',
        provider_id: null,
        fostering_household_id: null,
        home_id: null,
        postcode: null,
        urn: null,
        start_date: ago(200),
        end_date: null,
        reason_for_change: null,
      })
      .execute();
    await db
      .insertInto('visit')
      .values({ child_id: child.id, visit_date: ago(195), seen: true, seen_alone: true })
      .execute();
  });

  it('a social worker opens My work from the navigation and sees overdue items first', async () => {
    const page = suite.page;
    await signInAs(page, 'sw.demo');
    await expect(page.getByRole('main').textContent()).resolves.toMatch(/\d+ items? overdue/);
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'My work' })
      .click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/work');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My work');
    const rows = page.locator('#items tbody tr');
    await expect(rows.first().textContent()).resolves.toContain('Overdue');
    await expect(rows.first().textContent()).resolves.toContain('Tia Tray');
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'Duty' }).selectOption('sw-visit');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForLoadState();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Social worker visit');
    await expectNoAxeViolations(page);
    await rows
      .first()
      .getByRole('link', { name: /^Record/ })
      .click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toMatch(/^\/children\/\d+\/visits\/new$/);
  });

  it('a social worker records the child’s agreement to 6-monthly visits from a visit item', async () => {
    const page = suite.page;
    await signInAs(page, 'sw.demo');
    await page.goto('/work?rule=sw-visit');
    await page
      .locator('#items tbody tr')
      .first()
      .getByRole('link', { name: /^Child’s agreement to 6-monthly visits/ })
      .click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toMatch(/^\/children\/\d+\/visit-agreements$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Child’s agreement to 6-monthly visits',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Record agreement' }).click();
    await page.waitForLoadState();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('Select the placement');
    await expectNoAxeViolations(page);

    const [y, m, d] = ago(10).split('-');
    await page.getByRole('combobox', { name: 'Placement' }).selectOption({ index: 1 });
    const when = page.getByRole('group', { name: 'Date the child agreed' });
    await when.getByRole('textbox', { name: 'Day' }).fill(d ?? '');
    await when.getByRole('textbox', { name: 'Month' }).fill(m ?? '');
    await when.getByRole('textbox', { name: 'Year' }).fill(y ?? '');
    await page
      .getByRole('textbox', { name: 'The child’s view, in their words' })
      .fill('Fewer visits is fine by me');
    await page.getByRole('button', { name: 'Record agreement' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'The child’s agreement has been recorded',
    );
    await expect(page.locator('.govuk-summary-card').first().textContent()).resolves.toContain(
      'Fewer visits is fine by me',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: /^Record a withdrawal/ }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Record that the child withdrew their agreement',
    );
    await expectNoAxeViolations(page);
  });

  it('a service manager sees the whole authority’s counts by worker, and items for one worker', async () => {
    const page = suite.page;
    await signInAs(page, 'sm.demo');
    await page.goto('/work/team');
    await expect(page.locator('#summary-note').textContent()).resolves.toContain('Choose a worker');
    await expect(page.locator('#items').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await page
      .locator('#by-worker')
      .getByRole('link', { name: 'Sam Example (demo social worker)', exact: true })
      .click();
    await page.waitForLoadState();
    await expect(page.locator('#items tbody tr').first().textContent()).resolves.toContain(
      'Tia Tray',
    );
    await expectNoAxeViolations(page);
  });

  it('a team manager sees overdue items by worker and drills down', async () => {
    const page = suite.page;
    await signInAs(page, 'tm.demo');
    await page.goto('/work/team');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Team work');
    const worker = page.locator('#by-worker tbody tr').first();
    await expect(worker.textContent()).resolves.toContain('Sam Example (demo social worker)');
    await expectNoAxeViolations(page);
    await worker
      .getByRole('link', { name: 'Sam Example (demo social worker)', exact: true })
      .click();
    await page.waitForLoadState();
    expect(new URL(page.url()).searchParams.get('worker')).not.toBeNull();
    await expect(page.locator('#items tbody tr').first().textContent()).resolves.toContain(
      'Tia Tray',
    );
    await expectNoAxeViolations(page);
  });
});
