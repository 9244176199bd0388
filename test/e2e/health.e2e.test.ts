import { expect, it } from 'vitest';
import { version } from '../../src/version.ts';
import { describeInBrowser, useBrowserSuite } from '../support/browser.ts';

describeInBrowser('health check', () => {
  const suite = useBrowserSuite();

  it('answers ok with the embedded engine and the version', async () => {
    const res = await suite.page.goto('/health');
    expect(res?.status()).toBe(200);
    expect(await res?.json()).toEqual({ status: 'ok', database: 'pglite', version });
  });
});
