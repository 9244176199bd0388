// Signing in through the real form, as a user would. Shared by the browser tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/auth/demoAccounts.ts';
import { expectNoAxeViolations } from '../support/browser.ts';

/** Fill and send the sign-in form on the current page (which must show it). */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState();
}

/** Go to /sign-in, check it is accessible, sign in with a demo account and land on the home page. */
export async function signInAs(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/sign-in');
  await expectNoAxeViolations(page);
  await submitSignIn(page, username, password);
  expect(new URL(page.url()).pathname).toBe('/');
}

/** The text of each link in the service navigation ("Menu"). */
export async function navigationLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Menu' }).getByRole('link');
  return (await links.allTextContents()).map((t) => t.trim());
}

/** The text of each second-level heading in the main content. */
export async function sectionHeadings(page: Page): Promise<string[]> {
  return (await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).map(
    (t) => t.trim(),
  );
}
