// The fostering service in the browser, with axe on every page: recording an enquiry and the next
// stage, approval refused with the GOV.UK error summary, the review and supervising worker forms,
// the allowance schedule and its edit form (the fostering team manager's), the recruitment funnel
// and the retention view, a household that withdrew and the link to its matching profile.
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/domain/dates/index.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';
import { addApprovedHousehold, fillDate, follow, press, userId } from './steps.ts';

describeInBrowser('fostering service', () => {
  const suite = useBrowserSuite();
  const today = todayInLondon(new Date());
  let approved = 0;
  let allowance = 0;

  beforeAll(async () => {
    const db = suite.server.conn.db;
    approved = await addApprovedHousehold(db, {
      name: 'Browser household',
      approval_date: addDays(today, -500),
      approved_places: 2,
      skills_level: 2,
      postcode: 'BD1 1HY',
    });
    await db
      .insertInto('fostering_stage')
      .values({
        household_id: approved,
        stage: 'resigned',
        stage_date: addDays(today, -3),
        reason_code: 'retirement',
        recorded_by: await userId(db, 'fw.demo'),
      })
      .execute();
    allowance = (
      await db
        .insertInto('fostering_allowance')
        .values({
          age_from: 0,
          age_to: 4,
          skills_level: 2,
          weekly_allowance: 178,
          weekly_fee: 135,
          valid_from: addDays(today, -30),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('records an enquiry and an initial visit; approval is refused with a clear message', async () => {
    const page = suite.page;
    await signInAs(page, 'fm.demo');
    await page.goto('/fostering');
    await expectNoAxeViolations(page);
    await follow(page, 'Record a fostering enquiry');
    await press(page, 'Save enquiry');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter the household’s name',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Household name' }).fill('Axe household');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('BD9 4DS');
    await page.getByRole('radio', { name: 'Mainstream foster carers' }).check();
    await fillDate(page, addDays(today, -20));
    await press(page, 'Save enquiry');
    expect(new URL(page.url()).pathname).toMatch(/^\/fostering\/households\/\d+$/);
    await expect(page.locator('#stages').textContent()).resolves.toContain('Enquiry');
    await expectNoAxeViolations(page);

    await follow(page, 'Record a stage');
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Approved' }).check();
    await fillDate(page, addDays(today, -1));
    await press(page, 'Save stage');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Approval needs initial visit',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Initial visit' }).check();
    await press(page, 'Save stage');
    await expect(page.locator('#stages').textContent()).resolves.toContain('Initial visit');
  }, 180_000);

  it('shows the review and supervising social worker forms', async () => {
    const page = suite.page;
    await signInAs(page, 'fw.demo');
    await page.goto(`/carers/${String(approved)}`);
    await page
      .getByRole('link', { name: 'Journey, reviews and supervising social worker' })
      .click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
    await page.goto(`/fostering/households/${String(approved)}/supervising-worker`);
    await expectNoAxeViolations(page);
    await page.goto(`/fostering/households/${String(approved)}/reviews/new`);
    await press(page, 'Save review');
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
  });

  it('shows the allowance schedule, its edit form, the funnel and retention', async () => {
    const page = suite.page;
    await signInAs(page, 'fw.demo');
    await page.goto('/fostering/allowances');
    await expect(page.locator('#allowances').textContent()).resolves.toContain('£313');
    await expect(page.locator('#allowances a').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await press(page, 'Sign out');
    await signInAs(page, 'fm.demo');
    await page.goto('/fostering/allowances');
    await expect(page.locator('#allowances a').count()).resolves.toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.goto(`/fostering/allowances/${String(allowance)}`);
    await page.getByRole('textbox', { name: 'Weekly fee (£)' }).fill('-5');
    await press(page, 'Save');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'cannot be negative',
    );
    await expectNoAxeViolations(page);
    await page.goto('/fostering/recruitment');
    await expect(
      page.locator('#funnel tr[data-stage="enquiry"] td').first().textContent(),
    ).resolves.toMatch(/\d/);
    await expect(
      page.locator('#outcomes tr[data-outcome="withdrawn"] th').textContent(),
    ).resolves.toBe('Withdrew before approval');
    await expectNoAxeViolations(page);
    await page.goto('/fostering/retention?by=year');
    await expect(page.locator('#reasons').textContent()).resolves.toContain('Retirement');
    await expectNoAxeViolations(page);
  });

  it('shows a household that withdrew, with no stage to record, and links to its matching profile', async () => {
    const page = suite.page;
    await signInAs(page, 'fw.demo');
    await page.goto('/fostering/enquiries/new');
    await page.getByRole('textbox', { name: 'Household name' }).fill('Withdrawing household');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('BD9 4DS');
    await page.getByRole('radio', { name: 'Mainstream foster carers' }).check();
    await fillDate(page, addDays(today, -30));
    await press(page, 'Save enquiry');
    const householdPath = new URL(page.url()).pathname;
    const id = householdPath.split('/').at(-1) ?? '';
    await expect(
      page
        .getByRole('link', { name: 'Languages and religions (for matching)' })
        .getAttribute('href'),
    ).resolves.toBe(`/placement-options/household:${id}`);
    await follow(page, 'Record a stage');
    await page.getByRole('radio', { name: 'Withdrew before approval' }).check();
    await fillDate(page, addDays(today, -2));
    await page.getByRole('combobox', { name: /Reason for leaving/ }).selectOption('changed_mind');
    await press(page, 'Save stage');
    expect(new URL(page.url()).pathname).toBe(householdPath);
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain(
      'Withdrew before approval',
    );
    await expect(page.getByRole('link', { name: 'Record a stage' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await page.goto('/carers?status=withdrawn');
    await expect(page.locator('tbody').textContent()).resolves.toContain('Withdrawing household');
    await expectNoAxeViolations(page);
  });
});
