// Sign-in failures, sign-out, a tampered CSRF token, not found while signed in, and returning to
// the page asked for after signing in.
import { expect, it } from 'vitest';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { signInAs, submitSignIn } from './signIn.ts';

const WRONG = 'Enter a correct username and password';
const CSRF_REFUSED = 'Your form could not be sent. Go back, reload the page and try again.';

describeInBrowser('session', () => {
  const suite = useBrowserSuite();

  it.each([
    ['a wrong password', 'sw.demo', 'not-the-password'],
    ['an unknown username', 'nobody.demo', 'hearth-demo-password'],
  ])('%s is refused with one message that names neither field', async (_, username, password) => {
    const page = suite.page;
    await page.goto('/sign-in');
    await submitSignIn(page, username, password);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading').textContent()).resolves.toContain(
      'There is a problem',
    );
    await expect(summary.textContent()).resolves.toContain(WRONG);
    expect(await page.title()).toMatch(/^Error: Sign in/);
    await expect(page.getByRole('textbox', { name: 'Username' }).inputValue()).resolves.toBe(
      username,
    );
    await expect(page.getByLabel('Password', { exact: true }).inputValue()).resolves.toBe('');
    await expectNoAxeViolations(page);
  });

  it('an empty form asks for the username and the password', async () => {
    const page = suite.page;
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState();
    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('Enter your username');
    await expect(summary.textContent()).resolves.toContain('Enter your password');
    await expectNoAxeViolations(page);
  });

  it('signing out ends the session: the home page asks for sign-in again', async () => {
    const page = suite.page;
    await signInAs(page, 'tm.demo');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.getByRole('main').textContent()).resolves.toContain('You have signed out.');
    await expectNoAxeViolations(page);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto('/account');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('a sign-in form with a tampered CSRF token is refused and signs no one in', async () => {
    const page = suite.page;
    await page.goto('/sign-in');
    await page.locator('input[name=_csrf]').evaluate((input: { value: string }) => {
      input.value = 'forged-token';
    });
    await page.getByRole('textbox', { name: 'Username' }).fill('sw.demo');
    await page.getByLabel('Password', { exact: true }).fill('hearth-demo-password');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    expect(res.status()).toBe(403);
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Your form could not be sent',
    );
    await expect(page.getByRole('main').textContent()).resolves.toContain(CSRF_REFUSED);
    await expectNoAxeViolations(page);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('a sign-out with a tampered CSRF token is refused and the user stays signed in', async () => {
    const page = suite.page;
    await signInAs(page, 'sw.demo');
    await page
      .locator('form[action="/sign-out"] input[name=_csrf]')
      .evaluate((input: { value: string }) => {
        input.value = 'forged-token';
      });
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    expect(res.status()).toBe(403);
    await page.waitForLoadState();
    await expect(page.getByRole('main').textContent()).resolves.toContain(CSRF_REFUSED);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Home');
  });

  it('an unknown address, signed in, answers 404 with a "Page not found" page', async () => {
    const page = suite.page;
    await signInAs(page, 'sw.demo');
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Page not found',
    );
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'If you typed the web address, check it is correct.',
    );
    expect(await page.title()).toMatch(/^Page not found – Hearth – /);
    await expectNoAxeViolations(page);
  });

  it('after signing in, the user lands on the page they first asked for', async () => {
    const page = suite.page;
    await page.goto('/account');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await submitSignIn(page, 'pa.demo', 'hearth-demo-password');
    expect(new URL(page.url()).pathname).toBe('/account');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Your account',
    );
  });
});
