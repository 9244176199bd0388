// Action plans in the browser: a service manager reads the plans, a strategy filtered by RAG, an
// action with its updates and RAG history, adds a progress update (GOV.UK error first), and a CSV
// import with problems; a panel member sees the plans but no way to change them. axe on each page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { todayInLondon } from '../../src/domain/dates/index.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { navigationLinks, signInAs } from './signIn.ts';

describeInBrowser('action plans', () => {
  const suite = useBrowserSuite();
  let strategyId = 0;
  let actionId = 0;

  beforeAll(async () => {
    const db = suite.server.conn.db;
    const sm = await db
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('username', '=', 'sm.demo')
      .executeTakeFirstOrThrow();
    const s = await db
      .insertInto('plan_strategy')
      .values({ name: 'Sufficiency Strategy action plan', kind: 'sufficiency' })
      .returning('id')
      .executeTakeFirstOrThrow();
    strategyId = s.id;
    for (const [title, rag, due] of [
      ['Review the statement of purpose of each children’s home', 'amber', '2026-01-31'],
      ['Bring proposals for 16+ supported accommodation', 'red', null],
    ] as const) {
      const a = await db
        .insertInto('plan_action')
        .values({
          strategy_id: s.id,
          theme: 'Residential',
          title,
          owner_id: sm.id,
          due_date: due,
          rag,
          measure_ids: ['placed-outside-la'],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      actionId ||= a.id;
      await db
        .insertInto('plan_rag_change')
        .values({
          action_id: a.id,
          effective_date: '2025-12-01',
          from_rag: null,
          to_rag: rag,
          changed_by: sm.id,
          changed_by_name: sm.display_name,
        })
        .execute();
    }
  });

  it('a service manager reads, filters, updates and imports', async () => {
    const page = suite.page;
    await signInAs(page, 'sm.demo');
    expect(await navigationLinks(page)).toContain('Action plans');
    await page.getByRole('link', { name: 'Action plans' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Sufficiency Strategy action plan' }).click();
    await page.getByLabel('RAG').selectOption('red');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expectNoAxeViolations(page);
    const rows = page.locator('#actions tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('16+ supported accommodation');

    await page.goto(`/plans/actions/${String(actionId)}`);
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').textContent()).toContain('statement of purpose');
    await page.getByRole('link', { name: 'Add a progress update' }).click();
    await page.getByRole('button', { name: 'Add update' }).click();
    await expectNoAxeViolations(page);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter the date of the update',
    );
    const today = todayInLondon(new Date());
    await page.getByLabel('Day').fill(String(Number(today.slice(8))));
    await page.getByLabel('Month').fill(String(Number(today.slice(5, 7))));
    await page.getByLabel('Year').fill(today.slice(0, 4));
    await page.getByLabel('Progress').fill('All statements of purpose reviewed');
    await page.getByLabel('Complete').check();
    await page.getByRole('button', { name: 'Add update' }).click();
    expect(new URL(page.url()).pathname).toBe(`/plans/actions/${String(actionId)}`);
    expect(await page.locator('#history tbody tr').first().textContent()).toContain('Complete');
    await expectNoAxeViolations(page);

    await page.goto(`/plans/${String(strategyId)}/import`);
    await expectNoAxeViolations(page);
    const dir = mkdtempSync(path.join(tmpdir(), 'plans-e2e-'));
    const file = path.join(dir, 'plan.csv');
    writeFileSync(file, 'Actions,Timescale,Owner,RAG\nA,March 2027,nobody,green\n');
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import actions' }).click();
    await expectNoAxeViolations(page);
    expect(await page.locator('#problems tbody tr').first().textContent()).toContain(
      'Owner “nobody” is not a known user of Hearth',
    );
  });

  it('a panel member sees plans but no forms', async () => {
    const page = suite.page;
    await signInAs(page, 'panel.demo');
    await page.goto(`/plans/${String(strategyId)}`);
    await expectNoAxeViolations(page);
    expect(await page.getByRole('link', { name: 'Add an action' }).count()).toBe(0);
    expect(await navigationLinks(page)).not.toContain('Reports');
  });
});
