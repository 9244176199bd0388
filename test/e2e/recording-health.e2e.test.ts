// The health form in the browser: with JavaScript the SDQ fields show only once "SDQ" is chosen
// (GOV.UK conditional reveal), axe finds nothing but GOV.UK Frontend's known aria-expanded on those radios, and a saved SDQ score lands
// on the child's record. (Without JavaScript every field shows with its "Only for" hint: see
// src/features/recording/edits.int.test.ts.)
import { expect, it } from 'vitest';
import { daysAgo } from '../../src/features/recording/fixtures.ts';
import { AxeBuilder } from '@axe-core/playwright';
import { AXE_TAGS, describeInBrowser, useBrowserSuite } from '../support/browser.ts';
import { signInAs } from './signIn.ts';
import { childInCareOfSw, fillDate, press } from './steps.ts';

describeInBrowser('recording health', () => {
  const suite = useBrowserSuite();

  it('reveals the SDQ fields when SDQ is chosen and saves the score', async () => {
    const { conn } = suite.server;
    const childId = await childInCareOfSw(conn, 'E2EH1', 9);

    const page = suite.page;
    await signInAs(page, 'sw.demo');

    await page.goto(`/children/${String(childId)}/health/new`);
    const score = page.getByRole('textbox', { name: 'SDQ score' });
    await expect(score.isVisible()).resolves.toBe(false);
    await page.getByLabel('Strengths and difficulties questionnaire (SDQ)').check();
    await expect(score.isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('group', { name: 'Are the child’s immunisations up to date?' }).isVisible(),
    ).resolves.toBe(false);
    // GOV.UK Frontend's conditional reveal sets aria-expanded on the radio inputs, which axe flags
    // (a known issue GOV.UK keeps on purpose: alphagov/govuk-frontend#979). Everything else passes.
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual(['aria-allowed-attr: #kind-immunisations, #kind-sdq']);

    await fillDate(page, daysAgo(3));
    await score.fill('17');
    await press(page, 'Save');

    expect(new URL(page.url()).pathname).toBe(`/children/${String(childId)}`);
    const rows = await conn.db
      .selectFrom('sdq')
      .select(['sdq_date', 'score', 'reason'])
      .where('child_id', '=', childId)
      .execute();
    expect(rows).toEqual([{ sdq_date: daysAgo(3), score: 17, reason: null }]);
  });
});
