// A social worker requests a placement (the form's GOV.UK errors first) and changes it (and sees the
// withdraw page's error), a manager approves it, and the placement officer finds it in the queue,
// reads the ranked options with their factors and exclusions, and makes the placement. For a child
// not looked after, the decision page asks for the legal status and category of need (errors first)
// and makes the placement, starting the period of care. Every page passes axe, including the error
// states.
import { beforeAll, expect, it } from 'vitest';
import { addDays, addYears } from '../../src/domain/dates/index.ts';
import {
  TODAY,
  addCare,
  addChild,
  daysAgo,
  makeWorld,
  type World,
} from '../../src/features/recording/fixtures.ts';
import { TEST_PASSWORD, addUser } from '../../src/platform/http/testing.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { userId } from './steps.ts';
import { submitSignIn } from './signIn.ts';

describeInBrowser('placement requests and matching', () => {
  const suite = useBrowserSuite();
  let w: World;
  let child: number;
  beforeAll(async () => {
    const conn = suite.server.conn;
    w = await makeWorld(conn);
    await addUser(conn, 'tm.one', ['team_manager'], { teamId: w.teamId });
    child = await addChild(conn, 'E2E1', {
      teamId: w.teamId,
      dob: addYears(TODAY, -12),
      allocate: { social_worker: w.users.sw },
    });
    await addCare(conn, child, daysAgo(200), null);
  });

  const signIn = async (user: string) => {
    await suite.page.goto('/sign-in');
    await submitSignIn(suite.page, user, TEST_PASSWORD);
  };
  const h1 = () => suite.page.getByRole('heading', { level: 1 }).textContent();

  let requestPath = '';

  it('a social worker requests a placement (errors first); the request page', async () => {
    const page = suite.page;
    await signIn('sw.one');
    await page.goto(`/children/${String(child)}/placement-requests/new`);
    await expect(h1()).resolves.toContain('Request a placement');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Make the request' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select whether the placement is planned or an emergency',
    );
    await expectNoAxeViolations(page);

    const needed = addDays(TODAY, 10);
    const [y, m, d] = needed.split('-');
    await page.getByRole('radio', { name: 'Planned' }).check();
    await page.getByRole('textbox', { name: 'Day' }).fill(String(Number(d)));
    await page.getByRole('textbox', { name: 'Month' }).fill(String(Number(m)));
    await page.getByRole('textbox', { name: 'Year' }).fill(y ?? '');
    await page.getByRole('checkbox', { name: 'Foster care' }).check();
    await page.getByRole('checkbox', { name: 'Autism' }).check();
    await page.getByRole('checkbox', { name: 'Going missing' }).check();
    await page.getByRole('button', { name: 'Make the request' }).click();
    await expect(h1()).resolves.toMatch(/Placement request \d+/);
    requestPath = new URL(page.url()).pathname;
    await expect(page.locator('main').textContent()).resolves.toContain('Not yet approved');
    await expectNoAxeViolations(page);

    // The child's record lists the open request beside the link to make one.
    await page.goto(`/children/${String(child)}/placements`);
    await expect(page.getByRole('link', { name: 'Request a placement' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: /^Request \d+: planned/ }).count()).resolves.toBe(
      1,
    );
    await expectNoAxeViolations(page);
  }, 120_000);

  it('the social worker changes the request, and the withdraw page asks for a reason', async () => {
    const page = suite.page;
    await signIn('sw.one');
    await page.goto(requestPath);
    await page.getByRole('link', { name: 'Change the request' }).click();
    await expect(h1()).resolves.toMatch(/Change placement request \d+/);
    await expect(page.getByRole('checkbox', { name: 'Autism' }).isChecked()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole('textbox', { name: /Anything else/ }).fill('Loves drawing');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Placement request changed',
    );
    await expect(page.locator('main').textContent()).resolves.toContain('Loves drawing');

    await page.getByRole('link', { name: 'Withdraw the request' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Withdraw the request' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter why the request is withdrawn',
    );
    await expectNoAxeViolations(page);
  }, 120_000);

  it('a manager approves; the placement officer reads the queue and the ranked options', async () => {
    const page = suite.page;
    await signIn('tm.one');
    await page.goto(requestPath);
    await page.getByRole('button', { name: 'Approve the request' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Request approved',
    );

    await suite.context.clearCookies();
    await signIn('po.one');
    await page.goto('/placement-requests');
    await expect(h1()).resolves.toContain('Placement requests');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /ChildE2E1/ }).click();
    await page.getByRole('link', { name: /See every option/ }).click();
    await expect(h1()).resolves.toContain('Options for');
    await expect(page.locator('main').textContent()).resolves.toContain('Distance from home');
    await expect(page.locator('#excluded').count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
  }, 120_000);

  it('the placement officer makes the placement (errors first)', async () => {
    const page = suite.page;
    await signIn('po.one');
    await page.goto(`${requestPath}/matches`);
    await page.getByRole('button', { name: 'Make the placement' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select the option chosen',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Roomy household' }).check();
    await page.getByRole('textbox', { name: 'Why this option was chosen' }).fill('Close to school');
    await page
      .getByRole('combobox', { name: 'Why the current placement is ending' })
      .selectOption('CARPL');
    await page.getByRole('button', { name: 'Make the placement' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Placement made',
    );
    await expect(page.locator('main').textContent()).resolves.toContain('Roomy household');
    await expectNoAxeViolations(page);
  }, 120_000);

  it('for a child not looked after, the decision asks for the legal status and category of need', async () => {
    const conn = suite.server.conn;
    const newChild = await addChild(conn, 'E2E2', {
      teamId: w.teamId,
      dob: addYears(TODAY, -13),
      allocate: { social_worker: w.users.sw },
    });
    const { id } = await conn.db
      .insertInto('placement_request')
      .values({
        child_id: newChild,
        status: 'open',
        kind: 'emergency',
        date_needed: TODAY,
        place_types: ['foster'],
        siblings_note: null,
        religion: null,
        culture_note: null,
        school_postcode: null,
        notes: null,
        requested_by: w.users.sw,
        approved_by: await userId(conn.db, 'tm.one'),
        approved_at: new Date(),
        decided_by: null,
        decided_at: null,
        chosen_option: null,
        chosen_name: null,
        decision_reason: null,
        placement_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = suite.page;
    await signIn('po.one');
    await page.goto(`/placement-requests/${String(id)}/matches`);
    await expect(page.locator('#starts-care').textContent()).resolves.toContain(
      'this placement starts a period of care',
    );
    await expect(
      page.getByRole('combobox', { name: 'Why the current placement is ending' }).count(),
    ).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Roomy household' }).check();
    await page.getByRole('textbox', { name: 'Why this option was chosen' }).fill('Free tonight');
    await page.getByRole('button', { name: 'Make the placement' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select the legal status: the child is not looked after on the start date',
    );
    await expectNoAxeViolations(page);
    await page.getByRole('combobox', { name: 'Legal status' }).selectOption('V2');
    await page.getByRole('combobox', { name: 'Category of need' }).selectOption('N1');
    await page.getByRole('button', { name: 'Make the placement' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Placement made',
    );
    await expectNoAxeViolations(page);
  }, 120_000);
});
