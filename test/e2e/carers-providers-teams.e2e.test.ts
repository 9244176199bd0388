// A team manager opens a fostering household, a provider, one of its homes and their team's page
// (each social worker's caseload against the cap): each page says what it is about and passes axe.
import { beforeAll, expect, it } from 'vitest';
import { seedCareFixture, type CareFixture } from '../../src/features/children/testData.ts';
import { TEST_PASSWORD } from '../../src/platform/http/testing.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { submitSignIn } from './signIn.ts';

describeInBrowser('fostering household, provider, home and team pages', () => {
  const suite = useBrowserSuite();
  let fx: CareFixture;
  beforeAll(async () => {
    fx = await seedCareFixture(suite.server.conn);
    // A cap of 2 for the North team: Sam Northcote (0.8 FTE, so a cap of 1) has 2 children.
    await suite.server.conn.db
      .updateTable('team')
      .set({ caseload_cap: 2 })
      .where('id', '=', fx.teams.north)
      .execute();
  });

  const signIn = async () => {
    await suite.page.goto('/sign-in');
    await submitSignIn(suite.page, 'tm.north', TEST_PASSWORD);
  };
  const h1 = () => suite.page.getByRole('heading', { level: 1 }).textContent();
  const text = async (selector: string) =>
    ((await suite.page.locator(selector).allTextContents()).join(' ') || '').replace(/\s+/g, ' ');

  it('shows a fostering household with its carers and the children placed now', async () => {
    const page = suite.page;
    await signIn();
    await page.goto(`/carers/${String(fx.household)}`);
    await expect(h1()).resolves.toContain('Oakwood household');
    const main = await text('main');
    expect(main).toContain('Olive Oakwood');
    expect(main).toContain('Ava Brook');
    await expectNoAxeViolations(page);
  });

  it('shows a provider with its homes, and a home with the children living there', async () => {
    const page = suite.page;
    await signIn();
    await page.goto(`/providers/${String(fx.provider)}`);
    await expect(h1()).resolves.toContain('Example Care Homes Ltd');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Hillside House' }).click();
    expect(new URL(page.url()).pathname).toBe(`/homes/${String(fx.home)}`);
    await expect(h1()).resolves.toContain('Hillside House');
    const main = await text('main');
    expect(main).toContain('SC123456');
    expect(main).toContain('Children living here now');
    await expectNoAxeViolations(page);
  });

  it('shows each social worker’s caseload against the cap on the team page', async () => {
    const page = suite.page;
    await signIn();
    await page.goto('/teams');
    await expect(h1()).resolves.toBe('Teams');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'North Children in Care' }).click();
    await expect(h1()).resolves.toBe('North Children in Care');
    const row = page.getByRole('row', { name: /Sam Northcote/ });
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    // Social worker, FTE, agency, children allocated, cap, against cap.
    expect(cells).toEqual(['Sam Northcote', '0.8', 'Employed', '2', '1', 'Over cap by 1']);
    await expectNoAxeViolations(page);
  });
});
