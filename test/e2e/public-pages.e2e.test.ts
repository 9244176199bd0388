// Pages anyone may reach without signing in: health, privacy, accessibility, sign-in; and a
// signed-out visit to any other address (it goes to sign-in, so nothing reveals what exists).
import { expect, it } from 'vitest';
import { version } from '../../src/version.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';

describeInBrowser('public pages', () => {
  const suite = useBrowserSuite();

  it('GET /health answers ok with the embedded engine and the version', async () => {
    const res = await suite.page.goto('/health');
    expect(res?.status()).toBe(200);
    expect(await res?.json()).toEqual({ status: 'ok', database: 'pglite', version });
  });

  it.each([
    ['/privacy', 'How Hearth uses personal information', 'The audit trail'],
    ['/accessibility', 'Accessibility statement for Hearth', 'Reporting problems'],
  ])('%s shows its headings, the council branding and the footer links', async (path, h1, h2) => {
    const page = suite.page;
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(h1);
    await expect(page.getByRole('heading', { level: 2, name: h2 }).count()).resolves.toBe(1);
    expect(await page.title()).toContain(suite.server.config.authority.name);
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: 'Privacy' }).count()).resolves.toBe(1);
    await expect(footer.getByRole('link', { name: 'Accessibility' }).count()).resolves.toBe(1);
    await expect(footer.textContent()).resolves.not.toMatch(/Crown copyright/i);
    await expectNoAxeViolations(page);
  });

  it.each(['/', '/admin/users', '/no-such-page'])(
    'a signed-out visit to %s goes to the sign-in form',
    async (path) => {
      const page = suite.page;
      await page.goto(path);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Sign in to Hearth',
      );
      await expect(
        page.getByRole('navigation', { name: 'Menu' }).getByRole('link').count(),
      ).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page);
    },
  );
});
