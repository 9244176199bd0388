// Recording a visit in the browser: a first try with no date shows the GOV.UK error summary (checked
// with axe while the errors show), following its link reaches the day box, the corrected form saves
// and lands on the child's record with the success message. Then the correction forms for previous
// permanence, substance misuse and convictions, reached from the record's "Change" links.
import { expect, it } from 'vitest';
import { daysAgo } from '../../src/features/recording/fixtures.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';
import { childInCareOfSw, fillDate, press } from './steps.ts';

describeInBrowser('recording and correcting facts', () => {
  const suite = useBrowserSuite();

  it('shows the problems, then saves the corrected form', async () => {
    const { conn } = suite.server;
    const childId = await childInCareOfSw(conn, 'E2E1', 9);

    const page = suite.page;
    await signInAs(page, 'sw.demo');

    await page.goto(`/children/${String(childId)}/visits/new`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Record a visit',
    );
    await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Was the child seen alone?' }).getByLabel('No').check();
    await press(page, 'Save visit');

    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('Enter the date of the visit');
    expect(await page.title()).toMatch(/^Error: Record a visit/);
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: 'Enter the date of the visit' }).click();
    await expect(page.locator(':focus').getAttribute('name')).resolves.toBe('visitDate-day');

    await fillDate(page, daysAgo(2));
    await press(page, 'Save visit');

    expect(new URL(page.url()).pathname).toBe(`/children/${String(childId)}`);
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'The visit has been recorded',
    );
    const rows = await conn.db
      .selectFrom('visit')
      .select(['visit_date', 'seen', 'seen_alone'])
      .where('child_id', '=', childId)
      .execute();
    expect(rows).toEqual([{ visit_date: daysAgo(2), seen: true, seen_alone: false }]);
  });

  it('corrects previous permanence, substance misuse and a conviction from the record', async () => {
    const { conn } = suite.server;
    const childId = await childInCareOfSw(conn, 'E2E2', 12);
    const year = Number(daysAgo(300).slice(0, 4)) - 2;
    await conn.db
      .insertInto('previous_permanence')
      .values({
        child_id: childId,
        prev_perm: 'P2',
        order_date: null,
        order_date_partial: `ZZ/ZZ/${String(year)}`,
        la_code: null,
      })
      .execute();
    await conn.db
      .insertInto('substance_misuse')
      .values({ child_id: childId, identified_date: daysAgo(30) })
      .execute();
    await conn.db
      .insertInto('conviction')
      .values({ child_id: childId, conviction_date: daysAgo(20) })
      .execute();

    const page = suite.page;
    await signInAs(page, 'sw.demo');

    await page.goto(`/children/${String(childId)}/permanence`);
    await page.getByRole('link', { name: 'Change previous permanence P2' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Correct previous permanence',
    );
    await expect(page.getByRole('textbox', { name: 'Year' }).inputValue()).resolves.toBe(
      String(year),
    );
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Month' }).fill('13');
    await press(page, 'Save changes');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'The month of the order must be a number from 1 to 12',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: 'Month' }).fill('7');
    await press(page, 'Save changes');
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'The previous permanence has been changed',
    );

    await page.goto(`/children/${String(childId)}/health`);
    await page.getByRole('link', { name: /^Change substance misuse identified on/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Correct substance misuse',
    );
    await expectNoAxeViolations(page);
    await page
      .getByRole('group', { name: 'Was the child offered an intervention?' })
      .getByLabel('Yes')
      .check();
    await press(page, 'Save changes');
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'The substance misuse has been changed',
    );

    await page.goto(`/children/${String(childId)}/health`);
    await page.getByRole('link', { name: /^Change conviction of/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Correct a conviction',
    );
    await expectNoAxeViolations(page);

    expect(
      await conn.db
        .selectFrom('previous_permanence')
        .select(['order_date_partial', 'version'])
        .where('child_id', '=', childId)
        .execute(),
    ).toEqual([{ order_date_partial: `ZZ/07/${String(year)}`, version: 2 }]);
    expect(
      await conn.db
        .selectFrom('substance_misuse')
        .select(['intervention_offered', 'version'])
        .where('child_id', '=', childId)
        .execute(),
    ).toEqual([{ intervention_offered: true, version: 2 }]);
  });
});
